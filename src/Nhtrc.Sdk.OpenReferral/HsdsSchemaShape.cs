using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// What a (sub)schema of the HSDS schemas says about the value at one place of a record, with its <c>$ref</c>s and
/// <c>allOf</c>s merged: the types, enum, format, <c>datapackage_type</c>, the required properties and the shapes of the
/// properties and items. It reads only the keywords the HSDS schemas use; the JSON Schema library decides validity,
/// this only words the problems and checks what the library does not know (<c>datapackage_type</c>, CSV cells).
/// Immutable after <see cref="Builder"/> built it.
/// </summary>
internal sealed class HsdsSchemaShape
{
    private readonly Dictionary<string, HsdsSchemaShape> _properties = new(StringComparer.Ordinal);

    /// <summary>A shape that says nothing: what an unknown property has.</summary>
    public static HsdsSchemaShape Any { get; } = new();

    /// <summary>The entity's name (<c>service</c>, <c>phone</c>) when this is an entity schema, else null.</summary>
    public string? Entity { get; private set; }

    /// <summary>The JSON types allowed (<c>string</c>, <c>number</c>, ...); empty when any is.</summary>
    public ImmutableArray<string> Types { get; private set; } = [];

    /// <summary>The enum's values as JSON text, or empty.</summary>
    public ImmutableArray<string> Enum { get; private set; } = [];

    /// <summary>The enum's string values, or empty.</summary>
    public ImmutableArray<string> EnumStrings { get; private set; } = [];

    /// <summary>The <c>format</c>, or null.</summary>
    public string? Format { get; private set; }

    /// <summary>The data package's <c>datapackage_type</c> (<c>date</c>, <c>time</c>, <c>datetime</c>), or null.</summary>
    public string? DataType { get; private set; }

    /// <summary>The required properties, in schema order.</summary>
    public ImmutableArray<string> Required { get; private set; } = [];

    /// <summary>The properties the schema describes, in schema order.</summary>
    public ImmutableArray<string> PropertyNames { get; private set; } = [];

    /// <summary>The shape of each element when this is an array schema with <c>items</c>, else null.</summary>
    public HsdsSchemaShape? Items { get; private set; }

    /// <summary>The shape of the property <paramref name="name"/>; <see cref="Any"/> when the schema does not describe it.</summary>
    public HsdsSchemaShape Property(string name) => _properties.TryGetValue(name, out var shape) ? shape : Any;

    /// <summary>Whether the schema describes the property <paramref name="name"/>.</summary>
    public bool HasProperty(string name) => _properties.ContainsKey(name);

    /// <summary>Builds the shapes of the documents of one registry, sharing the shape of each <c>$ref</c> target.</summary>
    internal sealed class Builder(IReadOnlyDictionary<string, JsonElement> documents)
    {
        private readonly Dictionary<string, HsdsSchemaShape> _built = new(StringComparer.Ordinal);

        /// <summary>The shape of the document at <paramref name="uri"/>.</summary>
        public HsdsSchemaShape Of(string uri) => Build([new Node(documents[uri], new Uri(uri), uri)]);

        private HsdsSchemaShape Build(List<Node> nodes)
        {
            var all = new List<Node>();
            foreach (var node in nodes)
            {
                Expand(node, all, 0);
            }

            var key = string.Join('|', all.Select(n => n.Id));
            if (_built.TryGetValue(key, out var done))
            {
                return done;
            }

            // Registered before its children are built, so a schema that reaches itself again shares this shape.
            var shape = new HsdsSchemaShape();
            _built[key] = shape;
            var required = new List<string>();
            var properties = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
            var order = new List<string>();
            var items = new List<Node>();
            foreach (var node in all)
            {
                var e = node.Element;
                if (shape.Types.IsEmpty && e.TryGetProperty("type", out var type))
                {
                    shape.Types = type.ValueKind == JsonValueKind.String
                        ? [type.GetString()!]
                        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)] : [];
                }

                if (shape.Enum.IsEmpty && e.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
                {
                    shape.Enum = [.. values.EnumerateArray().Select(v => v.GetRawText())];
                    shape.EnumStrings = [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
                }

                shape.Format ??= e.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String ? format.GetString() : null;
                shape.DataType ??= e.TryGetProperty("datapackage_type", out var dataType) && dataType.ValueKind == JsonValueKind.String ? dataType.GetString() : null;
                if (e.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
                {
                    required.AddRange(names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!));
                }

                if (e.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
                {
                    shape.Entity ??= e.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
                    foreach (var p in props.EnumerateObject())
                    {
                        if (!properties.TryGetValue(p.Name, out var list))
                        {
                            properties[p.Name] = list = [];
                            order.Add(p.Name);
                        }

                        list.Add(new Node(p.Value, node.Base, $"{node.Id}/properties/{p.Name}"));
                    }
                }

                if (e.TryGetProperty("items", out var item) && item.ValueKind == JsonValueKind.Object)
                {
                    items.Add(new Node(item, node.Base, node.Id + "/items"));
                }
            }

            shape.Required = [.. required.Distinct(StringComparer.Ordinal)];
            shape.PropertyNames = [.. order];
            foreach (var name in order)
            {
                shape._properties[name] = Build(properties[name]);
            }

            shape.Items = items.Count > 0 ? Build(items) : null;
            return shape;
        }

        /// <summary>Adds <paramref name="node"/> and what its <c>$ref</c> and <c>allOf</c> bring, depth first.</summary>
        private void Expand(Node node, List<Node> into, int depth)
        {
            if (node.Element.ValueKind != JsonValueKind.Object || depth > 32)
            {
                return;
            }

            into.Add(node);
            if (node.Element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                var target = new Uri(node.Base, reference.GetString()!);
                var document = target.GetLeftPart(UriPartial.Query);
                if (documents.TryGetValue(document, out var root))
                {
                    var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
                    if (Pointer(root, fragment) is { } element)
                    {
                        Expand(new Node(element, new Uri(document), document + "#" + fragment), into, depth + 1);
                    }
                }
            }

            if (node.Element.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var part in allOf.EnumerateArray())
                {
                    Expand(new Node(part, node.Base, $"{node.Id}/allOf/{i++}"), into, depth + 1);
                }
            }
        }

        private static JsonElement? Pointer(JsonElement root, string pointer)
        {
            var current = root;
            foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
                {
                    return null;
                }
            }

            return current;
        }

        private readonly record struct Node(JsonElement Element, Uri Base, string Id);
    }
}
