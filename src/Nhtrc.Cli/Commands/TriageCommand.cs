using System;
using System.Buffers;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc triage [FILE|-] [--at INSTANT] [--directory FILE] [--json]</c>: reads a contact document (docs/contacts.md), triages it
/// with the NHTRC defaults and prints the outcome and referral matches for it, readable or as JSON. Nothing printed
/// holds personal data.
/// </summary>
internal static class TriageCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="stdin">Where the contact is read from when FILE is <c>-</c> or absent.</param>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(TextReader stdin, string summary)
    {
        var file = SharedOptions.TakesNoOption(new Argument<string?>("FILE")
        {
            Description = "the contact JSON (docs/contacts.md); '-' or absent: standard input",
            Arity = ArgumentArity.ZeroOrOne,
        });
        var at = SharedOptions.At(
            "when triage happens, ISO-8601 UTC such as 2026-07-02T23:10:00Z; consents are checked and the queue's next "
            + "opening is looked up at this instant. Default: the contact's receivedAt; must not be earlier. The "
            + "deadline always counts from receivedAt");
        var policy = SharedOptions.Policy("the NHTRC policy (nhtrc-default); its calendar is also the business-hours queue's");
        var rules = SharedOptions.Rules();
        var directory = SharedOptions.Directory();
        var json = SharedOptions.Json("print the outcome as JSON instead of text");
        var command = new Command("triage", summary) { file, at, policy, rules, directory, json };
        command.SetAction(parseResult => Run(
            new Options
            {
                File = parseResult.GetValue(file),
                At = parseResult.GetValue(at),
                PolicyPath = parseResult.GetValue(policy),
                RulesPath = parseResult.GetValue(rules),
                DirectoryPath = parseResult.GetValue(directory),
                Json = parseResult.GetValue(json),
            },
            stdin,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc triage ARGS</c>.</summary>
    /// <param name="args">The arguments after the word <c>triage</c>.</param>
    /// <param name="stdin">Where the contact is read from when FILE is <c>-</c> or absent.</param>
    /// <param name="stdout">Where the outcome (or the help) is written.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <returns>The exit code of <see cref="Program.Run"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["triage", .. args], stdin, stdout, stderr);

    private static int Run(Options options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        // The embedded sample directory, with the gazetteer it resolves places against, is most of what a one-shot
        // triage loads (docs/performance.md, "Tool startup"): it loads on the thread pool while the options' files and
        // the contact are read and the contact is triaged here, and is waited for only when the referrals are matched.
        var sample = options.DirectoryPath is null ? Task.Run(static () => ReferralDirectory.Sample) : null;

        // Every file named in an option is checked before the contact is read, so a bad one never consumes stdin.
        var triageRules = TriageRules.NhtrcDefault;
        if (options.RulesPath is { } rulesPath
            && !DocumentFile.TryLoad(rulesPath, static p => TriageRulesJson.LoadFile(p, DocumentFile.Limits), "triage rules document", "nhtrc triage: --rules: ", stderr, out triageRules))
        {
            return ExitCodes.UsageError;
        }

        var policy = ResponsePolicy.NhtrcDefault;
        if (options.PolicyPath is { } policyPath
            && !DocumentFile.TryLoad(policyPath, static p => ResponsePolicyJson.LoadFile(p, DocumentFile.Limits), "response policy", "nhtrc triage: --policy: ", stderr, out policy))
        {
            return ExitCodes.UsageError;
        }

        ReferralDirectory? directory = null;
        if (options.DirectoryPath is { } directoryPath
            && !DocumentFile.TryLoad(directoryPath, static p => ReferralDirectoryJson.LoadFile(p, DocumentFile.Limits), "referral directory", "nhtrc triage: --directory: ", stderr, out directory))
        {
            return ExitCodes.UsageError;
        }

        var engine = options.RulesPath is null && options.PolicyPath is null
            ? TriageEngine.NhtrcDefault
            : new TriageEngine(triageRules, policy, policy.BusinessCalendar);

        Contact contact;
        try
        {
            if (options.File is null or "-")
            {
                // Standard input that cannot be read is the environment failing, not bad input: Program.Run says so.
                // Its exact bytes go to the reader, so that invalid UTF-8 is reported with its path; it is read only
                // up to the limit of a file, so that an endless stream is refused rather than read forever.
                if (StdinText.ReadAll(stdin, DocumentFile.MaxDocumentBytes) is not { } text)
                {
                    stderr.Write(string.Create(CultureInfo.InvariantCulture, $"nhtrc triage: stdin holds more than {DocumentFile.MaxDocumentBytes} characters, the most nhtrc reads.\n"));
                    return ExitCodes.UsageError;
                }

                contact = ContactJson.Parse(StdinText.ToBytes(text), DocumentFile.Limits);
            }
            else
            {
                // A file is read as bytes, so that invalid UTF-8 is the reader's problem, not silently replaced.
                if (!DocumentFile.TryReadBytes(options.File, "nhtrc triage: ", stderr, out var bytes))
                {
                    return ExitCodes.UsageError;
                }

                contact = ContactJson.Parse(bytes, DocumentFile.Limits);
            }
        }
        catch (NhtrcValidationException e)
        {
            // The SDK's messages name every problem and its JSON path and never quote personal data.
            return Fail(stderr, e.Problems);
        }

        var at = options.At ?? contact.ReceivedAt;
        if (at < contact.ReceivedAt)
        {
            return Fail(stderr, [new ValidationProblem("--at", $"{Format(at)} is earlier than the contact's receivedAt {Format(contact.ReceivedAt)}.")]);
        }

        // A failure to load the sample (a broken build) surfaces here as itself, not as an AggregateException.
        directory ??= sample!.GetAwaiter().GetResult();
        ContactOutcome outcome;
        try
        {
            outcome = new ContactPipeline(engine, TriageReferrals.Count, ReferralAudience.Public).Process(contact, directory, at);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return Fail(stderr, [DescribeOutOfRange(contact.ReceivedAt, options.At, policy.BusinessCalendar, options.PolicyPath is null)]);
        }

        if (options.Json)
        {
            WriteJson(outcome, stdout);
        }
        else
        {
            stdout.Write(outcome.Triage.ToString());
            new TriageReferrals(options.DirectoryPath ?? "sample", outcome.Referrals).WriteText(stdout);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Which instant is outside the calendar's years: receivedAt, else <c>--at</c>; when both are inside, the deadline
    /// (or the queue's next opening) falls after the last of them.
    /// </summary>
    private static ValidationProblem DescribeOutOfRange(Instant receivedAt, Instant? at, ServiceCalendar calendar, bool isDefault)
    {
        var whose = isDefault ? "the NHTRC business calendar" : "the policy's calendar";
        var years = string.Create(CultureInfo.InvariantCulture, $"{calendar.FirstSupportedYear} to {calendar.LastSupportedYear}");
        if (!IsInRange(receivedAt, calendar))
        {
            return new ValidationProblem("$.receivedAt", $"{Format(receivedAt)} is outside the years {years} that {whose} supports.");
        }

        if (at is { } instant && !IsInRange(instant, calendar))
        {
            return new ValidationProblem("--at", $"{Format(instant)} is outside the years {years} that {whose} supports.");
        }

        return new ValidationProblem(
            "$.receivedAt",
            string.Create(CultureInfo.InvariantCulture, $"{Format(receivedAt)}: the deadline would fall after {calendar.LastSupportedYear}, the last year {whose} supports."));
    }

    private static bool IsInRange(Instant instant, ServiceCalendar calendar)
    {
        int year;
        try
        {
            year = instant.InZone(calendar.Zone).Year;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            year = instant.InUtc().Year;
        }

        return year >= calendar.FirstSupportedYear && year <= calendar.LastSupportedYear;
    }

    private static int Fail(TextWriter stderr, IEnumerable<ValidationProblem> problems)
    {
        foreach (var problem in problems)
        {
            stderr.Write($"nhtrc triage: {problem}\n");
        }

        return ExitCodes.UsageError;
    }

    private static void WriteJson(ContactOutcome outcome, TextWriter stdout)
    {
        // Exactly the SDK's contact outcome JSON (docs/triage.md, "Contact outcome JSON"), indented; relaxed escaping
        // keeps reasons readable ("person's"): the output is data, never embedded in HTML.
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            ContactOutcomeJson.Write(outcome, w);
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        stdout.Write('\n');
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>What <c>--help</c> prints after the generated usage and options: the details of input, output and exit codes.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Triages a contact with the NHTRC default rules, response policy and business hours (or the --rules",
        "and --policy files), and prints the urgency and why, the queue, the response deadline, the",
        "escalations (with consent checks) and the follow-ups to offer. The contact is a JSON document",
        "(docs/contacts.md) read from FILE, or from standard input when FILE is '-' or absent.",
        "",
        "Then it lists the top " + TriageReferrals.Count + " referral matches for the outcome's referral needs that are service types",
        "(others are skipped, and said so) at the caller's location, urgent when the outcome is, at the",
        "triage instant, for the public (no confidential addresses). A caller without a location gets no",
        "matches: they need a place.",
        "",
        "Output never contains the caller's personal data.",
        "Exit codes: 0 success; 2 bad arguments, an invalid contact, or a missing or invalid --rules, --policy or",
        "--directory file (every problem is listed); 1 reading stdin or writing failed.");

    private sealed class Options
    {
        public bool Json { get; init; }

        public string? File { get; init; }

        public Instant? At { get; init; }

        public string? PolicyPath { get; init; }

        public string? RulesPath { get; init; }

        public string? DirectoryPath { get; init; }
    }
}
