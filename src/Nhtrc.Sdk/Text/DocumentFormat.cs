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


    public T Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            throw new NhtrcValidationException(Subject, [new ValidationProblem("$", "is not valid text: it holds an unpaired UTF-16 surrogate.")]);
        }

        return ReadCore(utf8.AsMemory());
    }

    public T Parse(ReadOnlySpan<byte> utf8Json) => ReadCore(utf8Json);

    public T Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);

        // A memory stream's own buffer is read in place, without a copy.
        if (utf8Json is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var start = (int)memory.Position;
            memory.Position = memory.Length;
            return ReadCore(buffer.AsMemory(start, buffer.Count - start));
        }

        using var copy = utf8Json.CanSeek ? new MemoryStream(checked((int)Math.Max(0, utf8Json.Length - utf8Json.Position))) : new MemoryStream();
        utf8Json.CopyTo(copy);
        return ReadCore(copy.GetBuffer().AsMemory(0, (int)copy.Length));
    }

    public async Task<T> LoadAsync(Stream utf8Json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var copy = new MemoryStream();
        await utf8Json.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return ReadCore(copy.GetBuffer().AsMemory(0, (int)copy.Length));
    }

    public T LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsCompressed(path))
        {
            return ReadCore(File.ReadAllBytes(path).AsMemory());
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return Load(gzip);
    }

    public async Task<T> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            if (!IsCompressed(path))
            {
                return await LoadAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                return await LoadAsync(gzip, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Reads a whole UTF-8 document, or throws <see cref="NhtrcValidationException"/> listing every problem.</summary>
    protected abstract T ReadCore(ReadOnlySpan<byte> utf8Json);

    /// <summary>Like <see cref="ReadCore(ReadOnlySpan{byte})"/>, for bytes that may be shared with other threads.</summary>
    protected virtual T ReadCore(ReadOnlyMemory<byte> utf8Json) => ReadCore(utf8Json.Span);

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
}
