using System;
using System.Buffers;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Unicode;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc validate FILE [--kind KIND]</c>: reads a document of any kind the SDK reads (directory, policy, rules,
/// contact, calendar), given by <c>--kind</c> or detected from its content, and says whether it is valid, listing
/// every problem with its JSON path when it is not.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(string summary)
    {
        var file = SharedOptions.TakesNoOption(new Argument<string>("FILE") { Description = "the document to check; a name ending in .gz is decompressed first" });
        var kindNames = DocumentKind.All.Select(k => k.Name).ToArray();
        var kind = new Option<string>("--kind")
        {
            Description = "the kind of document: " + string.Join(", ", kindNames) + "; default: detected from the content",
            HelpName = "KIND",
        };
        kind.AcceptOnlyFromAmong(kindNames);
        var command = new Command("validate", summary) { file, kind };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetRequiredValue(file);
            if (!DocumentFile.TryReadBytes(path, "nhtrc validate: ", stderr, out var bytes))
            {
                return ExitCodes.UsageError;
            }

            if (FirstInvalidUtf8(bytes) is { } offset)
            {
                stderr.Write(Describe(path, bytes, offset));
                return ExitCodes.UsageError;
            }

            var documentKind = parseResult.GetValue(kind) is { } name ? DocumentKind.Find(name)! : Detect(path, bytes, stderr);
            if (documentKind is null)
            {
                return ExitCodes.UsageError;
            }

            string description;
            try
            {
                description = documentKind.Read(bytes);
            }
            catch (NhtrcValidationException e)
            {
                DocumentFile.WriteProblems(path, documentKind.Noun, e, "nhtrc validate: ", stderr);
                return ExitCodes.UsageError;
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                // A value past what the SDK computes with (a duration of 200,000 days, say): bad input, in words.
                DocumentFile.WriteOutOfRange(path, documentKind.Noun, "nhtrc validate: ", stderr);
                return ExitCodes.UsageError;
            }

            stdout.Write($"{path}: valid {documentKind.Noun}, {description}\n");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc validate ARGS</c>.</summary>
    /// <param name="args">The arguments after the word <c>validate</c>.</param>
    /// <param name="stdin">Not read.</param>
    /// <param name="stdout">Where the summary (or the help) is written.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <returns>The exit code of <see cref="Program.Run"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["validate", .. args], stdin, stdout, stderr);

    /// <summary>The offset of the first byte of <paramref name="bytes"/> that is not part of a UTF-8 character, or null.</summary>
    internal static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    private static string Describe(string path, ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"nhtrc validate: '{path}' is not valid UTF-8 text: byte {offset - lineStart + 1} of line {line} (0x{bytes[offset]:X2}) is not part of a UTF-8 character.\n");
    }

    private static DocumentKind? Detect(string path, byte[] bytes, TextWriter stderr)
    {
        var kinds = DocumentKind.Detect(bytes);
        if (kinds.Length == 1)
        {
            return kinds[0];
        }

        var markers = string.Join("; ", DocumentKind.All.Select(k => $"{k.Marker}: {k.Name}"));
        stderr.Write(kinds.IsEmpty
            ? $"nhtrc validate: cannot tell what kind of document '{path}' is: it is not a JSON object with one of the top-level properties that tell the kind ({markers}). Give --kind.\n"
            : $"nhtrc validate: cannot tell what kind of document '{path}' is: it could be a {string.Join(" or a ", kinds.Select(k => k.Name))}. Give --kind.\n");
        return null;
    }

    /// <summary>What <c>--help</c> prints after the generated usage and options: the details of input, output and exit codes.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Reads FILE with every rule of its kind checked, exactly as the commands that take that kind of file",
        "read it (nhtrc match --directory, nhtrc deadline --policy, nhtrc triage --rules or its contact).",
        "The kind is --kind, or else detected from the document's top-level properties:",
        "  " + string.Join("\n  ", DocumentKind.All.Select(k => $"{k.Name,-10} {k.Noun}: has {k.Marker}")),
        "A document with the markers of no kind, or of more than one, is an error: give --kind.",
        "",
        "When it is valid, prints one line, for example: FILE: valid referral directory, 3 organizations, 3 services.",
        "Otherwise prints every problem with its JSON path to stderr. Malformed JSON stops the reader, so",
        "only its first syntax error is listed, with its line.",
        "",
        "A file that is not UTF-8 text is an error with the line and byte of the first bad byte; a UTF-8 byte",
        "order mark is skipped when telling the kind. Files larger than 256 MiB (after decompression) are refused.",
        "",
        "Exit codes: 0 the file is valid; 2 it is not, its kind cannot be told, it cannot be read, or bad arguments.");
}
