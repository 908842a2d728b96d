using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc import-hsds [SOURCE...] [--sources FILE] --out FILE [--zone IANA] [--taxonomy-map FILE] [--confidential-term CODE]</c>: imports one or more Open Referral HSDS 3.0 sources (a
/// JSON or NDJSON file, or the folder of a CSV data package), merging several (docs/open-referral.md), writes our
/// directory JSON and prints the import report.
/// </summary>
internal static class ImportHsdsCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(string summary)
    {
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = "an HSDS 3.0 JSON or NDJSON (*.ndjson, *.jsonl) file, a folder of CSV files, or the http(s) base URL of an HSDS API; several are merged",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var sourcesFile = SharedOptions.File("--sources", "a JSON sources file: each source's key, path and settings (docs/open-referral.md); its sources come first");
        var taxonomyMap = SharedOptions.File("--taxonomy-map", "a taxonomy mapping table (docs/open-referral.md) for the SOURCE arguments; default: the embedded table");
        var confidentialTerms = SharedOptions.TakesNoOption(new Option<string[]>("--confidential-term")
        {
            Description = "a taxonomy term code that marks a location of the SOURCE arguments confidential (repeatable), besides confidential-location",
            HelpName = "CODE",
        });
        var output = SharedOptions.File("--out", "where to write our referral directory JSON (docs/referrals.md)");
        output.Required = true;
        var zone = SharedOptions.TakesNoOption(new Option<DateTimeZone?>("--zone")
        {
            Description = "the IANA time zone of the sources' schedules, such as America/Chicago; default: America/New_York",
            HelpName = "IANA",
            CustomParser = result => SharedOptions.Parse<DateTimeZone?>(result, ParseZone),
        });
        var command = new Command("import-hsds", summary) { sources, sourcesFile, output, zone, taxonomyMap, confidentialTerms };
        command.Validators.Add(result =>
        {
            if (result.GetValue(sources) is not { Length: > 0 } && result.GetValue(sourcesFile) is null)
            {
                result.AddError("Give at least one SOURCE or --sources FILE.");
            }
        });
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var defaults = HsdsImportOptions.Default with { Limits = DocumentFile.Limits };
            var options = defaults;
            if (parseResult.GetValue(zone) is { } z)
            {
                options = options with { TimeZone = z };
            }

            if (parseResult.GetValue(taxonomyMap) is { } mapPath)
            {
                if (!DocumentFile.TryLoad(mapPath, LoadTaxonomyMap, "taxonomy mapping table", "nhtrc import-hsds: --taxonomy-map: ", stderr, out var map))
                {
                    return ExitCodes.UsageError;
                }

                options = options with { TaxonomyMap = map };
            }

            if (parseResult.GetValue(confidentialTerms) is { Length: > 0 } codes)
            {
                options = options with { Confidentiality = new HsdsConfidentialityRule { TermCodes = [HsdsConfidentialityRule.DefaultTermCode, .. codes] } };
            }

            var settings = new List<HsdsSourceSettings>();
            if (parseResult.GetValue(sourcesFile) is { } sourcesPath)
            {
                if (!DocumentFile.TryLoad(sourcesPath, p => HsdsSourcesFile.Load(p, defaults).ToList(), "HSDS sources file", "nhtrc import-hsds: --sources: ", stderr, out var fromFile))
                {
                    return ExitCodes.UsageError;
                }

                settings.AddRange(fromFile);
            }

            var keys = new HashSet<string>(settings.Select(s => s.Key), StringComparer.Ordinal);
            foreach (var path in parseResult.GetValue(sources) ?? [])
            {
                settings.Add(new HsdsSourceSettings { Key = UniqueKey(KeyOf(path), keys), Location = path, Options = options });
            }

            foreach (var s in settings)
            {
                if (!s.IsApi && !File.Exists(s.Location) && !Directory.Exists(s.Location))
                {
                    stderr.Write($"nhtrc import-hsds: '{s.Location}' is neither a file nor a folder.\n");
                    return ExitCodes.UsageError;
                }
            }

            using var http = new HttpClients();
            var source = Source(settings, http);
            ReferralDirectoryLoad load;
            try
            {
                load = source.LoadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
            catch (NhtrcValidationException e)
            {
                DocumentFile.WriteProblems(e.Subject, "HSDS 3.0 source", e, "nhtrc import-hsds: ", stderr);
                return ExitCodes.UsageError;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.Write($"nhtrc import-hsds: cannot read a source: {IOErrors.Describe(e)}\n");
                return ExitCodes.UsageError;
            }

            var outPath = parseResult.GetRequiredValue(output);
            try
            {
                using var stream = File.Create(outPath);
                ReferralDirectoryJson.Write(load.Directory, stream);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.Write($"nhtrc import-hsds: cannot write '{outPath}': {IOErrors.Describe(e)}\n");
                return ExitCodes.UsageError;
            }

            WriteReport(load.Report, stdout);
            stdout.Write(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath}: {load.Directory.Organizations.Length} organizations, {load.Directory.ServiceCount} services\n"));
            return load.Report.HasErrors ? ExitCodes.UsageError : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc import-hsds ARGS</c>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["import-hsds", .. args], TextReader.Null, stdout, stderr);

    /// <summary>One source, or the merge of several in order (docs/open-referral.md, "Merging feeds"); live APIs share one client, as with dependency injection.</summary>
    private static IReferralDirectorySource Source(List<HsdsSourceSettings> settings, HttpClients http)
    {
        if (settings.FirstOrDefault(static s => s.IsApi) is not { } api)
        {
            return HsdsSources.Create(settings);
        }

        // Only the timeouts and retries of these options are read: the defaults every API source of a sources file uses.
        http.Services.AddHsdsApiClient(HsdsSources.ClientName, new HsdsApiOptions(new Uri(api.Location)));
        return HsdsSources.Create(settings, http.Provider.GetRequiredService<IHttpClientFactory>());
    }

    /// <summary>The service collection the live API clients are registered in, and its provider, disposed with the command.</summary>
    private sealed class HttpClients : IDisposable
    {
        private ServiceProvider? _provider;

        public ServiceCollection Services { get; } = new();

        public ServiceProvider Provider => _provider ??= Services.BuildServiceProvider();

        public void Dispose() => _provider?.Dispose();
    }

    private static string UniqueKey(string key, HashSet<string> keys)
    {
        var unique = key;
        for (var n = 2; !keys.Add(unique); n++)
        {
            unique = key[..Math.Min(key.Length, MergeSource.MaxKeyLength - 3)] + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static HsdsTaxonomyMap LoadTaxonomyMap(string path)
    {
        using var stream = File.OpenRead(path);
        return HsdsTaxonomyMap.Load(stream);
    }

    /// <summary>A merge key from a file or folder name: its lower-case letters and digits, '-' for the rest, starting with a letter.</summary>
    internal static string KeyOf(string path)
    {
        var name = Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Host
            : Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-').ToArray();
        var key = new string(chars).Trim('-');
        key = key.Length == 0 || !char.IsAsciiLetterLower(key[0]) ? "s" + key : key;
        return key.Length > MergeSource.MaxKeyLength ? key[..MergeSource.MaxKeyLength].TrimEnd('-') : key;
    }

    /// <summary>The report: a summary line per count, then every issue, one a line, tab-separated.</summary>
    internal static void WriteReport(DirectoryImportReport report, TextWriter stdout)
    {
        var errors = report.Issues.Count(i => i.Severity == DirectoryImportSeverity.Error);
        var counts = string.Join(", ", report.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value} {c.Key}")));
        stdout.Write(string.Create(CultureInfo.InvariantCulture, $"{report.Source}: {counts}; {report.Issues.Length - errors} warnings, {errors} errors\n"));
        foreach (var issue in report.Issues)
        {
            var severity = issue.Severity == DirectoryImportSeverity.Error ? "error" : "warning";
            stdout.Write($"{severity}\t{issue.Source}\t{issue.RecordId ?? "-"}\t{issue.Path}\t{issue.Message}\n");
        }
    }

    private static (DateTimeZone? Value, string? Error) ParseZone(string text) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) is { } zone
            ? (zone, null)
            : (null, $"'{text}' is not an IANA time zone id such as America/Chicago.");

    /// <summary>What <c>--help</c> prints after the generated usage and options.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Imports each SOURCE as Open Referral HSDS 3.0 (docs/open-referral.md): a JSON file (a compiled service,",
        "organization or service_at_location, or a paged list of them), an NDJSON file (*.ndjson, *.jsonl, one",
        "record a line), a folder holding a CSV data package (services.csv and the other tables), or the base",
        "URL of a live HSDS API (its /services list, paged, with full detail). Several",
        "sources are merged: ids become KEY.id with KEY from each source's name, and a later source's service with",
        "the same name and phone as an earlier one's is reported as a duplicate and left out.",
        "--sources FILE lists sources with their own settings (key, path, zone, taxonomyMap, confidentialTerms,",
        "confidentialLocationTypes, confidentialLocationIds, shelterLocationsConfidential); they come first.",
        "--zone, --taxonomy-map and --confidential-term apply to the SOURCE arguments.",
        "",
        "Writes the imported directory to --out, then prints the report: a summary line, then every issue as",
        "severity<TAB>source<TAB>record id<TAB>path<TAB>message. Records with errors are left out of --out.",
        "A source that is not HSDS 3.0, or is not well-formed, fails whole: nothing is written.",
        "",
        "Exit codes: 0 imported with no errors; 2 a record had an error, a source failed, or bad arguments.");
}
