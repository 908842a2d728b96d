using System;
using System.IO;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Assertions;

public sealed class DeadlineTableTests
{
    [Fact]
    public void ParseCsv_ReadsColumnsInAnyOrder_OffsetsAndOptionalSeconds()
    {
        var table = DeadlineTable.ParseCsv(
            "note,dueBy,targetBy,urgency,channel,receivedAt\n\"a note, with a comma\",2026-07-08T19:00-04:00,2026-07-06T23:00:00Z,nonUrgent,email,2026-07-02T18:59:00-04:00\n",
            "t.csv");
        var row = Assert.Single(table.Rows);
        Assert.Equal(("line 2", Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent), (row.Location, row.ReceivedAt, row.Channel, row.Urgency));
        Assert.Equal((Instant.FromUtc(2026, 7, 6, 23, 0), Instant.FromUtc(2026, 7, 8, 23, 0)), (row.TargetBy, row.DueBy));
        Assert.Equal("a note, with a comma", row.Note);
        Assert.Equal("line 2: nonUrgent email 2026-07-02T22:59:00Z -> 2026-07-06T23:00:00Z / 2026-07-08T23:00:00Z", row.ToString());
    }

    [Fact]
    public void ParseCsv_OfABadHeader_NamesEveryColumnProblem()
    {
        var error = Assert.Throws<NhtrcValidationException>(() => DeadlineTable.ParseCsv("receivedAt,channel,urgency,targetBy,extra\n", "bad.csv"));
        Assert.Equal(
            "Invalid deadline table bad.csv: 2 problems:\n"
            + "  - line 1: 'extra' is not a column of a deadline table (receivedAt, channel, urgency, targetBy, dueBy, note).\n"
            + "  - line 1: has no dueBy column.",
            error.Message.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseCsv_OfBadRows_NamesEveryCellProblem()
    {
        var error = Assert.Throws<NhtrcValidationException>(() =>
            DeadlineTable.ParseCsv("receivedAt,channel,urgency,targetBy,dueBy\n2026-13-01,fax,low,x,\n2026-03-30T16:00:00Z,email\n", "bad.csv"));
        Assert.Equal(
            "Invalid deadline table bad.csv: 6 problems:\n"
            + "  - line 2, receivedAt: '2026-13-01' is not an ISO 8601 instant with an offset, such as 2026-07-02T18:59:00-04:00 or 2026-07-02T22:59:00Z.\n"
            + "  - line 2, channel: 'fax' is not one of phone, text, chat, email, webForm.\n"
            + "  - line 2, urgency: 'low' is not one of urgent, nonUrgent.\n"
            + "  - line 2, targetBy: 'x' is not an ISO 8601 instant with an offset, such as 2026-07-02T18:59:00-04:00 or 2026-07-02T22:59:00Z.\n"
            + "  - line 2, dueBy: is required: an ISO 8601 instant with an offset, such as 2026-07-02T18:59:00-04:00.\n"
            + "  - line 3: has 2 columns; the header has 5.",
            error.Message.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseCsv_RefusesALocalTimeWithoutAnOffset()
    {
        var error = Assert.Throws<NhtrcValidationException>(() =>
            DeadlineTable.ParseCsv("receivedAt,channel,urgency,targetBy,dueBy\n2026-07-02T18:59:00,email,nonUrgent,2026-07-06T23:00:00Z,2026-07-08T23:00:00Z\n", "t.csv"));
        Assert.Equal("line 2, receivedAt", Assert.Single(error.Problems).Location);
    }

    [Fact]
    public void ParseJson_OfBadRows_NamesEveryProblemWithItsPath()
    {
        var error = Assert.Throws<NhtrcValidationException>(() => DeadlineTable.ParseJson(
            """[{"receivedAt":"2026-03-30T16:00:00Z","channel":"fax","urgency":"urgent","targetBy":1,"dueBy":"2026-03-30T16:00:00Z","extra":""}, 3]""",
            "bad.json"));
        Assert.Equal(
            "Invalid deadline table bad.json: 4 problems:\n"
            + "  - $[0].targetBy: must be a string.\n"
            + "  - $[0].extra: is not a member of a deadline row (receivedAt, channel, urgency, targetBy, dueBy, note).\n"
            + "  - $[0].channel: 'fax' is not one of phone, text, chat, email, webForm.\n"
            + "  - $[1]: must be an object.",
            error.Message.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        Assert.Equal("$: is not valid JSON (line 1, byte 3).", Assert.Single(Assert.Throws<NhtrcValidationException>(() => DeadlineTable.ParseJson("[{", "bad.json")).Problems).ToString());
        Assert.Equal("$: must be an array of rows.", Assert.Single(Assert.Throws<NhtrcValidationException>(() => DeadlineTable.ParseJson("{}", "bad.json")).Problems).ToString());
        Assert.Contains(
            Assert.Throws<NhtrcValidationException>(() => DeadlineTable.ParseJson("""[{"receivedAt":"2026-03-30T16:00:00Z","receivedAt":"2026-03-30T16:00:00Z"}]""", "bad.json")).Problems,
            p => p.ToString() == "$[0].receivedAt: is given twice; give each member once.");
    }

    [Fact]
    public void LoadFile_ChoosesTheFormatByTheName()
    {
        var directory = Directory.CreateTempSubdirectory("nhtrc-testing-");
        try
        {
            var csv = Path.Combine(directory.FullName, "expected.csv");
            File.WriteAllText(csv, "receivedAt,channel,urgency,targetBy,dueBy\n2026-07-02T22:59:00Z,email,nonUrgent,2026-07-06T23:00:00Z,2026-07-08T23:00:00Z\n");
            var json = Path.Combine(directory.FullName, "expected.json");
            File.WriteAllText(json, """[{"receivedAt":"2026-07-02T22:59:00Z","channel":"email","urgency":"nonUrgent","targetBy":"2026-07-06T23:00:00Z","dueBy":"2026-07-08T23:00:00Z"}]""");
            Assert.Equal("expected.csv (1 row)", DeadlineTable.LoadFile(csv).ToString());
            Assert.Equal("expected.json (1 row)", DeadlineTable.LoadFile(json).ToString());
            Assert.Throws<ArgumentException>(() => DeadlineTable.LoadFile(Path.Combine(directory.FullName, "expected.txt")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
