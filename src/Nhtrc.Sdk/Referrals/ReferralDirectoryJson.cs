using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Reads and writes referral directories as JSON (docs/referrals.md). A large document is read
/// on several threads with the same result; places are resolved against a gazetteer,
/// <see cref="Gazetteer.Default"/> unless one is given.
/// Every document kind of the SDK has the same verbs: Parse, Load, LoadAsync, LoadFile, LoadFileAsync,
/// Serialize and Write, and what Serialize writes reads back to an equal value. Source-generated
/// System.Text.Json only (no reflection; AOT-safe). Thread-safe.
/// </summary>
#pragma warning disable RS0026 // Every document's LoadAsync and LoadFileAsync take an optional token, with and without ReadLimits.
public static class ReferralDirectoryJson
{
    /// <summary>Reads a referral directory from JSON text.</summary>
    /// <param name="json">The document's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid. Every missing, unknown, repeated or invalid value, every value of the wrong JSON
    /// type and every broken rule is listed with its JSON path (for example
    /// <c>$.organizations[2].services[0].area.zips[1]</c>); only malformed JSON stops reading, so it is the one
    /// problem listed, at the deepest path read and with its line.
    /// </exception>
    public static ReferralDirectory Parse(string json) => DirectoryFormat.Default.Parse(json, ReadLimits.Default);

    /// <summary>Reads a referral directory from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory Parse(ReadOnlySpan<byte> utf8Json) => DirectoryFormat.Default.Parse(utf8Json, ReadLimits.Default);

    /// <summary>Reads a referral directory from a stream of UTF-8 JSON, to its end; the stream is left open.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory Load(Stream utf8Json) => DirectoryFormat.Default.Load(utf8Json, ReadLimits.Default);

    /// <summary>Reads a referral directory from a stream of UTF-8 JSON, to its end, asynchronously; the stream is left open.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
#pragma warning disable RS0027 // Every document's verb has this shape; the gazetteer overload takes the token as a required argument.
    public static Task<ReferralDirectory> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        DirectoryFormat.Default.LoadAsync(utf8Json, ReadLimits.Default, cancellationToken);
#pragma warning restore RS0027

    /// <summary>Reads a referral directory from a JSON file; a name ending in <c>.gz</c> is decompressed first.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory LoadFile(string path) => DirectoryFormat.Default.LoadFile(path, ReadLimits.Default);

    /// <summary>Reads a referral directory from a JSON file asynchronously; a name ending in <c>.gz</c> is decompressed first.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops reading the file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
#pragma warning disable RS0027 // Every document's verb has this shape; the gazetteer overload takes the token as a required argument.
    public static Task<ReferralDirectory> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        DirectoryFormat.Default.LoadFileAsync(path, ReadLimits.Default, cancellationToken);

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="json">The document's text.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="limits"/> is null.</exception>
    public static ReferralDirectory Parse(string json, ReadLimits limits) => DirectoryFormat.Default.Parse(json, limits);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static ReferralDirectory Parse(ReadOnlySpan<byte> utf8Json, ReadLimits limits) => DirectoryFormat.Default.Parse(utf8Json, limits);

    /// <inheritdoc cref="Load(Stream)"/>
    /// <param name="utf8Json">The stream, read from its position to its end (at most <see cref="ReadLimits.MaxDocumentBytes"/> and one byte more).</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is null.</exception>
    public static ReferralDirectory Load(Stream utf8Json, ReadLimits limits) => DirectoryFormat.Default.Load(utf8Json, limits);

    /// <inheritdoc cref="LoadAsync(Stream, CancellationToken)"/>
    /// <param name="utf8Json">The stream, read from its position to its end (at most <see cref="ReadLimits.MaxDocumentBytes"/> and one byte more).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is null.</exception>
    public static Task<ReferralDirectory> LoadAsync(Stream utf8Json, ReadLimits limits, CancellationToken cancellationToken = default) =>
        DirectoryFormat.Default.LoadAsync(utf8Json, limits, cancellationToken);

    /// <inheritdoc cref="LoadFile(string)"/>
    /// <param name="path">The file's path.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public static ReferralDirectory LoadFile(string path, ReadLimits limits) => DirectoryFormat.Default.LoadFile(path, limits);

    /// <inheritdoc cref="LoadFileAsync(string, CancellationToken)"/>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public static Task<ReferralDirectory> LoadFileAsync(string path, ReadLimits limits, CancellationToken cancellationToken = default) =>
        DirectoryFormat.Default.LoadFileAsync(path, limits, cancellationToken);
#pragma warning restore RS0027

    /// <summary>The JSON text of <paramref name="directory"/>, which <see cref="Parse(string)"/> reads back to an equal value.</summary>
    /// <param name="directory">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static string Serialize(ReferralDirectory directory) => DirectoryFormat.Default.Serialize(directory);

    /// <summary>Writes <paramref name="directory"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="directory">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(ReferralDirectory directory, Stream utf8Json) => DirectoryFormat.Default.Write(directory, utf8Json);

    /// <summary>Reads a referral directory from JSON text, resolving places against <paramref name="gazetteer"/>.</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="gazetteer">Resolves ZIP codes, counties and points.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="gazetteer"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory Parse(string json, Gazetteer gazetteer) => With(gazetteer).Parse(json, ReadLimits.Default);

    /// <summary>Reads a referral directory from UTF-8 JSON, resolving places against <paramref name="gazetteer"/>.</summary>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <param name="gazetteer">Resolves ZIP codes, counties and points.</param>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory Parse(ReadOnlySpan<byte> utf8Json, Gazetteer gazetteer) => With(gazetteer).Parse(utf8Json, ReadLimits.Default);

    /// <summary>Reads a referral directory from a stream, resolving places against <paramref name="gazetteer"/>; see <see cref="Load(Stream)"/>.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <param name="gazetteer">Resolves ZIP codes, counties and points.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="gazetteer"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory Load(Stream utf8Json, Gazetteer gazetteer) => With(gazetteer).Load(utf8Json, ReadLimits.Default);

    /// <summary>Reads a referral directory from a stream asynchronously, resolving places against <paramref name="gazetteer"/>.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <param name="gazetteer">Resolves ZIP codes, counties and points.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="gazetteer"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Task<ReferralDirectory> LoadAsync(Stream utf8Json, Gazetteer gazetteer, CancellationToken cancellationToken) =>
        With(gazetteer).LoadAsync(utf8Json, ReadLimits.Default, cancellationToken);

    /// <summary>Reads a referral directory from a JSON file (<c>.gz</c> decompressed), resolving places against <paramref name="gazetteer"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="gazetteer">Resolves ZIP codes, counties and points.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="gazetteer"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ReferralDirectory LoadFile(string path, Gazetteer gazetteer) => With(gazetteer).LoadFile(path, ReadLimits.Default);

    /// <summary>Reads a referral directory from a JSON file asynchronously (<c>.gz</c> decompressed), resolving places against <paramref name="gazetteer"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="gazetteer">Resolves ZIP codes, counties and points.</param>
    /// <param name="cancellationToken">Stops reading the file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="gazetteer"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Task<ReferralDirectory> LoadFileAsync(string path, Gazetteer gazetteer, CancellationToken cancellationToken) =>
        With(gazetteer).LoadFileAsync(path, ReadLimits.Default, cancellationToken);

    private static DirectoryFormat With(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        return DirectoryFormat.For(gazetteer);
    }
}
#pragma warning restore RS0026
