using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>
/// Every document reader handles text alike: a UTF-8 byte order mark is skipped, invalid UTF-8 in any string is one
/// problem at that string's path, and a property given twice is one problem at its path, in the same words for all
/// six kinds (docs/reliability.md).
/// </summary>
public sealed class TextConsistencyTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Property(MaxTest = 60)]
    public Property BomPrefixedBytes_ReadToAnEqualValue(NonNegativeInt k, NonNegativeInt d)
    {
        var (kind, document) = Pick(k, d);
        var expected = kind.Serialize(kind.Parse(document, ReadLimits.Default));
        byte[] withBom = [.. Bom, .. document];
        using var stream = new MemoryStream(withBom, writable: false);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, withBom);
            return (kind.Serialize(kind.Parse(withBom, ReadLimits.Default)) == expected).Label("span")
                .And((kind.Serialize(kind.ParseText("\uFEFF" + System.Text.Encoding.UTF8.GetString(document), ReadLimits.Default)) == expected).Label("text"))
                .And((kind.Serialize(kind.Load(stream, ReadLimits.Default)) == expected).Label("stream"))
                .And((kind.Serialize(kind.LoadFile(path, ReadLimits.Default)) == expected).Label("file"))
                .Label(kind.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property(MaxTest = 200)]
    public Property InvalidUtf8InAnyString_IsOneProblemAtItsPath(NonNegativeInt k, NonNegativeInt d, NonNegativeInt s)
    {
        var (kind, document) = Pick(k, d);
        var strings = Token.Of(document).Where(t => t.Type == System.Text.Json.JsonTokenType.String).ToList();
        if (strings.Count == 0)
        {
            return true.ToProperty();
        }

        var target = strings[s.Get % strings.Count];

        // A lone continuation byte just after the opening quote.
        byte[] broken = [.. document[..(target.Start + 1)], 0x80, .. document[(target.Start + 1)..]];
        var problems = ProblemsOf(kind, broken);
        return (problems.Length == 1 && problems[0] == new ValidationProblem(target.Path, "is not valid UTF-8 text."))
            .Label($"{kind.Name} {target.Path}: {string.Join("; ", problems)}");
    }

    [Property(MaxTest = 200)]
    public Property PropertyGivenTwice_IsOneProblemAtItsPath(NonNegativeInt k, NonNegativeInt d, NonNegativeInt p)
    {
        var (kind, document) = Pick(k, d);
        var properties = Token.Of(document).Where(t => t.Type == System.Text.Json.JsonTokenType.PropertyName).ToList();
        if (properties.Count == 0)
        {
            return true.ToProperty();
        }

        var target = properties[p.Get % properties.Count];
        byte[] twice = [.. document[..target.End], (byte)',', .. document[target.Start..target.End], .. document[target.End..]];
        var problems = ProblemsOf(kind, twice);
        return (problems.Length == 1 && problems[0] == new ValidationProblem(target.Path, "is given twice; give each property once."))
            .Label($"{kind.Name} {target.Path}: {string.Join("; ", problems)}");
    }

    // A name typed into the wrong place may be caller text: a location quotes at most its first 40 characters.
    [Property(MaxTest = 120)]
    public Property AnUnknownPropertyName_IsEchoedOnlyShortened(NonNegativeInt k, NonNegativeInt d, PositiveInt extra)
    {
        var (kind, document) = Pick(k, d);
        var name = "Sample Caller 202-555-0143 " + new string('x', 13 + (extra.Get % 2000));
        var brace = System.Array.IndexOf(document, (byte)'{');
        byte[] withName = [.. document[..(brace + 1)], .. System.Text.Encoding.UTF8.GetBytes($"\"{name}\":1,"), .. document[(brace + 1)..]];

        var problems = ProblemsOf(kind, withName);

        var expected = new ValidationProblem("$['" + name[..40] + "...']", "is not a known property.");
        return (problems.Length == 1 && problems[0] == expected && !problems[0].Location.Contains(name[..41], System.StringComparison.Ordinal))
            .Label($"{kind.Name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void EveryKind_HasDocuments()
    {
        Assert.Equal(6, TextKind.All.Length);
        Assert.All(TextKind.All, kind => Assert.NotEmpty(kind.Documents));

        // Every kind has documents with strings, with a list of two or more items and nested three deep, so the
        // properties above test every kind.
        Assert.All(TextKind.All, kind => Assert.Contains(kind.Documents, d => Token.Of(d).Any(t => t.Type == System.Text.Json.JsonTokenType.String)));
        Assert.All(TextKind.All, kind => Assert.Contains(kind.Documents, d => Token.LongestList(d) >= 2));
    }

    internal static (TextKind Kind, byte[] Document) Pick(NonNegativeInt k, NonNegativeInt d)
    {
        var kind = TextKind.All[k.Get % TextKind.All.Length];
        return (kind, kind.Documents[d.Get % kind.Documents.Length]);
    }

    internal static ValidationProblem[] ProblemsOf(TextKind kind, byte[] document, ReadLimits? limits = null)
    {
        try
        {
            kind.Parse(document, limits ?? ReadLimits.Default);
            return [];
        }
        catch (NhtrcValidationException e)
        {
            return [.. e.Problems];
        }
    }
}
