using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Documents written by the writers of one day, and what that day's readers made of them (Fixtures/README.md):
/// every fixture must still read to its golden description, so a reshaped reader reads old documents to equal values.
/// </summary>
public class CompatibilityFixtureTests
{
    private const int MinimumPerKind = 90;
    private const int ContextLines = 3;

    public static TheoryData<string> Fixtures => [.. FixtureFiles.Documents()];

    public static TheoryData<string> RewritableFixtures => [.. FixtureFiles.Documents().Where(f => FixtureKind.Of(f).DescribeRewritten is not null)];

    public static TheoryData<string> Kinds => [.. FixtureKind.All.Select(k => k.Folder)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_ReadByThePublicReader_MatchesItsGoldenDescription(string fixture)
    {
        var actual = FixtureKind.Of(fixture).Describe(FixtureFiles.Read(fixture));
        var golden = FixtureFiles.GoldenOf(fixture);
        var exists = File.Exists(FixtureFiles.InOutput(golden));
        if (FixtureFiles.WritingGoldens)
        {
            if (!exists || FixtureFiles.Read(golden) != actual)
            {
                WriteGolden(fixture, golden, actual);
            }

            return;
        }

        Assert.True(exists, $"{fixture} has no golden {golden}. Only a newly added fixture may get one written: see Fixtures/README.md.");
        var expected = FixtureFiles.Read(golden);
        if (expected != actual)
        {
            Assert.Fail($"{fixture} no longer reads to its golden {golden}. Fix the reader, not the golden (Fixtures/README.md).\n{Difference("golden", expected, "read now", actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(RewritableFixtures))]
    public void Fixture_WrittenAndReadAgain_DescribesTheSame(string fixture)
    {
        var kind = FixtureKind.Of(fixture);
        var json = FixtureFiles.Read(fixture);
        var once = kind.Describe(json);
        var rewritten = kind.DescribeRewritten!(json);
        if (once != rewritten)
        {
            Assert.Fail($"{fixture} describes differently once written and read again.\n{Difference("read once", once, "written and read again", rewritten)}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kind_HoldsEnoughFixtures_EachWithAGolden(string kind)
    {
        var fixtures = FixtureFiles.Documents().Where(f => FixtureKind.Of(f).Folder == kind).ToArray();
        Assert.True(fixtures.Length >= MinimumPerKind, $"{kind} holds {fixtures.Length} fixtures; at least {MinimumPerKind} are expected, so fixtures must not be deleted.");
        var orphans = FixtureFiles.Goldens().Where(g => FixtureKind.Of(g).Folder == kind && !fixtures.Contains(FixtureFiles.FixtureOf(g))).ToArray();
        Assert.True(orphans.Length == 0, $"goldens without their fixture: {string.Join(", ", orphans)}");
    }

    private static void WriteGolden(string fixture, string golden, string description)
    {
        var source = FixtureFiles.InSources(fixture);
        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"{fixture} is not at {source}, so its golden cannot be written beside it.");
        }

        File.WriteAllText(FixtureFiles.InSources(golden), description, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    // The first line that differs, with a few lines around it from both sides.
    private static string Difference(string expectedSide, string expected, string actualSide, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        var from = Math.Max(0, line - ContextLines);
        var text = new StringBuilder().Append("first difference at line ").Append(line + 1).Append(":\n");
        Append(text, expectedSide, e, from, line);
        Append(text, actualSide, a, from, line);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string side, string[] lines, int from, int line)
    {
        text.Append("--- ").Append(side).Append('\n');
        for (var i = from; i < Math.Min(lines.Length, line + ContextLines + 1); i++)
        {
            text.Append(i == line ? "> " : "  ").Append(i + 1).Append(": ").Append(lines[i]).Append('\n');
        }
    }
}
