using System;
using System.Text;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// The property names of one kind of object, matched against the reader's property name without making a
/// string. Writers usually give properties in one order, so the search starts after the last one found.
/// </summary>
internal sealed class PropertyNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    private PropertyNames(string[] names)
    {
        _names = names;
        _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
    }

    /// <summary>
    /// The JSON names of the document class <paramref name="document"/>'s <paramref name="members"/> (given with
    /// <c>nameof</c>, in the reader's order: a property's index is its position here), taken from its
    /// source-generated metadata, so the schema is stated once, on the document class. The members must be
    /// exactly the class's properties, extension data aside; otherwise this throws, and with it every read of
    /// the document, so a property the reader does not read cannot go unnoticed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The members and the class's properties differ.</exception>
    public static PropertyNames Of(JsonTypeInfo document, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(document);
        var policy = document.Options.PropertyNamingPolicy;
        var names = Array.ConvertAll(members, m => policy?.ConvertName(m) ?? m);
        var declared = new List<string>();
        foreach (var property in document.Properties)
        {
            if (!property.IsExtensionData)
            {
                declared.Add(property.Name);
            }
        }

        var missing = declared.FindAll(name => Array.IndexOf(names, name) < 0);
        var extra = Array.FindAll(names, name => !declared.Contains(name));
        if (missing.Count > 0 || extra.Length > 0 || declared.Count != names.Length || names.Length > 32)
        {
            throw new InvalidOperationException(
                $"The reader of {document.Type.Name} does not match the class: not read [{string.Join(", ", missing)}], " +
                $"not properties [{string.Join(", ", extra)}], {names.Length} names for {declared.Count} properties (at most 32).");
        }

        return new PropertyNames(names);
    }

    public string this[int index] => _names[index];

    /// <summary>The index of the property the reader is on, or -1; <paramref name="hint"/> is where to look first.</summary>
    public int Find(ref Utf8JsonReader json, int hint)
    {
        if (json.ValueIsEscaped || json.HasValueSequence)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (json.ValueTextEquals(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var name = json.ValueSpan;
        var count = _utf8.Length;
        for (var k = 0; k < count; k++)
        {
            var i = hint + k;
            if (i >= count)
            {
                i -= count;
            }

            var candidate = _utf8[i];
            if (candidate.Length == name.Length && name.SequenceEqual(candidate))
            {
                return i;
            }
        }

        return -1;
    }
}
