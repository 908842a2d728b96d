using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc check-hsds [SOURCE...] [--sources FILE] [--kind KIND] [--per-page N] [--max-pages N] [--max-ids N]
/// [--max-problems N] [--formats] [--json]</c>: checks Open Referral HSDS 3.0 feeds (a JSON or NDJSON file, a CSV data
/// package folder, or a live API) against the official schemas with <see cref="HsdsFeedCheck"/> and prints every
/// problem with its endpoint or file and path (docs/cli.md, docs/open-referral.md "Checking a feed").
/// </summary>
internal static class CheckHsdsCommand
{
    private static readonly string[] KindNames = ["service", "organization", "service_at_location", "taxonomy", "taxonomy_term"];

    /// <summary>Builds the command.</summary>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(string summary)
    {
        var sources = SharedOptions.TakesNoOption(new Argument<string[]>("SOURCE")
        {
            Description = "an HSDS 3.0 JSON or NDJSON (*.ndjson, *.jsonl) file, a folder of CSV files, or the http(s) base URL of an HSDS API",
            Arity = ArgumentArity.ZeroOrMore,
        });
        var sourcesFile = SharedOptions.File("--sources", "a JSON sources file (docs/open-referral.md): its sources are checked too, first, with their headers (API keys)");
        var kind = new Option<string>("--kind")
        {
            Description = "the kind of every record of a file; default: detected from each record's fields (taxonomies only when given)",
            HelpName = "KIND",
        };
        kind.AcceptOnlyFromAmong(KindNames);
        var perPage = Count("--per-page", "per_page asked of a live API's lists, 1 to 10,000; default 100", 1, 10_000);
        var maxPages = Count("--max-pages", "the most pages read from each list of a live API, 1 to 1,000,000 (a paging-loop guard); default 10,000", 1, 1_000_000);
        var maxIds = Count("--max-ids", "the most ids of each list whose /{id} is fetched and checked, 0 or more; default every id", 0, int.MaxValue);
        var maxProblems = Count("--max-problems", "the most problems listed per source, 1 or more; default 1,000 (then one line says how many more)", 1, int.MaxValue);
        var formats = new Option<bool>("--formats") { Description = "check the JSON Schema formats too (uuid, uri, email, date-time), which JSON Schema 2020-12 only annotates" };
        var json = SharedOptions.Json("print one JSON object {\"sources\": [...]} with every result instead of text");
        var command = new Command("check-hsds", summary) { sources, sourcesFile, kind, perPage, maxPages, maxIds, maxProblems, formats, json };
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
            var settings = new List<(string Location, ImmutableDictionary<string, string> Headers)>();
            if (parseResult.GetValue(sourcesFile) is { } sourcesPath)
            {
                if (!DocumentFile.TryLoad(sourcesPath, p => HsdsSourcesFile.Load(p).ToList(), "HSDS sources file", "nhtrc check-hsds: --sources: ", stderr, out var fromFile))
                {
                    return ExitCodes.UsageError;
                }

                settings.AddRange(fromFile.Select(s => (s.Location, s.Headers)));
            }

            settings.AddRange((parseResult.GetValue(sources) ?? []).Select(s => (s, ImmutableDictionary<string, string>.Empty)));
            foreach (var (location, _) in settings)
            {
                if (!IsUrl(location) && !File.Exists(location) && !Directory.Exists(location))
                {
                    stderr.Write($"nhtrc check-hsds: '{location}' is neither a file, a folder nor an http(s) URL.\n");
                    return ExitCodes.UsageError;
                }
            }

            var options = new HsdsFeedCheckOptions
            {
                Kind = parseResult.GetValue(kind) is { } k ? (HsdsRecordKind)Array.IndexOf(KindNames, k) : null,
                RequireFormats = parseResult.GetValue(formats),
                MaxIds = parseResult.GetValue(maxIds),
                Limits = new ReadLimits { MaxDocumentBytes = DocumentFile.MaxDocumentBytes, MaxProblems = parseResult.GetValue(maxProblems) ?? ReadLimits.Default.MaxProblems },
            };
            var results = new List<HsdsFeedCheckResult>();
            foreach (var (location, headers) in settings)
            {
                try
                {
                    results.Add(IsUrl(location)
                        ? CheckApi(location, headers, parseResult.GetValue(perPage), parseResult.GetValue(maxPages), options)
                        : HsdsFeedCheck.CheckFileAsync(location, options).AsTask().GetAwaiter().GetResult());
                }
                catch (NhtrcValidationException e)
                {
                    // The subject, not the URL: a URL with a query may carry a key.
                    DocumentFile.WriteProblems(e.Subject, "HSDS 3.0 source", e, "nhtrc check-hsds: ", stderr);
                    return ExitCodes.UsageError;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    stderr.Write($"nhtrc check-hsds: cannot read '{location}': {IOErrors.Describe(e)}\n");
                    return ExitCodes.UsageError;
                }
            }

            if (parseResult.GetValue(json))
            {
                WriteJson(results, stdout);
            }
            else
            {
                foreach (var result in results)
                {
                    WriteText(result, stdout);
                }
            }

            return results.All(r => r.IsValid) ? ExitCodes.Success : ExitCodes.UsageError;
        });
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc check-hsds ARGS</c>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["check-hsds", .. args], TextReader.Null, stdout, stderr);

    private static HsdsFeedCheckResult CheckApi(string url, ImmutableDictionary<string, string> headers, int? perPage, int? maxPages, HsdsFeedCheckOptions options)
    {
        var api = new HsdsApiOptions(new Uri(url))
        {
            Headers = headers.ToImmutableSortedDictionary(StringComparer.OrdinalIgnoreCase),
            PerPage = perPage ?? 100,
            MaxPages = maxPages ?? 10_000,
        };
        var services = new ServiceCollection();
        services.AddHsdsApiClient("hsds-check", api);
        using var provider = services.BuildServiceProvider();
        return HsdsFeedCheck.CheckApiAsync(provider.GetRequiredService<IHttpClientFactory>(), "hsds-check", api, options, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private static bool IsUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The summary line, a line per endpoint of an API, then every problem, one a line, tab-separated.</summary>
    internal static void WriteText(HsdsFeedCheckResult result, TextWriter stdout)
    {
        var records = result.Records.IsEmpty ? "no records" : string.Join(", ", result.Records.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value} {r.Key}"))) + " records";
        var problems = result.Problems.Length == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{result.Problems.Length} problems");
        stdout.Write($"{result.Source}: checked {records}; {problems}\n");
        foreach (var endpoint in result.Endpoints)
        {
            stdout.Write($"  {endpoint}\n");
        }

        foreach (var problem in result.Problems)
        {
            stdout.Write($"problem\t{problem.Location}\t{problem.Path}\t{problem.Keyword}\t{problem.Message}\n");
        }
    }

    private static void WriteJson(List<HsdsFeedCheckResult> results, TextWriter stdout)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("sources");
            foreach (var result in results)
            {
                w.WriteStartObject();
                w.WriteString("source", result.Source);
                w.WriteBoolean("valid", result.IsValid);
                w.WriteStartObject("records");
                foreach (var (entity, count) in result.Records)
                {
                    w.WriteNumber(entity, count);
                }

                w.WriteEndObject();
                w.WriteStartArray("endpoints");
                foreach (var endpoint in result.Endpoints)
                {
                    w.WriteStartObject();
                    w.WriteString("endpoint", endpoint.Endpoint);
                    w.WriteNumber("calls", endpoint.Calls);
                    w.WriteNumber("records", endpoint.Records);
                    w.WriteBoolean("offered", endpoint.Offered);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("problems");
                foreach (var problem in result.Problems)
                {
                    w.WriteStartObject();
                    w.WriteString("location", problem.Location);
                    w.WriteString("path", problem.Path);
                    w.WriteString("keyword", problem.Keyword);
                    w.WriteString("message", problem.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        stdout.Write('\n');
    }

    private static Option<int?> Count(string name, string description, int min, int max) => SharedOptions.TakesNoOption(new Option<int?>(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => SharedOptions.Parse<int?>(result, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? (n, null)
                : (null, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a whole number from {min} to {max}."))),
    });

    /// <summary>What <c>--help</c> prints after the generated usage and options.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Checks each SOURCE against the official HSDS 3.0 schemas (embedded; docs/open-referral.md, \"Checking a",
        "feed\"): a JSON file (a compiled service, organization or service_at_location, an array or a page of",
        "them) or NDJSON file record by record, a CSV data package folder table by table (columns, types, dates,",
        "enums), or a live API: GET / (must say version 3.0), then each list endpoint (/services; /organizations,",
        "/service_at_locations, /taxonomies, /taxonomy_terms when offered) page by page, then /{id} for the ids",
        "the lists returned. HSDS's date and time types (datapackage_type) are checked too.",
        "",
        "Prints per source a summary line (records checked per entity), for an API a line per endpoint (calls,",
        "records, or 'not offered'), then every problem as problem<TAB>endpoint or file<TAB>path<TAB>rule<TAB>message.",
        "A protected API's headers (API keys) come from --sources FILE, never from the command line.",
        "",
        "Exit codes: 0 every source is valid; 2 a source has problems, cannot be read, or bad arguments.");
}
