using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>Checks shared by every result's JSON: it parses, holds no empty object, and its instants and enums are in their wire forms.</summary>
internal static class ResultJsonAssert
{
    /// <summary>Parses <paramref name="json"/> as one JSON object (strictly: no comments, no trailing commas) and checks that no object in it is empty.</summary>
    public static JsonObject Parse(string json)
    {
        var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        var root = Assert.IsType<JsonObject>(node);
        foreach (var (path, value) in Walk(root, "$"))
        {
            // An instant or duration serialized by reflection comes out as {}: no result member is ever an empty object.
            Assert.False(value is JsonObject { Count: 0 }, $"{path} is an empty object in {json}");
        }

        return root;
    }

    /// <summary>The member is the ISO 8601 text InstantPattern.ExtendedIso writes for <paramref name="expected"/>, or null when it is null.</summary>
    public static void Instant(JsonNode? member, Instant? expected, string name)
    {
        if (expected is null)
        {
            Assert.True(member is null, $"{name} should be null, is {member?.ToJsonString()}");
            return;
        }

        Assert.True(member is JsonValue value && value.GetValueKind() == JsonValueKind.String, $"{name} should be a string, is {member?.ToJsonString()}");
        Assert.Equal(InstantPattern.ExtendedIso.Format(expected.Value), member!.GetValue<string>());
    }

    /// <summary>The member is the wire name of <paramref name="expected"/>, and so one of the enum's wire names.</summary>
    public static void Enum<T>(JsonNode? member, T expected, string name)
        where T : struct, System.Enum
    {
        Assert.True(member is JsonValue value && value.GetValueKind() == JsonValueKind.String, $"{name} should be a string, is {member?.ToJsonString()}");
        var text = member!.GetValue<string>();
        Assert.Contains(text, Nhtrc.Sdk.Text.WireNames.All<T>());
        Assert.Equal(Nhtrc.Sdk.Text.WireNames.Of(expected), text);
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text with no more escapes than JSON needs, so that a value cannot hide behind a <c>\u</c> escape.</summary>
    public static string Unescaped(string json) => JsonNode.Parse(json)!.ToJsonString(Relaxed);

    /// <summary>The names of an object's members, in order.</summary>
    public static string[] Names(JsonNode? node) => [.. Assert.IsType<JsonObject>(node).Select(p => p.Key)];

    private static IEnumerable<(string Path, JsonNode? Value)> Walk(JsonNode? node, string path)
    {
        yield return (path, node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    foreach (var inner in Walk(value, path + "." + key))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var inner in Walk(a[i], $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
