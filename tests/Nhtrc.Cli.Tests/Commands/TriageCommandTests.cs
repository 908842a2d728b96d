using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nhtrc.Cli.Commands;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime.Text;

using static Nhtrc.Cli.Tests.HelpAssertions;

namespace Nhtrc.Cli.Tests.Commands;

public class TriageCommandTests
{
    private static readonly string Samples = FindSamples();

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nhtrc.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "samples", "contacts");
            }
        }

        throw new InvalidOperationException("Nhtrc.Sdk.sln not found above the test assembly.");
    }

    private static string Sample(string name) => Path.Combine(Samples, name);

    private static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = TriageCommand.Run(args, input, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Run_CrisisSample_PrintsAReadableOutcome()
    {
        var (exitCode, stdout, stderr) = Run("", Sample("crisis.json"));

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.StartsWith("Contact sample-crisis-0001 triaged at 2026-07-02T22:59:00Z with rules nhtrc-default\nUrgency: urgent\n", stdout);
        Assert.Contains("Queue: 24/7 line (open now)\n", stdout);
        Assert.Contains("Deadline: urgent phone received Thu 2 Jul 18:59 EDT; target and due: immediately\n", stdout);
        Assert.Contains("  - emergency services (911): notify now: imminent harm; no consent is needed to protect life [imminent-harm]\n", stdout);
        Assert.Contains("  - law enforcement (fbi): not made: the consent to a law-enforcement report for fbi is granted only at 2026-07-02T23:06:00Z, after 2026-07-02T22:59:00Z [adult-law-enforcement-with-consent]\n", stdout);
        Assert.Contains("Offer referrals for: emergencyShelter, medicalCare, interpretation, immigrationLegalServices, caseManagement\n", stdout);
    }

    [Fact]
    public void Run_At_ChecksConsentAtThatInstant()
    {
        var (exitCode, stdout, _) = Run("", Sample("crisis.json"), "--at", "2026-07-02T23:10:00Z");

        Assert.Equal(0, exitCode);
        Assert.Contains("law enforcement (fbi): notify: consent to a law-enforcement report for fbi is valid", stdout);
    }

    [Theory]
    [InlineData("crisis.json", "urgent", "twentyFourSevenLine")]
    [InlineData("tip.json", "nonUrgent", "businessHours")]
    [InlineData("referral.json", "nonUrgent", "businessHours")]
    [InlineData("tta.json", "nonUrgent", "businessHours")]
    [InlineData("general-information.json", "nonUrgent", "businessHours")]
    [InlineData("high-risk.json", "nonUrgent", "businessHours")]
    public void Run_Json_FromStdin_WritesTheOutcome(string file, string urgency, string queue)
    {
        var (exitCode, stdout, stderr) = Run(File.ReadAllText(Sample(file)), "-", "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(urgency, root.GetProperty("urgency").GetString());
        var triage = root.GetProperty("triage");
        Assert.Equal(queue, triage.GetProperty("queue").GetProperty("name").GetString());
        Assert.Equal(triage.GetProperty("triagedAt").GetString(), triage.GetProperty("deadline").GetProperty("receivedAt").GetString());
        Assert.NotEmpty(triage.GetProperty("firedRules").EnumerateArray());
    }

    [Theory]
    [InlineData("crisis.json", null)]
    [InlineData("crisis.json", "2026-07-02T23:10:00Z")]
    [InlineData("tip.json", null)]
    [InlineData("referral.json", null)]
    [InlineData("tta.json", null)]
    [InlineData("general-information.json", null)]
    [InlineData("high-risk.json", null)]
    [InlineData("high-risk.json", "2026-07-10T12:00:00Z")]
    public void Run_Json_IsExactlyTheSdksContactOutcomeJson(string file, string? at)
    {
        var (exitCode, stdout, stderr) = at is null ? Run("", Sample(file), "--json") : Run("", Sample(file), "--json", "--at", at);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var contact = ContactJson.LoadFile(Sample(file));
        var outcome = ContactPipeline.NhtrcDefault.Process(contact, ReferralDirectory.Sample, at is null ? contact.ReceivedAt : InstantPattern.ExtendedIso.Parse(at).Value);
        AssertSameJson(ContactOutcomeJson.Serialize(outcome), stdout);
        Assert.EndsWith("}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\n  \"triage\": {\n", stdout, StringComparison.Ordinal); // indented, as before
    }

    [Fact]
    public void Run_Json_WithRulesPolicyAndDirectoryFiles_IsExactlyTheSdksContactOutcomeJson()
    {
        using var files = new ReferralDirectoryFiles();
        var rules = files.Write("rules.json", DocumentFiles.Rules);
        var policy = files.Write("policy.json", DocumentFiles.Policy);
        var directory = files.Write("directory.json", ReferralDirectoryFiles.Valid);

        var (exitCode, stdout, stderr) = Run("", Sample("crisis.json"), "--rules", rules, "--policy", policy, "--directory", directory, "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var responsePolicy = ResponsePolicyJson.LoadFile(policy);
        var engine = new TriageEngine(TriageRulesJson.LoadFile(rules), responsePolicy, responsePolicy.BusinessCalendar);
        var contact = ContactJson.LoadFile(Sample("crisis.json"));
        var outcome = new ContactPipeline(engine).Process(contact, ReferralDirectoryJson.LoadFile(directory), contact.ReceivedAt);
        AssertSameJson(ContactOutcomeJson.Serialize(outcome), stdout);
    }

    [Fact]
    public void Run_Json_KeepsReadableEscaping()
    {
        var (_, stdout, _) = Run("", Sample("crisis.json"), "--json");

        Assert.DoesNotContain("\\u0027", stdout, StringComparison.Ordinal);
        Assert.Contains("person's consent", stdout, StringComparison.Ordinal);
    }

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), "expected (re-indented) " + Docs.ResultJsonExamples.Indented(expected) + "\nbut got\n" + actual);

    [Fact]
    public void Run_Json_HighRisk_ListsMandatoryReportsWithTheirLegalBasis_AndTheQueueOpening()
    {
        var (_, stdout, _) = Run("", Sample("high-risk.json"), "--json");

        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement.GetProperty("triage");
        var escalations = root.GetProperty("escalations").EnumerateArray().ToList();
        Assert.Equal(["childWelfare", "lawEnforcement", "supervisor"], escalations.Select(e => e.GetProperty("kind").GetString()));
        Assert.All(escalations.Take(2), e =>
        {
            Assert.Equal("mandatoryReport", e.GetProperty("basis").GetString());
            Assert.True(e.GetProperty("made").GetBoolean());
            Assert.Contains("mandated-reporter", e.GetProperty("legalBasis").GetString(), StringComparison.Ordinal);
        });
        Assert.False(root.GetProperty("queue").GetProperty("openNow").GetBoolean());
        Assert.Equal("2026-07-09T13:00:00Z", root.GetProperty("queue").GetProperty("opensAt").GetString());
    }

    [Fact]
    public void Run_NeverPrintsPersonalData()
    {
        foreach (var file in Directory.GetFiles(Samples, "*.json"))
        {
            foreach (var json in new[] { false, true })
            {
                var (_, stdout, _) = json ? Run("", file, "--json") : Run("", file);
                // The callers' own numbers: referral matches list the (fictional) services' numbers, 555-01xx too.
                Assert.DoesNotContain("Sample Caller", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("202-555-0143", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("212-555-0199", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("555-0107", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("@example.org", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("Synthetic example", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain("Example Street", stdout, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Run_InvalidContact_ListsEveryProblemOnStderr_AndExits2()
    {
        var json = File.ReadAllText(Sample("crisis.json"))
            .Replace("\"channel\": \"phone\"", "\"channel\": \"fax\"", StringComparison.Ordinal)
            .Replace("\"zip\": \"77002\"", "\"zip\": \"7700\"", StringComparison.Ordinal)
            .Replace("\"recipient\": \"fbi\"", "\"recipient\": \"*\"", StringComparison.Ordinal);

        var (exitCode, stdout, stderr) = Run(json);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["$.channel", "$.caller.location.zip", "$.consents[1].recipient"], lines.Select(l => l["nhtrc triage: ".Length..l.IndexOf(':', "nhtrc triage: ".Length)]));
        Assert.DoesNotContain("Sample Caller", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedJson_ReportsThePosition()
    {
        var (exitCode, _, stderr) = Run("{ \"id\": ");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--at" }, "nhtrc triage: Required argument missing for option: '--at'.")]
    [InlineData(new[] { "--at", "yesterday" }, "nhtrc triage: --at: 'yesterday' is not an ISO-8601 UTC instant")]
    [InlineData(new[] { "--verbose" }, "nhtrc triage: '--verbose' is not a known option.")]
    [InlineData(new[] { "a.json", "b.json" }, "nhtrc triage: Unrecognized command or argument 'b.json'.")]
    public void Run_BadArguments_Exit2_WithUsageHint(string[] args, string expected)
    {
        var (exitCode, stdout, stderr) = Run("", args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'nhtrc triage --help' for usage.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AtBeforeReceipt_Exits2()
    {
        var (exitCode, _, stderr) = Run("", Sample("tip.json"), "--at", "2026-07-03T14:19:59Z");

        Assert.Equal(2, exitCode);
        Assert.Equal("nhtrc triage: --at: 2026-07-03T14:19:59Z is earlier than the contact's receivedAt 2026-07-03T14:20:00Z.\n", stderr);
    }

    [Fact]
    public void Run_MissingFile_Exits2()
    {
        var path = Path.Combine(Samples, "no-such-contact.json");

        var (exitCode, _, stderr) = Run("", path);

        Assert.Equal(2, exitCode);
        Assert.Equal($"nhtrc triage: file '{path}' does not exist.\n", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Run_Help_PrintsUsage(string flag)
    {
        var (exitCode, stdout, stderr) = Run("", flag);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        AssertGeneratedHelp(stdout, "nhtrc triage [<FILE>] [options]", TriageCommand.Details);
        Assert.Contains("--at <INSTANT>", stdout, StringComparison.Ordinal);
        Assert.Contains("--rules <FILE>", stdout, StringComparison.Ordinal);
        Assert.Contains("--policy <FILE>", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Crisis_ListsReferralMatchesForItsNeedsAtTheCallersZip()
    {
        var (exitCode, stdout, _) = Run("", Sample("crisis.json"));

        Assert.Equal(0, exitCode);
        var referrals = stdout[stdout.IndexOf("Referral matches", StringComparison.Ordinal)..];
        Assert.StartsWith(
            "Referral matches (sample directory; for the public, no confidential addresses):\n" +
            "  for emergencyShelter, medicalCare, interpretation, immigrationLegalServices, caseManagement at ZIP 77002 Houston, TX, urgent, at 2026-07-02T22:59:00Z\n" +
            "  5 of 16 eligible services, best first:\n",
            referrals);
        // The profile (labor, foreign national) and the caller's language (es) count: the shelter that offers Spanish leads.
        Assert.Contains("  1  61.02   75.3 km  Hempstead, TX      emergencyShelter          Keystone Shelter of Hempstead (fictional): Emergency shelter\n", referrals, StringComparison.Ordinal);
        Assert.Contains("     why: +15 language: offers es;", referrals, StringComparison.Ordinal);
        Assert.Contains("  Plan: organizations that together cover every need:\n", referrals, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_Crisis_HasReferrals_UrgentAtTheTriageInstant_Top5_Public()
    {
        var (_, stdout, _) = Run("", Sample("crisis.json"), "--json", "--at", "2026-07-02T23:10:00Z");

        using var document = JsonDocument.Parse(stdout);
        var referrals = document.RootElement.GetProperty("referrals");
        Assert.True(referrals.GetProperty("searched").GetBoolean());
        Assert.False(referrals.TryGetProperty("directory", out _));
        Assert.Equal(
            document.RootElement.GetProperty("triage").GetProperty("followUps").GetProperty("referralNeeds").EnumerateArray().Select(n => n.GetString()),
            referrals.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("urgent", document.RootElement.GetProperty("urgency").GetString());
        var result = referrals.GetProperty("result");
        Assert.Equal("2026-07-02T23:10:00Z", result.GetProperty("at").GetString());
        Assert.Equal("public", result.GetProperty("audience").GetString());
        var matches = result.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(5, matches.Count);
        Assert.All(matches, m => Assert.Equal(8, m.GetProperty("breakdown").GetArrayLength()));
        Assert.All(matches.SelectMany(m => m.GetProperty("locations").EnumerateArray()).Where(l => l.GetProperty("confidential").GetBoolean()),
            l => Assert.Equal(JsonValueKind.Null, l.GetProperty("address").ValueKind));
        Assert.NotEmpty(result.GetProperty("plan").EnumerateArray());
    }

    [Fact]
    public void Run_NeedThatIsNotAServiceType_IsSkipped_AndSaidSo()
    {
        var (_, text, _) = Run("", Sample("high-risk.json"));
        var (_, json, _) = Run("", Sample("high-risk.json"), "--json");

        Assert.EndsWith(
            "Referral matches (sample directory; for the public, no confidential addresses):\n" +
            "  skipped runawayAndHomelessYouth: not a service type\n" +
            "  none searched: none of the referral needs is a service type.\n",
            text);
        using var document = JsonDocument.Parse(json);
        var referrals = document.RootElement.GetProperty("referrals");
        Assert.False(referrals.GetProperty("searched").GetBoolean());
        Assert.Equal("none of the referral needs is a service type.", referrals.GetProperty("notSearchedReason").GetString());
        Assert.Equal(JsonValueKind.Null, referrals.GetProperty("result").ValueKind);
        Assert.Equal(["runawayAndHomelessYouth"], referrals.GetProperty("skippedNeeds").EnumerateArray().Select(n => n.GetString()));
        Assert.Empty(referrals.GetProperty("needs").EnumerateArray());
    }

    [Fact]
    public void Run_SomeNeedsNotServiceTypes_SearchesTheOthers()
    {
        var json = File.ReadAllText(Sample("crisis.json"))
            .Replace("\"referralNeeds\": [\"emergencyShelter\"", "\"referralNeeds\": [\"petCare\", \"emergencyShelter\"", StringComparison.Ordinal);

        var (exitCode, stdout, _) = Run(json);

        Assert.Equal(0, exitCode);
        Assert.Contains("  skipped petCare: not a service type\n  for emergencyShelter, ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CallerWithoutLocation_SaysMatchesNeedAPlace()
    {
        var json = File.ReadAllText(Sample("referral.json"))
            .Replace("\"location\": { \"zip\": \"60601\", \"state\": \"IL\" },", "", StringComparison.Ordinal);

        var (exitCode, stdout, _) = Run(json);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("  none searched: matches need a place, and the caller has no location.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoReferralNeeds_SaysSo()
    {
        var (_, stdout, _) = Run("", Sample("tip.json"));

        Assert.EndsWith("  none searched: the outcome offers no referrals.\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Directory_MatchesInThatFile()
    {
        using var files = new ReferralDirectoryFiles();
        var path = files.Write("directory.json", ReferralDirectoryFiles.Valid);

        var (exitCode, stdout, _) = Run("", Sample("crisis.json"), "--directory", path, "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(stdout);
        var referrals = document.RootElement.GetProperty("referrals");
        Assert.Equal(["svc-shelter"], referrals.GetProperty("result").GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("serviceId").GetString()));
        Assert.DoesNotContain("Hidden Way", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidDirectory_Exits2_WithEveryProblem()
    {
        using var files = new ReferralDirectoryFiles();
        var path = files.Write("invalid.json", ReferralDirectoryFiles.Invalid);

        var (exitCode, stdout, stderr) = Run("", Sample("crisis.json"), "--directory", path);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"nhtrc triage: --directory: '{path}' is not a valid referral directory (", stderr, StringComparison.Ordinal);
        Assert.Contains("  - $.organizations[1].id: ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--directory" }, "nhtrc triage: Required argument missing for option: '--directory'.")]
    [InlineData(new[] { "--directory", "a.json", "--directory", "b.json" }, "nhtrc triage: Option '--directory' expects a single argument but 2 were provided.")]
    [InlineData(new[] { "--rules" }, "nhtrc triage: Required argument missing for option: '--rules'.")]
    [InlineData(new[] { "--policy", "--json" }, "nhtrc triage: --policy: needs a value; '--json' is an option, not a value.")]
    public void Run_BadDirectoryArgument_Exits2(string[] args, string expected)
    {
        var (exitCode, _, stderr) = Run("", args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RulesAndPolicyFiles_AreApplied()
    {
        using var files = new ReferralDirectoryFiles();
        var rules = files.Write("rules.json", DocumentFiles.Rules);
        var policy = files.Write("policy.json", DocumentFiles.Policy);

        var (defaultExit, defaultJson, _) = Run("", Sample("tip.json"), "--json");
        var (exitCode, json, stderr) = Run("", Sample("tip.json"), "--rules", rules, "--policy", policy, "--json");

        Assert.Equal(0, defaultExit);
        Assert.Equal("nonUrgent", JsonDocument.Parse(defaultJson).RootElement.GetProperty("urgency").GetString());
        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var root = JsonDocument.Parse(json).RootElement.GetProperty("triage");
        Assert.Equal("test-rules", root.GetProperty("ruleSetId").GetString());
        Assert.Equal("urgent", root.GetProperty("urgency").GetString());
        Assert.Equal(["tip-urgent"], root.GetProperty("firedRules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var deadline = root.GetProperty("deadline");
        Assert.Equal("test-policy", deadline.GetProperty("policyId").GetString());
        Assert.Equal("2026-07-03T15:20:00Z", deadline.GetProperty("targetBy").GetString()); // receivedAt 14:20 + PT1H
    }

    [Theory]
    [InlineData("--rules", DocumentFiles.InvalidRules, "triage rules document", new[] { "$.rules[0].when.signal", "$.rules[0].urgency" })]
    [InlineData("--policy", DocumentFiles.InvalidPolicy, "response policy", new[] { "$.calendar", "$.rules[0].urgency", "$.rules[0].target.duration" })]
    public void Run_InvalidRulesOrPolicyFile_ListsEveryProblemWithItsPath_AndExits2_BeforeReadingTheContact(string option, string document, string noun, string[] paths)
    {
        using var files = new ReferralDirectoryFiles();
        var path = files.Write("bad.json", document);
        using var stdin = new StringReader(File.ReadAllText(Sample("tip.json")));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = TriageCommand.Run([option, path], stdin, stdout, stderr);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout.ToString());
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"nhtrc triage: {option}: '{path}' is not a valid {noun} ({lines.Length - 1} problems):", lines[0]);
        Assert.Equal(paths, lines.Skip(1).Select(l => l[4..l.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.Equal('{', stdin.Peek()); // the contact is not read
    }

    [Theory]
    [InlineData("--rules")]
    [InlineData("--policy")]
    public void Run_MissingRulesOrPolicyFile_Exits2(string option)
    {
        using var files = new ReferralDirectoryFiles();

        var (exitCode, stdout, stderr) = Run("", Sample("tip.json"), option, files.Missing);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"nhtrc triage: {option}: file '{files.Missing}' does not exist.\n", stderr);
    }
}
