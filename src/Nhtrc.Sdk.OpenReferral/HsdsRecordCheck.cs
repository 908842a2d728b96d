using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using NodaTime.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Checks one record (or one page envelope) against one of the HSDS schemas (<see cref="HsdsSchemas"/>): JsonSchema.Net
/// decides what is invalid; each error is worded from the schema (<see cref="HsdsSchemaShape"/>), at the record's path in
/// the import's style, one problem per missing property; and the data package's <c>datapackage_type</c> dates and times,
/// which JSON Schema does not know, are checked on top. Problems of one record come sorted by path, so they do not
/// depend on the library's order. A record with a field only HSDS 1.x/2.x had is reported "not HSDS 3.0" and not
/// checked further. Stateless and thread-safe.
/// </summary>
internal static class HsdsRecordCheck
{
    private static readonly string[] LegacyFields =
    [
        "regular_schedule", "regular_schedules", "holiday_schedule", "holiday_schedules", "physical_address",
        "physical_addresses", "postal_address", "postal_addresses", "services_at_location", "service_area",
    ];

    /// <summary>Keywords that only say a subschema failed; the failing keyword below them is reported instead.</summary>
    private static readonly string[] Containers = ["$ref", "allOf", "anyOf", "oneOf", "not", "properties", "items", "prefixItems", "additionalProperties", "if", "then", "else", "$dynamicRef", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contains", "patternProperties", "propertyNames"];

    private static readonly string[] OrganizationOnly =
    [
        "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "parent_organization_id", "services",
        "locations", "programs", "organization_identifiers",
    ];

    private static readonly string[] ServiceOnly =
    [
        "status", "organization_id", "program_id", "interpretation_services", "application_process", "fees_description",
        "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
        "assurer_email", "licenses", "alert", "last_modified", "schedules", "service_areas", "service_at_locations",
        "languages", "organization", "program", "cost_options", "required_documents",
    ];

    private static readonly EvaluationOptions Annotations = new() { OutputFormat = OutputFormat.List };

    private static readonly EvaluationOptions Asserted = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly ConcurrentDictionary<string, JsonSchema> Formats = new(StringComparer.Ordinal);

    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    private static readonly LocalTimePattern[] Times = [LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"), LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss.FFFFFFFFF"), LocalTimePattern.CreateWithInvariantCulture("HH:mm")];

    /// <summary>
    /// The kind of a record of a file, from its fields: a <c>service</c> object makes a service_at_location, a field only
    /// services have a service, a field only organizations have (or a description without a status) an organization;
    /// with none of those, <paramref name="previous"/> (the kind of the document's earlier records), else a service.
    /// </summary>
    public static HsdsRecordKind Detect(JsonElement record, HsdsRecordKind? previous)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return previous ?? HsdsRecordKind.Service;
        }

        if (record.TryGetProperty("service", out var service) && service.ValueKind == JsonValueKind.Object)
        {
            return HsdsRecordKind.ServiceAtLocation;
        }

        if (ServiceOnly.Any(f => record.TryGetProperty(f, out _)))
        {
            return HsdsRecordKind.Service;
        }

        if (OrganizationOnly.Any(f => record.TryGetProperty(f, out _)))
        {
            return HsdsRecordKind.Organization;
        }

        return previous ?? (record.TryGetProperty("description", out _) ? HsdsRecordKind.Organization : HsdsRecordKind.Service);
    }

    /// <summary>Checks <paramref name="record"/> at <paramref name="path"/> against the schema at <paramref name="schemaUri"/>.</summary>
    /// <returns>True when the record has no problem.</returns>
    public static bool Check(JsonElement record, string path, string schemaUri, string location, bool requireFormats, HsdsFeedProblems problems)
    {
        var found = new List<HsdsFeedProblem>();
        if (record.ValueKind == JsonValueKind.Object)
        {
            foreach (var legacy in LegacyFields)
            {
                if (record.TryGetProperty(legacy, out _))
                {
                    found.Add(new(location, path + "." + legacy, "hsds-version", "is not HSDS 3.0: the field is from HSDS 1.x/2.x."));
                }
            }
        }

        if (found.Count == 0)
        {
            var schemas = HsdsSchemas.Default;
            var shape = schemas.Shape(schemaUri);
            var results = schemas.Schema(schemaUri).Evaluate(record, requireFormats ? Asserted : Annotations);
            if (!results.IsValid)
            {
                foreach (var detail in ((IEnumerable<EvaluationResults>?)results.Details ?? []).Prepend(results))
                {
                    foreach (var (keyword, _) in (IEnumerable<KeyValuePair<string, string>>?)detail.Errors ?? [])
                    {
                        if (Array.IndexOf(Containers, keyword) < 0)
                        {
                            Describe(record, shape, detail.InstanceLocation.ToString(), keyword, path, location, found);
                        }
                    }
                }

                if (found.Count == 0)
                {
                    found.Add(new(location, path, "schema", $"does not match the {shape.Entity ?? "HSDS"} schema."));
                }
            }

            DataTypes(record, shape, path, location, found);
        }

        var sorted = found.Distinct().OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Keyword, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal);
        foreach (var problem in sorted)
        {
            problems.Add(problem);
        }

        return found.Count == 0;
    }

    /// <summary>Words one error of the library, found at the JSON Pointer <paramref name="pointer"/> of the record.</summary>
    private static void Describe(JsonElement record, HsdsSchemaShape root, string pointer, string keyword, string path, string location, List<HsdsFeedProblem> found)
    {
        var instance = record;
        var shape = root;
        var at = path;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (instance.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < instance.GetArrayLength())
            {
                instance = instance[index];
                shape = shape.Items ?? HsdsSchemaShape.Any;
                at += $"[{segment}]";
            }
            else if (instance.ValueKind == JsonValueKind.Object && instance.TryGetProperty(segment, out var value))
            {
                instance = value;
                shape = shape.Property(segment);
                at += "." + segment;
            }
            else
            {
                at += "." + segment;
                break;
            }
        }

        var schema = shape.Entity is { } entity ? $"the {entity} schema" : "the schema";
        switch (keyword)
        {
            case "required" when instance.ValueKind == JsonValueKind.Object:
                foreach (var name in shape.Required)
                {
                    if (!instance.TryGetProperty(name, out _))
                    {
                        found.Add(new(location, $"{at}.{name}", "required", $"is required by {schema} but missing."));
                    }
                }

                break;
            case "type":
                found.Add(new(location, at, "type", $"must be {Either(shape.Types)}, not {Article(Kind(instance))}."));
                break;
            case "enum":
                found.Add(new(location, at, "enum", $"must be one of {string.Join(", ", shape.Enum)}."));
                break;
            case "format":
                found.Add(new(location, at, "format", $"is not a valid {shape.Format ?? "value"} (JSON Schema format)."));
                break;
            default:
                found.Add(new(location, at, keyword, $"fails the {keyword} rule of {schema}."));
                break;
        }
    }

    /// <summary>Checks the <c>datapackage_type</c> dates and times of every value of the record the schema types so.</summary>
    private static void DataTypes(JsonElement instance, HsdsSchemaShape shape, string at, string location, List<HsdsFeedProblem> found)
    {
        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in instance.EnumerateObject())
                {
                    if (shape.HasProperty(property.Name))
                    {
                        DataTypes(property.Value, shape.Property(property.Name), at + "." + property.Name, location, found);
                    }
                }

                break;
            case JsonValueKind.Array when shape.Items is { } items:
                var i = 0;
                foreach (var item in instance.EnumerateArray())
                {
                    DataTypes(item, items, at + "[" + (i++).ToString(CultureInfo.InvariantCulture) + "]", location, found);
                }

                break;
            case JsonValueKind.String when shape.DataType is { } type && DataTypeProblem(type, instance.GetString()!) is { } message:
                found.Add(new(location, at, "datapackage_type", message));
                break;
        }
    }

    /// <summary>Why <paramref name="text"/> is not a value of the data package type <paramref name="type"/>; null when it is.</summary>
    internal static string? DataTypeProblem(string type, string text) => type switch
    {
        "date" when !Date.Parse(text).Success => "is not a date (datapackage_type date: yyyy-MM-dd, such as 2026-07-02).",
        "time" when !Times.Any(t => t.Parse(text).Success) => "is not a time (datapackage_type time: HH:mm:ss, such as 09:30:00).",
        "datetime" when !OffsetDateTimePattern.Rfc3339.Parse(text).Success => "is not a date and time (datapackage_type datetime: RFC 3339, such as 2026-07-02T09:30:00Z).",
        _ => null,
    };

    /// <summary>Whether <paramref name="value"/> is a valid <paramref name="format"/> as JsonSchema.Net asserts formats (the CSV cells).</summary>
    internal static bool FormatHolds(string format, string value)
    {
        var schema = Formats.GetOrAdd(format, static f => JsonSchema.FromText(
            new JsonObject { ["format"] = f }.ToJsonString(),
            new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry { Fetch = (_, _) => null } },
            new Uri(HsdsSchemas.OurBase + "format/" + Uri.EscapeDataString(f) + ".json")));
        var text = new ArrayBufferWriter<byte>(value.Length + 8);
        using (var writer = new Utf8JsonWriter(text))
        {
            writer.WriteStringValue(value);
        }

        using var document = JsonDocument.Parse(text.WrittenMemory);
        return schema.Evaluate(document.RootElement, Asserted).IsValid;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => e.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        _ => "null",
    };

    private static string Either(IEnumerable<string> types)
    {
        var list = types.Select(t => Article(t == "boolean" ? "Boolean" : t)).ToList();
        return list.Count == 0 ? "another type" : string.Join(" or ", list);
    }

    private static string Article(string kind) => kind switch
    {
        "null" => "null",
        "object" or "array" or "integer" => "an " + kind,
        _ => "a " + kind,
    };
}
