using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// One document kind's JSON, read and written (the role NodaTime's <c>IPattern&lt;T&gt;</c> plays): a kind
/// supplies how to read UTF-8 and how to write, and gets every verb of its public <c>&lt;Document&gt;Json</c>
/// facade from here, with the same arguments, checks and exceptions for every kind. Thread-safe when the
/// kind's own reading and writing are (they are: they keep no state between calls).
/// </summary>
/// <typeparam name="T">The value the document holds.</typeparam>
internal abstract class DocumentFormat<T>
    where T : class
{
    // Strict, so text with an unpaired surrogate is reported rather than silently replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    protected DocumentFormat(string subject)
    {
        Subject = subject;
    }

    /// <summary>What the document is called in problems: <c>contact document</c>, <c>referral directory</c>.</summary>
    public string Subject { get; }


    public T Parse(string json, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(limits);

        // UTF-8 takes at least a byte for every UTF-16 char, so a longer text is too large before it is encoded.
        if (json.Length - (json.StartsWith('\uFEFF') ? 1 : 0) > limits.MaxDocumentBytes)
        {
            throw TooLarge(limits);
        }

        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            throw new NhtrcValidationException(Subject, [new ValidationProblem("$", "is not valid text: it holds an unpaired UTF-16 surrogate.")]);
        }

        return Read(utf8.AsMemory(), limits);
    }

    public T Parse(ReadOnlySpan<byte> utf8Json, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        utf8Json = WithoutBom(utf8Json);
        if (utf8Json.Length > limits.MaxDocumentBytes)
        {
            throw TooLarge(limits);
        }

        return Capped(limits, utf8Json, static (format, bytes, limits) => format.ReadCore(bytes, limits));
    }

    public T Load(Stream utf8Json, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(limits);

        // A memory stream's own buffer is read in place, without a copy.
        if (utf8Json is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var start = (int)Math.Min(memory.Position, memory.Length);
            memory.Position = memory.Length;
            return Read(buffer.AsMemory(start, buffer.Count - start), limits);
        }

        using var copy = new MemoryStream(InitialCapacity(utf8Json, limits));
        var block = new byte[1 << 16];
        int read;
        while ((read = utf8Json.Read(block, 0, Room(copy, block, limits))) > 0)
        {
            copy.Write(block, 0, read);
            if (copy.Length > limits.MaxDocumentBytes + (long)Preamble(copy))
            {
                throw TooLarge(limits);
            }
        }

        return Read(copy.GetBuffer().AsMemory(0, (int)copy.Length), limits);
    }

    public async Task<T> LoadAsync(Stream utf8Json, ReadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(limits);
        using var copy = new MemoryStream(InitialCapacity(utf8Json, limits));
        var block = new byte[1 << 16];
        int read;
        while ((read = await utf8Json.ReadAsync(block.AsMemory(0, Room(copy, block, limits)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            copy.Write(block, 0, read);
            if (copy.Length > limits.MaxDocumentBytes + (long)Preamble(copy))
            {
                throw TooLarge(limits);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Read(copy.GetBuffer().AsMemory(0, (int)copy.Length), limits);
    }

    public T LoadFile(string path, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        using var file = File.OpenRead(path);
        if (!IsCompressed(path))
        {
            return Load(file, limits);
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return Load(gzip, limits);
    }

    public async Task<T> LoadFileAsync(string path, ReadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            if (!IsCompressed(path))
            {
                return await LoadAsync(file, limits, cancellationToken).ConfigureAwait(false);
            }

            var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                return await LoadAsync(gzip, limits, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public string Serialize(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SerializeCore(value);
    }

    public void Write(T value, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(utf8Json);
        WriteCore(value, utf8Json);
    }

    /// <summary>
    /// Reads a whole UTF-8 document (no byte order mark, at most <see cref="ReadLimits.MaxDocumentBytes"/>), or
    /// throws <see cref="NhtrcValidationException"/> listing every problem; the other limits are the reader's.
    /// </summary>
    protected abstract T ReadCore(ReadOnlySpan<byte> utf8Json, ReadLimits limits);

    /// <summary>Like <see cref="ReadCore(ReadOnlySpan{byte}, ReadLimits)"/>, for bytes that may be shared with other threads.</summary>
    protected virtual T ReadCore(ReadOnlyMemory<byte> utf8Json, ReadLimits limits) => ReadCore(utf8Json.Span, limits);

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON to <paramref name="utf8Json"/>.</summary>
    protected abstract void WriteCore(T value, Stream utf8Json);

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    protected virtual string SerializeCore(T value)
    {
        using var buffer = new MemoryStream();
        WriteCore(value, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsCompressed(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith(Utf8Bom) ? utf8Json[Utf8Bom.Length..] : utf8Json;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    // The bytes of a leading byte order mark in what was read so far (not counted against the limit).
    private static int Preamble(MemoryStream copy) =>
        copy.Length >= 3 && copy.GetBuffer().AsSpan(0, 3).SequenceEqual(Utf8Bom) ? 3 : 0;

    // A seekable stream's remaining length (bounded by the limit) is allocated at once; others grow.
    private static int InitialCapacity(Stream stream, ReadLimits limits)
    {
        try
        {
            return stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 0, Math.Min(limits.MaxDocumentBytes + 4L, 1 << 30)) : 0;
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }

    // How much the next read may add: never more than one byte past the limit (plus a byte order mark).
    private static int Room(MemoryStream copy, byte[] block, ReadLimits limits) =>
        (int)Math.Max(1, Math.Min(block.Length, limits.MaxDocumentBytes + 4L - copy.Length));

    private NhtrcValidationException TooLarge(ReadLimits limits) =>
        new(Subject, [new ValidationProblem("$", JsonTextCheck.TooLarge(limits))]);

    private T Read(ReadOnlyMemory<byte> utf8Json, ReadLimits limits)
    {
        if (utf8Json.Span.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (utf8Json.Length > limits.MaxDocumentBytes)
        {
            throw TooLarge(limits);
        }

        return Capped(limits, utf8Json, static (format, bytes, limits) => format.ReadCore(bytes, limits));
    }

    private delegate TResult Reader<TBytes, TResult>(DocumentFormat<T> format, TBytes bytes, ReadLimits limits)
        where TBytes : allows ref struct;

    // At most MaxProblems problems are listed, and one closing problem says how many more there were.
    private T Capped<TBytes>(ReadLimits limits, TBytes bytes, Reader<TBytes, T> read)
        where TBytes : allows ref struct
    {
        try
        {
            return read(this, bytes, limits);
        }
        catch (NhtrcValidationException e) when (e.Problems.Length > limits.MaxProblems)
        {
            throw new NhtrcValidationException(e.Subject, [.. e.Problems[..limits.MaxProblems], new ValidationProblem("$", JsonTextCheck.MoreProblems(e.Problems.Length - limits.MaxProblems, limits))]);
        }
    }
}
