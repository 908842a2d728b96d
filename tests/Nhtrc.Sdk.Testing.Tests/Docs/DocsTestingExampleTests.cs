using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Docs;

/// <summary>
/// The example of docs/testing.md is a suite that passes: its policy (the <c>```json policy</c> block) gives exactly the
/// deadlines of its table (the <c>```csv</c> block), both the files of samples/PartnerSlaTests, and the failures it shows
/// are the messages the assertions print.
/// </summary>
public sealed partial class DocsTestingExampleTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "testing.md"));

    [Fact]
    public void ThePagesPolicy_GivesThePagesTable()
    {
        var policy = ResponsePolicyJson.Parse(Block("json policy"));
        var table = DeadlineTable.ParseCsv(Block("csv"), "partner-deadlines.csv");
        Assert.True(table.Rows.Length >= 4);
        SlaAssert.Deadlines(policy, table);
    }

    [Fact]
    public void ThePagesFailure_IsWhatAWrongRowGets()
    {
        var policy = ResponsePolicyJson.Parse(Block("json policy"));
        var wrong = DeadlineTable.ParseCsv(
            "receivedAt,channel,urgency,targetBy,dueBy,note\n2026-03-30T16:00:00-07:00,email,nonUrgent,2026-03-31T11:00:00-07:00,2026-04-01T17:00:00-07:00,forgot Cesar Chavez Day\n",
            "partner-deadlines.csv");
        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.Deadlines(policy, wrong));
        Assert.Equal(Block("text failure").TrimEnd('\n'), error.Message);
    }

    [Fact]
    public void ThePagesResponseFailure_IsWhatALateResponseGets()
    {
        var deadline = ResponsePolicyJson.Parse(Block("json policy")).ComputeDeadline(
            Instant.FromUtc(2026, 3, 30, 23, 0), Contacts.ContactChannel.Email, Contacts.Urgency.NonUrgent);
        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.MetDue(deadline, Instant.FromUtc(2026, 4, 3, 0, 5)));
        Assert.Equal(Block("text late").TrimEnd('\n'), error.Message);
    }

    [Fact]
    public void ThePagesExamples_AreTheSamplesFiles()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "PartnerSlaTests");
        Assert.Equal(File.ReadAllText(Path.Combine(sample, "partner-policy.json")), Block("json policy"));
        Assert.Equal(File.ReadAllText(Path.Combine(sample, "partner-deadlines.csv")), Block("csv"));
    }

    private static string Block(string info)
    {
        var match = Fence().Matches(Page).FirstOrDefault(m => m.Groups["info"].Value.Trim() == info)
            ?? throw new InvalidOperationException($"docs/testing.md has no ```{info} block");
        return match.Groups["body"].Value;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Nhtrc.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(?<info>[^\n]*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
