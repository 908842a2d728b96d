using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>What a mutation does to a valid document.</summary>
internal enum MutationKind
{
    /// <summary>An object gets a property no format has.</summary>
    UnknownProperty,

    /// <summary>A value is replaced by one of another JSON type (a string by a number, an object by an array, ...).</summary>
    WrongType,

    /// <summary>A member of an object is removed (required or not: the reader says which).</summary>
    MissingMember,
}

/// <summary>
/// One single-step change of a document at <see cref="Path"/> (<c>$.caller.location.zip</c>); <see cref="Shape"/> is the
/// path with indices as <c>[*]</c>. The changed copy is made by <see cref="Apply"/>, so that listing mutations is cheap.
/// </summary>
internal sealed partial record Mutation(MutationKind Kind, string Path, JsonNode Original)
{
    public string Shape => Indices().Replace(Path, "[*]");

    public JsonNode Apply()
    {
        var copy = Original.DeepClone();
        switch (Kind)
        {
            case MutationKind.UnknownProperty:
                Find(copy, Path).AsObject()[JsonMutations.UnknownPropertyName] = 1;
                break;
            case MutationKind.MissingMember:
                var (owner, member, _) = Locate(copy, Path);
                owner.AsObject().Remove(member!);
                break;
            default:
                // Located through its parent: a JSON null (a result's "none") is no node of its own.
                var (parent, name, index) = Locate(copy, Path);
                var value = WrongType(name is not null ? parent[name] : parent[index]);
                if (name is not null)
                {
                    parent.AsObject()[name] = value;
                }
                else
                {
                    parent.AsArray()[index] = value;
                }

                break;
        }

        return copy;
    }

    public override string ToString() => $"{Kind} at {Path}";

    // A value that no position of any of our formats accepts in place of this one (where a result has null, the
    // alternative is a string, number or boolean, never an object).
    private static JsonNode WrongType(JsonNode? node) => node switch
    {
        null => new JsonObject(),
        JsonObject => new JsonArray(),
        JsonArray => new JsonObject(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(42),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create("true"),
            _ => JsonValue.Create("42"),
        },
    };

    // The node at a path the walker wrote ($, .name, [index]; no name in our formats has '.' or '[').
    private static JsonNode Find(JsonNode root, string path)
    {
        var node = root;
        foreach (Match step in Steps().Matches(path))
        {
            node = step.Groups["name"].Success
                ? node[step.Groups["name"].Value]!
                : node[int.Parse(step.Groups["index"].Value, CultureInfo.InvariantCulture)]!;
        }

        return node;
    }

    // The parent of the value at a path (not $), and the value's name in it or, in an array, its index.
    private static (JsonNode Parent, string? Name, int Index) Locate(JsonNode root, string path)
    {
        var last = Steps().Matches(path)[^1];
        var parent = Find(root, path[..last.Index]);
        return last.Groups["name"].Success
            ? (parent, last.Groups["name"].Value, -1)
            : (parent, null, int.Parse(last.Groups["index"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex Indices();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>[0-9]+)\]")]
    private static partial Regex Steps();
}

/// <summary>
/// Every single-step mutation of a JSON document: an unknown property added to each object, each value (the root
/// aside, a null included) replaced by a value of another JSON type, each member of each object removed. Knows nothing of any schema,
/// so it mutates every format alike.
/// </summary>
internal static class JsonMutations
{
    public const string UnknownPropertyName = "notAPropertyOfAnyFormat";

    public static List<Mutation> Of(JsonNode document)
    {
        var found = new List<Mutation>();
        Walk(document, document, "$", found);
        return found;
    }

    private static void Walk(JsonNode root, JsonNode? node, string path, List<Mutation> found)
    {
        if (path != "$")
        {
            found.Add(new Mutation(MutationKind.WrongType, path, root));
        }

        switch (node)
        {
            case JsonObject o:
                found.Add(new Mutation(MutationKind.UnknownProperty, path, root));
                foreach (var (name, value) in o)
                {
                    var member = $"{path}.{name}";
                    found.Add(new Mutation(MutationKind.MissingMember, member, root));
                    Walk(root, value, member, found);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(root, a[i], $"{path}[{i}]", found);
                }

                break;
        }
    }
}
