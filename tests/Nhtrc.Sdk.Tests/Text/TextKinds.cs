using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Tests.Fixtures;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>
/// The six document kinds seen alike by the text and limit tests: each kind's read verbs with limits, how a value is
/// written (to compare what two reads gave), and valid documents of it (the samples and defaults, the valid
/// compatibility fixtures, and directories of the round-trip generator).
/// </summary>
internal sealed record TextKind(
    string Name,
    Func<string, ReadLimits, object> ParseText,
    Func<byte[], ReadLimits, object> Parse,
    Func<Stream, ReadLimits, object> Load,
    Func<Stream, ReadLimits, CancellationToken, Task> LoadAsync,
    Func<string, ReadLimits, object> LoadFile,
    Func<string, ReadLimits, CancellationToken, Task> LoadFileAsync,
    Func<object, string> Serialize,
    ImmutableArray<byte[]> Documents)
{
    public static ImmutableArray<TextKind> All { get; } =
    [
        Of("contact", ContactJson.Parse, ContactJson.Parse, ContactJson.Load, ContactJson.LoadAsync, ContactJson.LoadFile, ContactJson.LoadFileAsync, ContactJson.Serialize,
            Valid("contacts", ContactJson.Parse)),
        Of("policy", ResponsePolicyJson.Parse, ResponsePolicyJson.Parse, ResponsePolicyJson.Load, ResponsePolicyJson.LoadAsync, ResponsePolicyJson.LoadFile, ResponsePolicyJson.LoadFileAsync, ResponsePolicyJson.Serialize,
            [ResponsePolicyJson.Serialize(ResponsePolicy.NhtrcDefault), .. Valid("policies", ResponsePolicyJson.Parse)]),
        Of("calendar", ServiceCalendarJson.Parse, ServiceCalendarJson.Parse, ServiceCalendarJson.Load, ServiceCalendarJson.LoadAsync, ServiceCalendarJson.LoadFile, ServiceCalendarJson.LoadFileAsync, ServiceCalendarJson.Serialize,
            [ServiceCalendarJson.Serialize(ResponsePolicy.NhtrcDefault.BusinessCalendar),
             .. Valid("policies", ResponsePolicyJson.Parse).Select(json => ServiceCalendarJson.Serialize(ResponsePolicyJson.Parse(json).BusinessCalendar))]),
        Of("rules", TriageRulesJson.Parse, TriageRulesJson.Parse, TriageRulesJson.Load, TriageRulesJson.LoadAsync, TriageRulesJson.LoadFile, TriageRulesJson.LoadFileAsync, TriageRulesJson.Serialize,
            [TriageRulesJson.Serialize(TriageRules.NhtrcDefault), .. Valid("triage-rules", TriageRulesJson.Parse)]),
        Of("library", ResourceLibraryJson.Parse, ResourceLibraryJson.Parse, ResourceLibraryJson.Load, ResourceLibraryJson.LoadAsync, ResourceLibraryJson.LoadFile, ResourceLibraryJson.LoadFileAsync, ResourceLibraryJson.Serialize,
            [ResourceLibraryJson.Serialize(ResourceLibrary.Sample), .. Valid("libraries", ResourceLibraryJson.Parse)]),
        Of("directory", ReferralDirectoryJson.Parse, ReferralDirectoryJson.Parse, ReferralDirectoryJson.Load, ReferralDirectoryJson.LoadAsync, ReferralDirectoryJson.LoadFile, ReferralDirectoryJson.LoadFileAsync, ReferralDirectoryJson.Serialize,
            [.. Valid("directories", ReferralDirectoryJson.Parse).Take(8),
             .. Enumerable.Range(0, 4).Select(seed => Nhtrc.Sdk.Testing.SyntheticDirectory.ToJson(
                 new Nhtrc.Sdk.Testing.SyntheticDirectoryOptions { Seed = seed, Services = 3 + seed }))]),
    ];

    public override string ToString() => Name;

    private delegate T Parser<out T>(ReadOnlySpan<byte> utf8Json, ReadLimits limits);

    private static TextKind Of<T>(
        string name, Func<string, ReadLimits, T> parseText, Parser<T> parse, Func<Stream, ReadLimits, T> load, Func<Stream, ReadLimits, CancellationToken, Task<T>> loadAsync,
        Func<string, ReadLimits, T> loadFile, Func<string, ReadLimits, CancellationToken, Task<T>> loadFileAsync, Func<T, string> serialize,
        IEnumerable<string> documents)
        where T : class =>
        new(name, (t, l) => parseText(t, l), (b, l) => parse(b, l), (s, l) => load(s, l), (s, l, c) => loadAsync(s, l, c), (p, l) => loadFile(p, l), (p, l, c) => loadFileAsync(p, l, c),
            v => serialize((T)v), [.. documents.Select(Encoding.UTF8.GetBytes)]);

    private static IEnumerable<string> Valid<T>(string folder, Func<string, T> parse) =>
        FixtureFiles.Documents().Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)).Select(FixtureFiles.Read).Where(json =>
        {
            try
            {
                parse(json);
                return true;
            }
            catch (NhtrcValidationException)
            {
                return false;
            }
        });
}

/// <summary>A token of a document found by a plain walk: its kind, byte range, JSON path (formatted as the readers do) and depth.</summary>
internal sealed record Token(JsonTokenType Type, int Start, int End, string Path, int Depth)
{
    /// <summary>Every string value and every property (Start at its name, End after its value) of <paramref name="utf8"/>.</summary>
    public static List<Token> Of(byte[] utf8)
    {
        var tokens = new List<Token>();
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        Value(ref reader, "$", tokens);
        return tokens;
    }

    private static void Value(ref Utf8JsonReader reader, string at, List<Token> tokens)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                tokens.Add(new Token(JsonTokenType.String, (int)reader.TokenStartIndex, (int)reader.BytesConsumed, at, reader.CurrentDepth));
                break;
            case JsonTokenType.StartArray:
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    Value(ref reader, $"{at}[{i}]", tokens);
                }

                break;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var start = (int)reader.TokenStartIndex;
                    var depth = reader.CurrentDepth;
                    var path = Member(at, name);
                    reader.Read();
                    var index = tokens.Count;
                    Value(ref reader, path, tokens);
                    tokens.Insert(index, new Token(JsonTokenType.PropertyName, start, (int)reader.BytesConsumed, path, depth));
                }

                break;
        }
    }

    /// <summary>The most items of any one array of <paramref name="utf8"/>.</summary>
    public static int LongestList(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var frames = new Stack<int>(); // -1 for an object, else the items of an array so far
        var longest = 0;
        while (reader.Read())
        {
            var type = reader.TokenType;
            if (frames.Count > 0 && frames.Peek() >= 0 && type is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
            {
                frames.Push(frames.Pop() + 1);
            }

            if (type is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                frames.Push(type == JsonTokenType.StartArray ? 0 : -1);
            }
            else if (type is JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                longest = Math.Max(longest, frames.Pop());
            }
        }

        return longest;
    }

    /// <summary>How many levels of objects and arrays <paramref name="utf8"/> nests (its root is level 1).</summary>
    public static int Deepest(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var deepest = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                deepest = Math.Max(deepest, reader.CurrentDepth + 1);
            }
        }

        return deepest;
    }

    private static string Member(string at, string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{at}.{name}" : $"{at}['{name}']";
}
