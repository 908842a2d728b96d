using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Triage;
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
    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join(
        '\n',
        "Usage: nhtrc triage [FILE|-] [--at INSTANT] [--directory FILE] [--json]",
        "",
        "Triages a contact with the NHTRC default rules, response policy and business hours, and prints",
        "the urgency and why, the queue, the response deadline, the escalations (with consent checks)",
        "and the follow-ups to offer. The contact is a JSON document (docs/contacts.md) read from FILE,",
        "or from standard input when FILE is '-' or absent.",
        "",
        "Then it lists the top " + TriageReferrals.Count + " referral matches for the outcome's referral needs that are service types",
        "(others are skipped, and said so) at the caller's location, urgent when the outcome is, at the",
        "triage instant, for the public (no confidential addresses). A caller without a location gets no",
        "matches: they need a place.",
        "",
        "Options:",
        "  --at INSTANT  when triage happens, as ISO-8601 UTC such as 2026-07-02T23:10:00Z; consents are",
        "                checked and the queue's next opening is looked up at this instant. Defaults to",
        "                the contact's receivedAt; must not be earlier. The deadline always counts from",
        "                receivedAt.",
        "  --directory FILE",
        "                the referral directory file to match in (JSON or .json.gz, docs/referrals.md);",
        "                default: the embedded, fictional sample directory",
        "  --json        print the outcome as JSON instead of text",
        "  -h, --help    print this help",
        "",
        "Output never contains the caller's personal data.",
        "Exit codes: 0 success, 2 bad arguments or an invalid contact (every problem is listed).",
        "");

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the word <c>triage</c>.</param>
    /// <param name="stdin">Where the contact is read from when FILE is <c>-</c> or absent.</param>
    /// <param name="stdout">Where the outcome (or the help) is written.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.UsageError"/> when the arguments or the contact are invalid.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = Parse(args, out var problems);
        if (ArgumentProblems.HelpOrReport("triage", Usage, options.Help, problems, stdout, stderr) is { } exitCode)
        {
            return exitCode;
        }

        var directory = ReferralDirectory.Sample;
        if (options.DirectoryPath is { } directoryPath && !ReferralDirectoryFile.TryLoad(directoryPath, "nhtrc triage: --directory: ", stderr, out directory))
        {
            return ExitCodes.UsageError;
        }

        string json;
        try
        {
            json = options.File is null or "-" ? stdin.ReadToEnd() : File.ReadAllText(options.File);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(stderr, [new ValidationProblem(options.File!, "cannot be read: " + e.GetType().Name + ".")]);
        }

        Contact contact;
        try
        {
            contact = ContactJson.Parse(json);
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

        TriageOutcome outcome;
        try
        {
            outcome = TriageEngine.NhtrcDefault.Triage(contact, at);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Fail(stderr, [new ValidationProblem(options.At is null ? "$.receivedAt" : "--at", "is outside the years the NHTRC business calendar supports.")]);
        }

        var referrals = TriageReferrals.Find(outcome, contact, directory, options.DirectoryPath ?? "sample");
        if (options.Json)
        {
            WriteJson(outcome, referrals, stdout);
        }
        else
        {
            stdout.Write(outcome.ToString());
            referrals.WriteText(stdout);
        }

        return ExitCodes.Success;
    }

    private static int Fail(TextWriter stderr, IEnumerable<ValidationProblem> problems)
    {
        foreach (var problem in problems)
        {
            stderr.Write($"nhtrc triage: {problem}\n");
        }

        return ExitCodes.UsageError;
    }

    private static void WriteJson(TriageOutcome outcome, TriageReferrals referrals, TextWriter stdout)
    {
        // Relaxed escaping keeps reasons readable ("person's"); the output is data, never embedded in HTML.
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("contactId", outcome.ContactId);
            w.WriteString("triagedAt", Format(outcome.TriagedAt));
            w.WriteString("rules", outcome.RuleSetId);
            w.WriteString("urgency", WireNames.Of(outcome.Urgency));
            WriteRules(w, "urgencyRules", outcome.UrgencyRules);
            w.WriteStartObject("queue");
            w.WriteString("name", WireNames.Of(outcome.Queue));
            w.WriteBoolean("openNow", outcome.IsQueueOpen);
            if (outcome.QueueOpensAt is { } opens)
            {
                w.WriteString("opensAt", Format(opens));
            }

            w.WriteEndObject();
            w.WriteStartObject("deadline");
            w.WriteString("receivedAt", Format(outcome.Deadline.ReceivedAt));
            w.WriteString("channel", WireNames.Of(outcome.Deadline.Channel));
            w.WriteString("targetBy", Format(outcome.Deadline.TargetBy));
            w.WriteString("dueBy", Format(outcome.Deadline.DueBy));
            w.WriteString("policy", outcome.Deadline.Policy.Id);
            w.WriteString("rule", outcome.Deadline.Rule.Id);
            w.WriteString("explanation", outcome.Deadline.Explanation);
            w.WriteEndObject();
            w.WriteStartArray("escalations");
            foreach (var escalation in outcome.Escalations)
            {
                w.WriteStartObject();
                w.WriteString("kind", WireNames.Of(escalation.Kind));
                w.WriteString("recipient", escalation.Recipient);
                w.WriteString("basis", WireNames.Of(escalation.Basis));
                if (escalation.LegalBasis is { } legalBasis)
                {
                    w.WriteString("legalBasis", legalBasis);
                }

                w.WriteBoolean("made", escalation.IsMade);
                w.WriteString("consent", WireNames.Of(escalation.Consent));
                w.WriteString("explanation", escalation.Explanation);
                w.WriteString("rule", escalation.Rule.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("followUps");
            w.WriteStartArray("referralNeeds");
            foreach (var need in outcome.ReferralNeeds)
            {
                w.WriteStringValue(need);
            }

            w.WriteEndArray();
            w.WriteStartArray("technicalAssistance");
            foreach (var kind in outcome.TechnicalAssistance)
            {
                w.WriteStringValue(WireNames.Of(kind));
            }

            w.WriteEndArray();
            w.WriteEndObject();
            WriteRules(w, "firedRules", outcome.FiredRules);
            referrals.WriteJson(w);
            w.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        stdout.Write('\n');
    }

    private static void WriteRules(Utf8JsonWriter w, string name, IEnumerable<TriageRule> rules)
    {
        w.WriteStartArray(name);
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("reason", rule.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Options Parse(IReadOnlyList<string> args, out List<ValidationProblem> problems)
    {
        problems = [];
        var options = new Options();
        string? atText = null;
        var atGiven = false;
        var directoryGiven = false;
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
                case "--directory":
                    if (OptionReader.TryTakeFile(args, ref i, ref directoryGiven, problems, out var directoryPath))
                    {
                        options.DirectoryPath = directoryPath;
                    }

                    break;
                case "--at":
                    // Unlike a file, a repeated --at takes its value; the last one is checked after the loop.
                    if (atGiven)
                    {
                        problems.Add(OptionReader.GivenMoreThanOnce(arg));
                    }

                    atGiven = true;
                    atText = OptionReader.TakeValue(args, ref i);
                    break;
                default:
                    if (arg.StartsWith('-') && arg != "-")
                    {
                        problems.Add(new ValidationProblem(OptionReader.Argument(i, arg), "is not a known option."));
                    }
                    else if (options.File is not null)
                    {
                        problems.Add(new ValidationProblem(OptionReader.Argument(i, arg), "is not expected; give one contact file (or '-' for standard input)."));
                    }
                    else
                    {
                        options.File = arg;
                    }

                    break;
            }
        }

        if (atGiven)
        {
            if (atText is null)
            {
                problems.Add(new ValidationProblem("--at", "needs an instant such as 2026-07-02T23:10:00Z."));
            }
            else if (InstantPattern.ExtendedIso.Parse(atText) is { Success: true } parsed)
            {
                options.At = parsed.Value;
            }
            else
            {
                problems.Add(new ValidationProblem("--at", $"'{atText}' is not an ISO-8601 UTC instant such as 2026-07-02T23:10:00Z."));
            }
        }

        return options;
    }

    private sealed class Options
    {
        public bool Help { get; set; }

        public bool Json { get; set; }

        public string? File { get; set; }

        public Instant? At { get; set; }

        public string? DirectoryPath { get; set; }
    }
}
