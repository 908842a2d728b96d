using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
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
    /// <summary>Builds the command.</summary>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(string summary)
    {
        var o = new MatchOptions();
        var command = new Command("match", summary)
        {
            o.Zip, o.State, o.County, o.Lat, o.Lon, o.Need, o.Age, o.Gender, o.Trafficking, o.Status, o.Language, o.Urgent, o.At, o.Top, o.Directory, o.Json,
        };

        // The values' meaning (a ZIP the gazetteer has, a need that is a service type, one place) is checked here, with
        // the parse, so that every problem of the arguments is listed at once.
        command.Validators.Add(result =>
        {
            if (SharedOptions.HasArityProblems(result))
            {
                return;
            }

            var problems = new List<ValidationProblem>();
            _ = Interpret(
                o,
                option => SharedOptions.ValueOrDefault(result, option),
                option => SharedOptions.ValueOrDefault(result, option),
                option => SharedOptions.ValueOrDefault(result, option),
                option => SharedOptions.ValueOrDefault(result, option),
                problems);
            foreach (var problem in problems)
            {
                result.AddError(problem.ToString());
            }
        });
        command.SetAction(parseResult => Run(o, parseResult));
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc match ARGS</c>.</summary>
    /// <param name="args">The arguments after the word <c>match</c>.</param>
    /// <param name="stdin">Not read.</param>
    /// <param name="stdout">Where the matches (or the help) are written.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <returns>The exit code of <see cref="Program.Run"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["match", .. args], stdin, stdout, stderr);

    private static int Run(MatchOptions o, ParseResult parseResult)
    {
        var stdout = parseResult.InvocationConfiguration.Output;
        var stderr = parseResult.InvocationConfiguration.Error;
        var options = Interpret(o, parseResult.GetValue, parseResult.GetValue, parseResult.GetValue, parseResult.GetValue, []);
        var directory = ReferralDirectory.Sample;
        if (options.DirectoryPath is { } path
            && !DocumentFile.TryLoad(path, static p => ReferralDirectoryJson.LoadFile(p, DocumentFile.Limits), "referral directory", "nhtrc match: --directory: ", stderr, out directory))
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
        ReferralResult result;
        try
        {
            result = directory.Match(query);
        }
        catch (ArgumentOutOfRangeException)
        {
            // The SDK's documented exception for an instant it cannot compute with (a year before 1, say); the
            // instant is --at, or else the directory's newest lastVerified date.
            stderr.Write(options.At is { } given
                ? $"nhtrc match: --at: {InstantPattern.ExtendedIso.Format(given)} is outside the years the referral matcher can answer for.\n"
                : $"nhtrc match: the directory's newest lastVerified date, {InstantPattern.ExtendedIso.Format(at)}, is outside the years the referral matcher can answer for; give --at.\n");
            return ExitCodes.UsageError;
        }
        catch (NhtrcValidationException e)
        {
            // The options are checked before the query is made, so this is a rule of the SDK's the CLI does not
            // check itself (such as a range for At); it is named by the option it comes from.
            foreach (var problem in e.Problems)
            {
                stderr.Write($"nhtrc match: {OptionOf(problem.Location)}: {problem.Message}\n");
            }

            return ExitCodes.UsageError;
        }

        if (options.Json)
        {
            WriteJson(result, stdout);
        }
        else
        {
            WriteText(result, options, stdout);
        }

        return ExitCodes.Success;
    }

    /// <summary>The option a <see cref="ReferralQuery"/> member's problem comes from, such as <c>--at</c> for <c>At</c>.</summary>
    private static string OptionOf(string location) => location switch
    {
        nameof(ReferralQuery.At) => "--at",
        nameof(ReferralQuery.Count) => "--top",
        nameof(ReferralQuery.Needs) => "--need",
        nameof(ReferralQuery.Language) => "--language",
        nameof(ReferralQuery.Urgency) => "--urgent",
        _ => location,
    };

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

    private static void WriteJson(ReferralResult result, TextWriter stdout)
    {
        // Exactly the SDK's referral result JSON (docs/referrals.md), indented; relaxed escaping keeps names and
        // reasons readable ("Women's"): the output is data, never embedded in HTML.
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            ReferralResultJson.Write(result, w);
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        stdout.Write('\n');
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Options Interpret(
        MatchOptions o,
        Func<Option<string>, string?> single,
        Func<Option<string[]>, string[]?> many,
        Func<Option<bool>, bool> flag,
        Func<Option<Instant?>, Instant?> instant,
        List<ValidationProblem> problems)
    {
        var options = new Options { Json = flag(o.Json), Urgent = flag(o.Urgent), At = instant(o.At) };
        string? Single(string name) => single(o.ByName(name));
        bool Given(string name) => name == "--need" ? many(o.Need) is not null : Single(name) is not null;
        options.Place = ParsePlace(Single("--zip"), Single("--state"), Single("--county"), Single("--lat"), Single("--lon"), Given, problems);
        options.Needs = ParseNeeds(many(o.Need), Given("--need"), problems);
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

        if (options.Urgent && options.At is null)
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
                problems.Add(new ValidationProblem("--state", $"'{stateCode}' is not the USPS code of one of the 50 states, DC or the territories AS, GU, MP, PR and VI, such as TX or PR."));
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

    private static ImmutableArray<ServiceType> ParseNeeds(string[]? texts, bool given, List<ValidationProblem> problems)
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

    private static int? Years(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= AgeRange.MaximumAge ? years : null;

    private static ClientProfile ParseClient(string? age, string? gender, string? trafficking, string? status, List<ValidationProblem> problems)
    {
        var client = ClientProfile.Unknown;
        if (age is not null)
        {
            var dash = age.IndexOf('-', StringComparison.Ordinal);
            if (Years(dash < 0 ? age : age[..dash]) is { } min && Years(dash < 0 ? age : age[(dash + 1)..]) is { } max && min <= max)
            {
                client = client with { Age = AgeRange.Between(min, max) };
            }
            else
            {
                problems.Add(new ValidationProblem("--age", string.Create(CultureInfo.InvariantCulture, $"'{age}' is not an age (N) or age range (N-M) in whole years from 0 to {AgeRange.MaximumAge}.")));
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

    private sealed class Options
    {
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

    /// <summary>What <c>--help</c> prints after the generated usage and options: the details of input, output and exit codes.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Finds the services that offer at least one of the needs, cover the place and serve the client, and",
        "ranks them by distance, how local their coverage is, language, availability (when urgent), warm",
        "transfers, how recently they were verified, how many needs they cover and capacity (docs/referrals.md).",
        "For several needs it also proposes organizations that together cover them. Results are for the",
        "public: confidential addresses are never shown (city, state and distance are).",
        "",
        "The place is exactly one of --zip, --state (with or without --county), --county, or --lat with --lon.",
        "nhtrc reads no clock: without --at the query is made as of 00:00 UTC on the newest 'last verified'",
        "date in the directory, and 'open now' is not shown.",
        "",
        "Service types: " + string.Join(", ", WireNames.All<ServiceType>()),
        "",
        "Exit codes: 0 success, also when nothing matches; 2 bad arguments or an invalid --directory file",
        "(every problem is listed on stderr).");

    /// <summary>The options of <c>nhtrc match</c>, made once per command tree.</summary>
    private sealed class MatchOptions
    {
        public Option<string> Zip { get; } = Value("--zip", "ZIP", "the place: a five-digit ZIP code of the 50 states, DC or the territories, such as 77002 or 00901");

        public Option<string> State { get; } = Value("--state", "ST", "the place: a USPS state code such as TX (any case)");

        public Option<string> County { get; } = Value("--county", "FIPS", "the place: a five-digit county FIPS code such as 48201; its state is implied, and must be --state's when both are given");

        public Option<string> Lat { get; } = Value("--lat", "X", "the place, with --lon: a latitude in decimal degrees, such as 29.75");

        public Option<string> Lon { get; } = Value("--lon", "Y", "the place, with --lat: a longitude in decimal degrees, such as -95.36");

        public Option<string[]> Need { get; } = SharedOptions.TakesNoOption(new Option<string[]>("--need")
        {
            Description = "a service type such as emergencyShelter (repeatable; at least one)",
            HelpName = "TYPE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        });

        public Option<string> Age { get; } = Value("--age", "N|N-M", "the client's age or age range in years, 0 to 125");

        public Option<string> Gender { get; } = Value("--gender", "G", "female, male or nonBinary");

        public Option<string> Trafficking { get; } = Value("--trafficking", "T", "sex, labor or both");

        public Option<string> Status { get; } = Value("--status", "S", "foreignNational, usCitizen or lawfulPermanentResident");

        public Option<string> Language { get; } = Value("--language", "CODE", "the client's language, a BCP 47 tag such as es or es-MX; scored, never a filter");

        public Option<bool> Urgent { get; } = new("--urgent") { Description = "score services that are 24/7 or open at --at (needs --at)" };

        public Option<Instant?> At { get; } = SharedOptions.At("the instant of the query, ISO-8601 UTC such as 2026-07-02T22:00:00Z; default: the newest verification in the directory");

        public Option<string> Top { get; } = Value("--top", "N", "how many matches to show, 1 to 1000; default 10");

        public Option<string> Directory { get; } = SharedOptions.Directory();

        public Option<bool> Json { get; } = SharedOptions.Json("print JSON instead of a table");

        public Option<string> ByName(string name) => name switch
        {
            "--zip" => Zip,
            "--state" => State,
            "--county" => County,
            "--lat" => Lat,
            "--lon" => Lon,
            "--age" => Age,
            "--gender" => Gender,
            "--trafficking" => Trafficking,
            "--status" => Status,
            "--language" => Language,
            "--top" => Top,
            "--directory" => Directory,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a single-valued option of nhtrc match"),
        };

        private static Option<string> Value(string name, string helpName, string description) =>
            SharedOptions.TakesNoOption(new Option<string>(name) { Description = description, HelpName = helpName });
    }
}
