using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc export-hsds --directory FILE --out FILE [--internal] [--no-private-attributes] [--indent]</c>: writes our
/// referral directory as Open Referral HSDS 3.0 JSON (docs/open-referral.md, "Export"); public by default, so no
/// confidential location's address or point is written.
/// </summary>
internal static class ExportHsdsCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(string summary)
    {
        var directory = SharedOptions.File("--directory", "our referral directory JSON file (docs/referrals.md) to export");
        directory.Required = true;
        var output = SharedOptions.File("--out", "where to write the HSDS 3.0 JSON (one page of compiled organizations)");
        output.Required = true;
        var internalExport = new Option<bool>("--internal") { Description = "write confidential locations in full (for a trusted partner, never for publishing)" };
        var noPrivate = new Option<bool>("--no-private-attributes") { Description = "leave out our private attributes (populations, capacity, warm transfers, IANA zones)" };
        var indent = new Option<bool>("--indent") { Description = "indent the JSON" };
        var command = new Command("export-hsds", summary) { directory, output, internalExport, noPrivate, indent };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetRequiredValue(directory);
            if (!DocumentFile.TryLoad(path, p => ReferralDirectoryJson.LoadFile(p, DocumentFile.Limits), "referral directory", "nhtrc export-hsds: --directory: ", stderr, out var loaded))
            {
                return ExitCodes.UsageError;
            }

            var options = new HsdsExportOptions
            {
                Public = !parseResult.GetValue(internalExport),
                PrivateAttributes = !parseResult.GetValue(noPrivate),
                Indented = parseResult.GetValue(indent),
            };
            var outPath = parseResult.GetRequiredValue(output);
            try
            {
                using var stream = File.Create(outPath);
                HsdsExport.Write(loaded, stream, options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.Write($"nhtrc export-hsds: cannot write '{outPath}': {IOErrors.Describe(e)}\n");
                return ExitCodes.UsageError;
            }

            stdout.Write(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath}: {loaded.Organizations.Length} organizations, {loaded.ServiceCount} services, {(options.Public ? "public" : "internal")}\n"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc export-hsds ARGS</c>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["export-hsds", .. args], TextReader.Null, stdout, stderr);

    /// <summary>What <c>--help</c> prints after the generated usage and options.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Writes the directory as Open Referral HSDS 3.0 JSON: one page of compiled organization records with",
        "their services (docs/open-referral.md, \"Export\"), valid against the official schemas. By default the",
        "export is public: a confidential location keeps only its id, type and the confidential-location term.",
        "What HSDS cannot express (IANA zones, populations, capacity) goes into private attributes unless",
        "--no-private-attributes; dated overrides are not exported.",
        "",
        "Exit codes: 0 written; 2 the directory cannot be read or is invalid, --out cannot be written, or bad arguments.");
}
