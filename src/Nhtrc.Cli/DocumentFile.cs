using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Cli;

/// <summary>
/// Reads a document file the user named (JSON, or gzip-compressed JSON when the name ends in <c>.gz</c>) for a
/// command, writing why it cannot be used to stderr instead of throwing. A file that is missing, unreadable or
/// invalid is bad input, reported with the problems' JSON paths; the command then exits 2.
/// </summary>
internal static class DocumentFile
{
    /// <summary>Loads <paramref name="path"/> with <paramref name="load"/> (an SDK facade's <c>LoadFile</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="load">Reads the file; throws <see cref="NhtrcValidationException"/> for an invalid document.</param>
    /// <param name="noun">What the document is, for the message: <c>referral directory</c>, <c>response policy</c>.</param>
    /// <param name="prefix">Starts every line written about the file, for example <c>nhtrc match: --directory: </c>.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <param name="value">The loaded document, or null.</param>
    /// <returns>True when the file is a valid document.</returns>
    public static bool TryLoad<T>(string path, Func<string, T> load, string noun, string prefix, TextWriter stderr, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(stderr);
        value = null;
        if (!IsFileName(path))
        {
            stderr.Write($"{prefix}'{path}' is not a valid file name.\n");
            return false;
        }

        try
        {
            value = load(path);
            return true;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            WriteUnreadable(path, e, prefix, stderr);
        }
        catch (NhtrcValidationException e)
        {
            WriteProblems(path, noun, e, prefix, stderr);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            // The SDK documents these for values past what it can compute with (an instant or a duration too far
            // out); in a file the user named they are bad input, said in words.
            WriteOutOfRange(path, noun, prefix, stderr);
        }

        return false;
    }

    /// <summary>The most bytes <see cref="TryReadBytes"/> reads (after decompression): 256 MiB.</summary>
    public const int MaxDocumentBytes = 256 << 20;

    /// <summary>
    /// The limits every document file is read with: the SDK's defaults but at most <see cref="MaxDocumentBytes"/>
    /// (docs/cli.md), so a file loaded by a facade's <c>LoadFile</c> is bounded like one read by <see cref="TryReadBytes"/>.
    /// </summary>
    public static ReadLimits Limits { get; } = new() { MaxDocumentBytes = MaxDocumentBytes };

    /// <summary>
    /// Reads every byte of <paramref name="path"/>, decompressed when its name ends in <c>.gz</c>, up to
    /// <see cref="MaxDocumentBytes"/> (so <c>/dev/zero</c> or a gzip bomb is refused, not read forever), without a
    /// leading UTF-8 byte order mark.
    /// </summary>
    /// <returns>True with the bytes; false after writing why the file cannot be read.</returns>
    public static bool TryReadBytes(string path, string prefix, TextWriter stderr, [NotNullWhen(true)] out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        bytes = null;
        if (!IsFileName(path))
        {
            stderr.Write($"{prefix}'{path}' is not a valid file name.\n");
            return false;
        }

        try
        {
            using var file = File.OpenRead(path);
            using var content = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(file, CompressionMode.Decompress)
                : (Stream)file;
            using var buffer = new MemoryStream();
            var block = new byte[1 << 16];
            int read;
            while ((read = content.Read(block)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                {
                    stderr.Write(string.Create(CultureInfo.InvariantCulture, $"{prefix}'{path}' is larger than {MaxDocumentBytes} bytes, the most nhtrc reads.\n"));
                    return false;
                }

                buffer.Write(block, 0, read);
            }

            // One leading UTF-8 byte order mark is skipped, as on stdin (docs/cli.md): Windows editors write one.
            var all = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            bytes = (all.StartsWith("\uFEFF"u8) ? all[3..] : all).ToArray();
            return true;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            WriteUnreadable(path, e, prefix, stderr);
            return false;
        }
    }

    /// <summary>
    /// Writes <c>PREFIX'PATH' is not a valid NOUN: it holds a date, time or duration outside what nhtrc can compute
    /// with.</c>, for a reader that threw <see cref="ArgumentOutOfRangeException"/> or <see cref="OverflowException"/>.
    /// </summary>
    public static void WriteOutOfRange(string path, string noun, string prefix, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.Write($"{prefix}'{path}' is not a valid {noun}: it holds a date, time or duration outside what nhtrc can compute with.\n");
    }

    /// <summary>Writes <c>PREFIX'PATH' is not a valid NOUN (N problems):</c> and every problem, one a line, with its JSON path.</summary>
    public static void WriteProblems(string path, string noun, NhtrcValidationException e, string prefix, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        var count = e.Problems.Length == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{e.Problems.Length} problems");
        stderr.Write($"{prefix}'{path}' is not a valid {noun} ({count}):\n");
        foreach (var problem in e.Problems)
        {
            stderr.Write($"  - {problem}\n");
        }
    }

    // A file the user named that cannot be opened or read is bad input (exit 2), not an environment failure: the
    // user can fix the name or the file. A .gz name over bytes that are not gzip is an InvalidDataException. An
    // ArgumentException from a loader is not caught here: the name is checked before (IsFileName).
    private static bool IsUnreadable(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException;

    /// <summary>False when <paramref name="path"/> cannot name a file at all (empty, a NUL in it).</summary>
    private static bool IsFileName(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            _ = Path.GetFullPath(path);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    /// <summary>Why a file the user named cannot be read, in words (never a .NET type name).</summary>
    internal static string DescribeUnreadable(string path, Exception e) => e switch
    {
        NotSupportedException => $"'{path}' is not a valid file name.",
        _ when Directory.Exists(path) => $"'{path}' is a directory, not a file.",
        FileNotFoundException or DirectoryNotFoundException => $"file '{path}' does not exist.",
        UnauthorizedAccessException => $"cannot read '{path}': permission denied.",
        InvalidDataException => $"cannot read '{path}': it is not gzip-compressed data.",
        PathTooLongException => $"cannot read '{path}': the name is too long.",
        _ => $"cannot read '{path}': {IOErrors.Describe(e).TrimEnd('.')}.",
    };

    private static void WriteUnreadable(string path, Exception e, string prefix, TextWriter stderr) =>
        stderr.Write($"{prefix}{DescribeUnreadable(path, e)}\n");
}
