using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.IO.Compression;
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
        value = null;
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

        return false;
    }

    /// <summary>Reads every byte of <paramref name="path"/>, decompressed when its name ends in <c>.gz</c>.</summary>
    /// <returns>True with the bytes; false after writing why the file cannot be read.</returns>
    public static bool TryReadBytes(string path, string prefix, TextWriter stderr, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        try
        {
            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                bytes = File.ReadAllBytes(path);
                return true;
            }

            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            bytes = buffer.ToArray();
            return true;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            WriteUnreadable(path, e, prefix, stderr);
            return false;
        }
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
    // user can fix the name or the file. A .gz name over bytes that are not gzip is an InvalidDataException.
    private static bool IsUnreadable(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static void WriteUnreadable(string path, Exception e, string prefix, TextWriter stderr)
    {
        stderr.Write(e is FileNotFoundException or DirectoryNotFoundException
            ? $"{prefix}file '{path}' does not exist.\n"
            : $"{prefix}cannot read '{path}': {e.Message}\n");
    }
}
