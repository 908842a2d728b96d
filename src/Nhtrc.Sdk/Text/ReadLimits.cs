using System;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// The bounds every document reader of the SDK (the <c>&lt;Document&gt;Json</c> facades) puts on its input, so that
/// a hostile or broken document (an endless stream, a gzip bomb, nesting thousands deep, a list or a string of
/// hundreds of megabytes) is refused with an <see cref="Validation.NhtrcValidationException"/> instead of using up
/// memory or time. Past a limit reading stops: the exception lists the problems found until then and one problem
/// naming the limit and its property here. Field rules that are smaller (a contact's narrative length, a
/// directory's service count) still apply on top. Immutable and thread-safe; every value must be positive.
/// </summary>
public sealed class ReadLimits
{
    private readonly int _maxDocumentBytes = 512 << 20;
    private readonly int _maxDepth = 64;
    private readonly int _maxListLength = 1_000_000;
    private readonly int _maxStringLength = 1 << 20;
    private readonly int _maxProblems = 1_000;

    /// <summary>The defaults, used by every read verb that takes no limits.</summary>
    public static ReadLimits Default { get; } = new();

    /// <summary>
    /// The most bytes of one document (after gzip decompression, without a UTF-8 byte order mark); 512 MiB by
    /// default. A national directory of 100,000 services is about 90 MB of JSON and an HSDS feed is larger, so
    /// the default leaves room for both while a stream or file is never read past it (at most this plus one
    /// byte is buffered). At most <see cref="Array.MaxLength"/> - 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or above <see cref="Array.MaxLength"/> - 1.</exception>
    public int MaxDocumentBytes
    {
        get => _maxDocumentBytes;
        init => _maxDocumentBytes = value < Array.MaxLength ? Positive(value) : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDocumentBytes must be below Array.MaxLength.");
    }

    /// <summary>
    /// The most levels of nested objects and arrays (the document's root object is level 1); 64 by default, the
    /// depth System.Text.Json itself allows. The deepest document of the SDK (triage rules with nested
    /// <c>all</c>/<c>any</c> conditions) needs a dozen or so. A larger value does not let the source-generated
    /// readers go past System.Text.Json's own 64.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init => _maxDepth = Positive(value);
    }

    /// <summary>
    /// The most items of any one JSON array; 1,000,000 by default: ten times the organizations of a national
    /// directory, and far more than any list of services, areas, rules or materials needs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxListLength
    {
        get => _maxListLength;
        init => _maxListLength = Positive(value);
    }

    /// <summary>
    /// The most UTF-8 bytes of any one string value or property name as written in the document (an escape
    /// such as <c>\u00e9</c> counts as the bytes it is written with); 1 MiB by default, well above the longest
    /// field any document kind allows (a contact narrative of 20,000 characters is at most 80 KB) and small
    /// enough that no one value can hold the document's memory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxStringLength
    {
        get => _maxStringLength;
        init => _maxStringLength = Positive(value);
    }

    /// <summary>
    /// The most problems one <see cref="Validation.NhtrcValidationException"/> lists; past it the first ones are
    /// listed and one closing problem at <c>$</c> says how many more there were. 1,000 by default: enough to fix
    /// a document from, small enough for a log line or a terminal.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxProblems
    {
        get => _maxProblems;
        init => _maxProblems = Positive(value);
    }

    private static int Positive(int value, [System.Runtime.CompilerServices.CallerMemberName] string name = "") =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
}
