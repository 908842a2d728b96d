using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc match</c>: finds referral services for one or more needs at a place in the embedded sample directory
/// (or a directory file) and prints them ranked, with each score's reasons, readable or as JSON. Results are
/// for the public: confidential addresses never appear.
/// </summary>
internal static class MatchCommand
{
    private static readonly string[] ValueOptions =
        ["--zip", "--state", "--county", "--lat", "--lon", "--need", "--age", "--gender", "--trafficking", "--status", "--language", "--at", "--top", "--directory"];

    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join(
        '\n',
        "Usage: nhtrc match (--zip ZIP | --state ST [--county FIPS] | --county FIPS | --lat X --lon Y)",
        "                   --need TYPE [--need TYPE...] [--age N] [--gender G] [--trafficking T] [--status S]",
        "                   [--language CODE] [--urgent] [--at INSTANT] [--top N] [--directory FILE] [--json]",
        "",
        "Finds the services that offer at least one of the needs, cover the place and serve the client, and",
        "ranks them by distance, how local their coverage is, language, availability (when urgent), warm",
        "transfers, how recently they were verified, how many needs they cover and capacity (docs/referrals.md).",
        "For several needs it also proposes organizations that together cover them. Results are for the",
        "public: confidential addresses are never shown (city, state and distance are).",
        "",
        "Place (exactly one):",
        "  --zip ZIP          a five-digit ZIP code of the 50 states or DC, such as 77002",
        "  --state ST         a USPS state code such as TX (any case)",
        "  --county FIPS      a five-digit county FIPS code such as 48201; its state is implied, and must",
        "                     be --state's when both are given",
        "  --lat X --lon Y    a point in decimal degrees, such as --lat 29.75 --lon -95.36",
        "",
        "Needs and client:",
        "  --need TYPE        a service type such as emergencyShelter (repeatable; at least one)",
        "  --age N            the client's age in years, 0 to 125",
        "  --gender G         female, male or nonBinary",
        "  --trafficking T    sex, labor or both",
        "  --status S         foreignNational, usCitizen or lawfulPermanentResident",
        "  --language CODE    the client's language, a BCP 47 tag such as es or es-MX",
        "  --urgent           score services that are 24/7 or open at --at (needs --at)",
        "",
        "Other options:",
        "  --at INSTANT       the instant of the query, ISO-8601 UTC such as 2026-07-02T22:00:00Z. nhtrc",
        "                     reads no clock: without --at the query is made as of 00:00 UTC on the newest",
        "                     'last verified' date in the directory, and 'open now' is not shown",
        "  --top N            how many matches to show, 1 to 1000; default 10",
        "  --directory FILE   a directory JSON file (.json.gz too; format in docs/referrals.md);",
        "                     default: the embedded, fictional sample directory",
        "  --json             print JSON instead of a table",
        "  -h, --help         print this help",
        "",
        "Service types: " + string.Join(", ", WireNames.All<ServiceType>()),
        "",
        "Exit codes: 0 success, also when nothing matches; 2 bad arguments or an invalid --directory file",
        "(every problem is listed on stderr).",
        "");

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the word <c>match</c>.</param>
    /// <param name="stdin">Not read.</param>
    /// <param name="stdout">Where the matches (or the help) are written.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.UsageError"/> for bad arguments or an invalid directory file.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = Parse(args, out var problems);
        if (ArgumentProblems.HelpOrReport("match", Usage, options.Help, problems, stdout, stderr) is { } exitCode)
        {
            return exitCode;
        }

        var directory = ReferralDirectory.Sample;
        if (options.DirectoryPath is { } path && !ReferralDirectoryFile.TryLoad(path, "nhtrc match: --directory: ", stderr, out directory))
        {
            return ExitCodes.UsageError;
        }

        var at = options.At ?? NewestVerification(directory);
        var query = new ReferralQuery
        {
            Needs = options.Needs,
            Place = options.Place!,
            Client = options.Client,
            Language = options.Language,
            Urgency = options.Urgent ? Urgency.Urgent : Urgency.NonUrgent,
            At = at,
            Count = options.Top,
            Audience = ReferralAudience.Public,
        };
        var result = directory.Match(query);
        if (options.Json)
        {
            WriteJson(result, options, stdout);
        }
        else
        {
            WriteText(result, options, stdout);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// 00:00 UTC on the newest <c>lastVerified</c> date of the directory: a default instant that depends only on the
    /// directory, so the same arguments always give the same output. An empty directory gives 1970-01-01.
    /// </summary>
    internal static Instant NewestVerification(ReferralDirectory directory)
    {
        var newest = new LocalDate(1970, 1, 1);
        foreach (var organization in directory.Organizations)
        {
            foreach (var service in organization.Services)
            {
                if (service.LastVerified > newest)
                {
                    newest = service.LastVerified;
                }
            }
        }

        return newest.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
    }

    private static void WriteText(ReferralResult result, Options options, TextWriter stdout)
    {
        var query = result.Query;
        stdout.Write($"Needs: {string.Join(", ", query.Needs.Select(WireNames.Of))}\n");
        stdout.Write($"Place: {query.Place}\n");
        stdout.Write($"Client: {DescribeClient(query)}\n");
        stdout.Write(options.At is null
            ? $"At: {Format(query.At)}, the newest verification in the directory (no --at); open now is not scored\n"
            : $"At: {Format(query.At)}{(options.Urgent ? "; urgent: 24/7 and open now are scored" : "")}\n");
        stdout.Write('\n');
        ReferralTable.Write(result, stdout, "");
    }

    private static string DescribeClient(ReferralQuery query)
    {
        var parts = new List<string>();
        var client = query.Client;
        if (client.Age is { } age)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"age {age}"));
        }

        if (client.Gender is { } gender)
        {
            parts.Add(WireNames.Of(gender));
        }

        if (client.TraffickingType != TraffickingType.Unknown)
        {
            parts.Add(WireNames.Of(client.TraffickingType) + " trafficking");
        }

        if (client.ImmigrationStatus is { } status)
        {
            parts.Add(WireNames.Of(status));
        }

        if (query.Language is { } language)
        {
            parts.Add("language " + language);
        }

        return parts.Count == 0 ? "nothing disclosed" : string.Join(", ", parts);
    }

    private static void WriteJson(ReferralResult result, Options options, TextWriter stdout)
    {
        // Relaxed escaping keeps names and reasons readable ("Women's"); the output is data, never embedded in HTML.
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            var query = result.Query;
            w.WriteStartObject();
            w.WriteStartObject("query");
            ReferralJson.WriteNeeds(w, "needs", query.Needs);
            ReferralJson.WritePlace(w, "place", query.Place);
            w.WriteStartObject("client");
            if (query.Client.Age is { } age)
            {
                w.WriteNumber("age", age);
            }

            if (query.Client.Gender is { } gender)
            {
                w.WriteString("gender", WireNames.Of(gender));
            }

            if (query.Client.TraffickingType != TraffickingType.Unknown)
            {
                w.WriteString("traffickingType", WireNames.Of(query.Client.TraffickingType));
            }

            if (query.Client.ImmigrationStatus is { } status)
            {
                w.WriteString("immigrationStatus", WireNames.Of(status));
            }

            w.WriteEndObject();
            if (query.Language is { } language)
            {
                w.WriteString("language", language.Value);
            }

            w.WriteString("urgency", WireNames.Of(query.Urgency));
            w.WriteString("at", Format(query.At));
            w.WriteString("atSource", options.At is null ? "newestVerification" : "argument");
            w.WriteNumber("top", query.Count);
            w.WriteString("audience", WireNames.Of(query.Audience));
            w.WriteString("directory", options.DirectoryPath ?? "sample");
            w.WriteEndObject();
            ReferralJson.WriteResult(w, result, atWasGiven: options.At is not null);
            w.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        stdout.Write('\n');
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Options Parse(IReadOnlyList<string> args, out List<ValidationProblem> problems)
    {
        problems = [];
        var options = new Options();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--json":
                    options.Json = true;
                    break;
                case "--urgent":
                    options.Urgent = true;
                    break;
                case var _ when ValueOptions.Contains(arg):
                    // A following option is not taken as the value ("--zip --need x" reports the missing ZIP, "--zip -h"
                    // prints the help), but a negative number is: "--lon -95.36".
                    var hasValue = OptionReader.HasValueAfter(args, i) && args[i + 1] != "-h";
                    if (!values.TryGetValue(arg, out var list))
                    {
                        values[arg] = list = [];
                    }
                    else if (arg != "--need")
                    {
                        problems.Add(OptionReader.GivenMoreThanOnce(arg));
                    }

                    if (hasValue)
                    {
                        list.Add(args[++i]);
                    }
                    else if (missing.Add(arg))
                    {
                        problems.Add(new ValidationProblem(arg, "needs " + ValueDescription(arg) + "."));
                    }

                    break;
                default:
                    problems.Add(OptionReader.Unexpected(i, arg, "every value follows its option, such as --need legalServices."));
                    break;
            }
        }

        string? Single(string option) => values.TryGetValue(option, out var list) && list.Count > 0 ? list[0] : null;
        bool Given(string option) => values.ContainsKey(option);

        options.Place = ParsePlace(Single("--zip"), Single("--state"), Single("--county"), Single("--lat"), Single("--lon"), Given, problems);
        options.Needs = ParseNeeds(values.GetValueOrDefault("--need"), Given("--need"), problems);
        options.Client = ParseClient(Single("--age"), Single("--gender"), Single("--trafficking"), Single("--status"), problems);
        if (Single("--language") is { } languageText)
        {
            if (LanguageTag.TryParse(languageText, out var language))
            {
                options.Language = language;
            }
            else
            {
                problems.Add(new ValidationProblem("--language", $"'{languageText}' is not a BCP 47 language tag such as es or es-MX."));
            }
        }

        if (Single("--at") is { } atText)
        {
            if (InstantPattern.ExtendedIso.Parse(atText) is { Success: true } parsed)
            {
                options.At = parsed.Value;
            }
            else
            {
                problems.Add(new ValidationProblem("--at", $"'{atText}' is not an ISO-8601 UTC instant such as 2026-07-02T22:00:00Z."));
            }
        }

        if (options.Urgent && !Given("--at"))
        {
            problems.Add(new ValidationProblem("--urgent", "needs --at INSTANT: urgent matches score services open at that instant, and nhtrc reads no clock."));
        }

        if (Single("--top") is { } topText)
        {
            if (int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top is >= 1 and <= ReferralQuery.MaximumCount)
            {
                options.Top = top;
            }
            else
            {
                problems.Add(new ValidationProblem("--top", string.Create(CultureInfo.InvariantCulture, $"'{topText}' is not a whole number from 1 to {ReferralQuery.MaximumCount}.")));
            }
        }

        options.DirectoryPath = Single("--directory");
        return options;
    }

    private static ReferralPlace? ParsePlace(string? zip, string? stateCode, string? county, string? lat, string? lon, Func<string, bool> given, List<ValidationProblem> problems)
    {
        var kinds = (given("--zip") ? 1 : 0) + (given("--state") || given("--county") ? 1 : 0) + (given("--lat") || given("--lon") ? 1 : 0);
        if (kinds == 0)
        {
            problems.Add(new ValidationProblem("place", "is required: give --zip ZIP, --state ST [--county FIPS], or --lat X --lon Y."));
            return null;
        }

        if (kinds > 1)
        {
            problems.Add(new ValidationProblem("place", "give only one of --zip, --state/--county and --lat/--lon."));
        }

        ReferralPlace? place = null;
        if (zip is not null)
        {
            place = Resolve("--zip", () => ReferralPlace.FromZip(zip), problems);
        }

        UsState? state = null;
        if (stateCode is not null)
        {
            if (UsState.TryGetByCode(stateCode, out state))
            {
                place = Resolve("--state", () => ReferralPlace.InState(state), problems);
            }
            else
            {
                problems.Add(new ValidationProblem("--state", $"'{stateCode}' is not the USPS code of one of the 50 states or DC, such as TX."));
            }
        }

        if (county is not null)
        {
            place = Resolve("--county", () => ReferralPlace.FromCounty(county), problems);
            if (place?.County is { } found && state is not null && found.State != state)
            {
                problems.Add(new ValidationProblem("--county", $"county {found} is not in --state {state.Code}."));
            }
        }

        if (given("--lat") || given("--lon"))
        {
            place = ParsePoint(lat, lon, given, problems) ?? place;
        }

        return kinds == 1 ? place : null;
    }

    private static ReferralPlace? ParsePoint(string? lat, string? lon, Func<string, bool> given, List<ValidationProblem> problems)
    {
        var latitude = Degrees("--lat", lat, 90, problems);
        var longitude = Degrees("--lon", lon, 180, problems);
        if (!given("--lat") || !given("--lon"))
        {
            problems.Add(new ValidationProblem(given("--lat") ? "--lon" : "--lat", "is required with " + (given("--lat") ? "--lat" : "--lon") + ": a point needs both."));
            return null;
        }

        return latitude is { } y && longitude is { } x ? ReferralPlace.AtPoint(new GeoPoint(y, x)) : null;
    }

    private static double? Degrees(string option, string? text, double limit, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var degrees)
            && degrees >= -limit && degrees <= limit)
        {
            return degrees;
        }

        problems.Add(new ValidationProblem(option, string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a number of degrees from -{limit} to {limit}, such as {(limit == 90 ? "29.75" : "-95.36")}.")));
        return null;
    }

    private static ReferralPlace? Resolve(string option, Func<ReferralPlace> resolve, List<ValidationProblem> problems)
    {
        try
        {
            return resolve();
        }
        catch (NhtrcValidationException e)
        {
            // The gazetteer names what is wrong ("ZIP code 00601 is not in the gazetteer, which covers ..."); the
            // location becomes the option.
            problems.AddRange(e.Problems.Select(p => new ValidationProblem(option, p.Message)));
            return null;
        }
    }

    private static ImmutableArray<ServiceType> ParseNeeds(List<string>? texts, bool given, List<ValidationProblem> problems)
    {
        if (!given)
        {
            problems.Add(new ValidationProblem("--need", "is required: give at least one service type, such as --need emergencyShelter."));
            return [];
        }

        var needs = ImmutableArray.CreateBuilder<ServiceType>();
        foreach (var text in texts ?? [])
        {
            if (!WireNames.TryParse(text, out ServiceType need))
            {
                problems.Add(new ValidationProblem("--need", $"'{text}' is not a service type; use one of {string.Join(", ", WireNames.All<ServiceType>())}."));
            }
            else if (needs.Contains(need))
            {
                problems.Add(new ValidationProblem("--need", $"'{text}' is given more than once."));
            }
            else
            {
                needs.Add(need);
            }
        }

        return needs.ToImmutable();
    }

    private static ClientProfile ParseClient(string? age, string? gender, string? trafficking, string? status, List<ValidationProblem> problems)
    {
        var client = ClientProfile.Unknown;
        if (age is not null)
        {
            if (int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= PopulationServed.MaximumAge)
            {
                client = client with { Age = years };
            }
            else
            {
                problems.Add(new ValidationProblem("--age", string.Create(CultureInfo.InvariantCulture, $"'{age}' is not a whole number of years from 0 to {PopulationServed.MaximumAge}.")));
            }
        }

        if (gender is not null)
        {
            if (WireNames.TryParse(gender, out Gender value))
            {
                client = client with { Gender = value };
            }
            else
            {
                problems.Add(new ValidationProblem("--gender", $"'{gender}' is not one of {string.Join(", ", Enum.GetValues<Gender>().Select(WireNames.Of))}."));
            }
        }

        if (trafficking is not null)
        {
            // "unknown" is what leaving the option out means, so it is not offered.
            if (WireNames.TryParse(trafficking, out TraffickingType value) && value != TraffickingType.Unknown)
            {
                client = client with { TraffickingType = value };
            }
            else
            {
                problems.Add(new ValidationProblem("--trafficking", $"'{trafficking}' is not one of sex, labor, both."));
            }
        }

        if (status is not null)
        {
            if (WireNames.TryParse(status, out ImmigrationStatus value))
            {
                client = client with { ImmigrationStatus = value };
            }
            else
            {
                problems.Add(new ValidationProblem("--status", $"'{status}' is not one of {string.Join(", ", Enum.GetValues<ImmigrationStatus>().Select(WireNames.Of))}."));
            }
        }

        return client;
    }

    private static string ValueDescription(string option) => option switch
    {
        "--zip" => "a five-digit ZIP code such as 77002",
        "--state" => "a USPS state code such as TX",
        "--county" => "a five-digit county FIPS code such as 48201",
        "--lat" => "a latitude in degrees such as 29.75",
        "--lon" => "a longitude in degrees such as -95.36",
        "--need" => "a service type such as emergencyShelter",
        "--age" => "an age in years",
        "--gender" => "female, male or nonBinary",
        "--trafficking" => "sex, labor or both",
        "--status" => "foreignNational, usCitizen or lawfulPermanentResident",
        "--language" => "a language tag such as es",
        "--at" => "an instant such as 2026-07-02T22:00:00Z",
        "--top" => "a number of matches",
        _ => "a file",
    };

    private sealed class Options
    {
        public bool Help { get; set; }

        public bool Json { get; set; }

        public bool Urgent { get; set; }

        public ReferralPlace? Place { get; set; }

        public ImmutableArray<ServiceType> Needs { get; set; } = [];

        public ClientProfile Client { get; set; } = ClientProfile.Unknown;

        public LanguageTag? Language { get; set; }

        public Instant? At { get; set; }

        public int Top { get; set; } = 10;

        public string? DirectoryPath { get; set; }
    }
}
