using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>The one-field mutations the hostile-input suite applies to a valid document (issue 9).</summary>
public enum MutationKind
{
    /// <summary>A value of another JSON type in the node's place.</summary>
    WrongType,

    /// <summary>An extreme value of the node's kind: huge and negative numbers, edge years, huge durations, poles, empty, 2 MB, a lone surrogate.</summary>
    Extreme,

    /// <summary>The property (or array element) removed.</summary>
    Missing,

    /// <summary>The property written twice (raw text), or the array element repeated.</summary>
    Duplicated,

    /// <summary>The node's array (or the nearest one around it) replaced by 100,000 copies of one of its elements.</summary>
    Oversized,

    /// <summary>Raw invalid UTF-8 bytes spliced into a string's bytes.</summary>
    InvalidUtf8,

    /// <summary>A UTF-8 byte order mark before the (otherwise unchanged) document.</summary>
    Bom,
}

/// <summary>One mutated document: where it came from, what was done, and its bytes.</summary>
public sealed record HostileCase(string Kind, string Seed, MutationKind Mutation, string Path, string Description, byte[] Bytes)
{
    /// <summary>What FsCheck prints for a failing case: enough to rebuild it (the bytes are not printed).</summary>
    public override string ToString() => $"{Kind} {Seed}: {Mutation} at {Path} ({Description}), {Bytes.Length} bytes";
}

/// <summary>
/// Mutates one node of a valid JSON document: any property value or array element, anywhere in the tree. Raw text
/// that a JSON writer would not produce (duplicate keys, huge numbers, lone surrogate escapes, invalid UTF-8) is
/// spliced in through a marker that the writer emits as a plain string.
/// </summary>
public static partial class JsonMutator
{
    /// <summary>At most this many copies for <see cref="MutationKind.Oversized"/>.</summary>
    public const int OversizedCopies = 100_000;

    /// <summary>An oversized array is kept under about this many bytes: fewer copies of a large element.</summary>
    public const int OversizedBudgetBytes = 8 << 20;

    private const string Marker = "\u0001hostile-marker\u0001";
    private const string DuplicateKey = "\u0001hostile-duplicate\u0001";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private static readonly string[] NumberExtremes =
        ["1e308", "-1e308", "-0", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "-1", "0", "1e-400", "123456789012345678901234567890"];

    private static readonly string[] LatitudeExtremes = ["90", "-90", "91", "-91", "90.0000000001"];
    private static readonly string[] LongitudeExtremes = ["180", "-180", "181", "-181", "540"];
    private static readonly string[] YearExtremes = ["0000", "-0001", "1000", "9999", "10000", "+10000"];
    private static readonly string[] DurationExtremes = ["P2147483647D", "PT2562047788015216H", "P-1D", "PT0S", "P999999999Y", "PT-1S", "P10675199DT2H48M5.4775808S"];

    private static readonly byte[][] InvalidSequences =
    [
        [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
    ];

    private static readonly string[] WrongTypes = ["0", "-1.5", "\"x\"", "true", "false", "null", "[]", "{}", "[1]", "{\"a\":1}"];

    /// <summary>How many variants <see cref="Mutate"/> chooses from (the variant number is taken modulo the real count).</summary>
    public const int Variants = 64;

    /// <summary>Every node below the root, as JSON paths in document order.</summary>
    public static IReadOnlyList<string> Paths(JsonNode root)
    {
        var paths = new List<string>();
        Walk(root, "$", paths);
        return paths;
    }

    /// <summary>One mutation of the seed: the node chosen by <paramref name="node"/> (modulo their number) and one variant.</summary>
    public static HostileCase Mutate(string kind, string seedName, string seedJson, MutationKind mutation, int node, int variant)
    {
        if (mutation == MutationKind.Bom)
        {
            return new(kind, seedName, mutation, "$", "EF BB BF before the document", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(seedJson)]);
        }

        var root = JsonNode.Parse(seedJson)!;
        var paths = Paths(root);
        if (paths.Count == 0)
        {
            return new(kind, seedName, mutation, "$", "no node: the empty document", []);
        }

        var path = paths[Math.Abs(node % paths.Count)];
        var target = Find(root, path);
        return mutation switch
        {
            MutationKind.WrongType => Replace(kind, seedName, mutation, root, target, path, Pick(WrongTypes.Where(t => Kind(t) != (target.Value?.GetValueKind() ?? JsonValueKind.Null)).ToArray(), variant)),
            MutationKind.Extreme => Replace(kind, seedName, mutation, root, target, path, Pick(Extremes(target), variant)),
            MutationKind.Missing => Remove(kind, seedName, root, target, path),
            MutationKind.Duplicated => Duplicate(kind, seedName, root, target, path),
            MutationKind.Oversized => Oversize(kind, seedName, root, target, path, variant),
            MutationKind.InvalidUtf8 => SpliceInvalid(kind, seedName, root, target, path, variant),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
    }

    private static void Walk(JsonNode? node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    var child = path + "." + key;
                    paths.Add(child);
                    Walk(value, child, paths);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var child = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    paths.Add(child);
                    Walk(a[i], child, paths);
                }

                break;
        }
    }

    /// <summary>The parent and the key or index of a path's node (the property names of these documents hold no '.' or '[').</summary>
    private static Target Find(JsonNode root, string path)
    {
        JsonNode parent = root;
        var steps = Steps(path);
        for (var i = 0; i < steps.Count - 1; i++)
        {
            parent = steps[i] is string key ? parent[key]! : parent[(int)steps[i]]!;
        }

        return new Target(parent, steps[^1]);
    }

    private static List<object> Steps(string path)
    {
        var steps = new List<object>();
        foreach (Match m in StepPattern().Matches(path))
        {
            steps.Add(m.Groups[1].Success ? m.Groups[1].Value : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        return steps;
    }

    [GeneratedRegex(@"\.([^.\[]+)|\[(\d+)\]")]
    private static partial Regex StepPattern();

    private static JsonValueKind Kind(string json) => JsonDocument.Parse(json).RootElement.ValueKind;

    private static string Pick(string[] choices, int variant) => choices[Math.Abs(variant % choices.Length)];

    private static string[] Extremes(Target target)
    {
        var name = target.Key as string ?? "";
        var value = target.Value;
        if (value is JsonObject)
        {
            return ["{}"];
        }

        if (value is JsonArray)
        {
            return ["[]", "[null]"];
        }

        if (name.Contains("lat", StringComparison.OrdinalIgnoreCase))
        {
            return [.. LatitudeExtremes, .. NumberExtremes];
        }

        if (name.Contains("lon", StringComparison.OrdinalIgnoreCase) || name.Contains("lng", StringComparison.OrdinalIgnoreCase))
        {
            return [.. LongitudeExtremes, .. NumberExtremes];
        }

        if (value?.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            var strings = new List<string> { "\"\"", "\"\\ud800\"", "\"x\\udfffy\"", "\"" + new string('a', 2 << 20) + "\"", "\" \"" };
            if (DatePattern().Match(text) is { Success: true } date)
            {
                strings.AddRange(YearExtremes.Select(y => JsonSerializer.Serialize(y + text[date.Length..], Compact)));
            }

            if (text.StartsWith('P'))
            {
                strings.AddRange(DurationExtremes.Select(d => "\"" + d + "\""));
            }

            return [.. strings];
        }

        return NumberExtremes;
    }

    [GeneratedRegex(@"^\d{4}")]
    private static partial Regex DatePattern();

    private static HostileCase Replace(string kind, string seed, MutationKind mutation, JsonNode root, Target target, string path, string raw)
    {
        target.Set(JsonValue.Create(Marker));
        var text = root.ToJsonString(Compact).Replace(Encoded(Marker), raw, StringComparison.Ordinal);
        return new(kind, seed, mutation, path, raw.Length > 60 ? raw[..20] + $"... ({raw.Length} chars)" : raw, Encoding.UTF8.GetBytes(text));
    }

    private static HostileCase Remove(string kind, string seed, JsonNode root, Target target, string path)
    {
        if (target.Parent is JsonObject o)
        {
            o.Remove((string)target.Key);
        }
        else
        {
            ((JsonArray)target.Parent).RemoveAt((int)target.Key);
        }

        return new(kind, seed, MutationKind.Missing, path, "removed", Encoding.UTF8.GetBytes(root.ToJsonString(Compact)));
    }

    private static HostileCase Duplicate(string kind, string seed, JsonNode root, Target target, string path)
    {
        if (target.Parent is JsonObject o)
        {
            // A second property with a marker name and a copy of the value, renamed to the real name in the text.
            var key = (string)target.Key;
            var copy = target.Value?.DeepClone();
            var pairs = o.ToList();
            o.Clear();
            foreach (var (k, v) in pairs)
            {
                o[k] = v;
                if (k == key)
                {
                    o[DuplicateKey] = copy;
                }
            }

            var text = root.ToJsonString(Compact).Replace(Encoded(DuplicateKey), Encoded(key), StringComparison.Ordinal);
            return new(kind, seed, MutationKind.Duplicated, path, "property written twice", Encoding.UTF8.GetBytes(text));
        }

        var array = (JsonArray)target.Parent;
        array.Insert((int)target.Key + 1, target.Value?.DeepClone());
        return new(kind, seed, MutationKind.Duplicated, path, "element repeated", Encoding.UTF8.GetBytes(root.ToJsonString(Compact)));
    }

    private static HostileCase Oversize(string kind, string seed, JsonNode root, Target target, string path, int variant)
    {
        // The node's array, else the nearest array around it, else the node's parent gets an array of strings.
        JsonNode? array = target.Value as JsonArray;
        var arrayPath = path;
        while (array is null && arrayPath != "$")
        {
            arrayPath = arrayPath[..Math.Max(arrayPath.LastIndexOf('.'), arrayPath.LastIndexOf('['))];
            var node = arrayPath == "$" ? root : Find(root, arrayPath).Value;
            array = node as JsonArray;
        }

        string element;
        Target where;
        if (array is JsonArray { Count: > 0 } a)
        {
            element = a[Math.Abs(variant % a.Count)]?.ToJsonString(Compact) ?? "null";
            where = arrayPath == "$" ? default : Find(root, arrayPath);
        }
        else
        {
            element = "\"x\"";
            where = array is null || arrayPath == "$" ? target : Find(root, arrayPath);
            arrayPath = array is null || arrayPath == "$" ? path : arrayPath;
        }

        var copies = Math.Clamp(OversizedBudgetBytes / Math.Max(1, element.Length + 1), 1000, OversizedCopies);
        var raw = new StringBuilder(copies * (element.Length + 1) + 2).Append('[');
        for (var i = 0; i < copies; i++)
        {
            raw.Append(i == 0 ? "" : ",").Append(element);
        }

        var rawText = raw.Append(']').ToString();
        if (where.Parent is null)
        {
            // The root itself is the array.
            return new(kind, seed, MutationKind.Oversized, "$", $"{copies} copies of an element", Encoding.UTF8.GetBytes(rawText));
        }

        where.Set(JsonValue.Create(Marker));
        var text = root.ToJsonString(Compact).Replace(Encoded(Marker), rawText, StringComparison.Ordinal);
        return new(kind, seed, MutationKind.Oversized, arrayPath, $"{copies} copies of an element", Encoding.UTF8.GetBytes(text));
    }

    private static HostileCase SpliceInvalid(string kind, string seed, JsonNode root, Target target, string path, int variant)
    {
        var bad = InvalidSequences[Math.Abs(variant % InvalidSequences.Length)];
        var original = target.Value?.GetValueKind() == JsonValueKind.String ? target.Value.GetValue<string>() : "ab";
        target.Set(JsonValue.Create(Marker));
        var bytes = Encoding.UTF8.GetBytes(root.ToJsonString(Compact));
        var marker = Encoding.UTF8.GetBytes(Encoded(Marker));
        var at = bytes.AsSpan().IndexOf(marker);
        var encoded = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(original, Compact));
        var middle = Math.Max(1, encoded.Length / 2);
        while (middle < encoded.Length - 1 && (encoded[middle] & 0xC0) == 0x80)
        {
            middle++;
        }

        byte[] result = [.. bytes.AsSpan(0, at), .. encoded.AsSpan(0, middle), .. bad, .. encoded.AsSpan(middle), .. bytes.AsSpan(at + marker.Length)];
        return new(kind, seed, MutationKind.InvalidUtf8, path, "bytes " + Convert.ToHexString(bad) + " spliced in", result);
    }

    private static string Encoded(string value) => JsonSerializer.Serialize(value, Compact);

    private readonly record struct Target(JsonNode Parent, object Key)
    {
        public JsonNode? Value => Parent is JsonObject o ? o[(string)Key] : Parent[(int)Key];

        public void Set(JsonNode? value)
        {
            if (Parent is JsonObject o)
            {
                o[(string)Key] = value;
            }
            else
            {
                Parent[(int)Key] = value;
            }
        }
    }
}
