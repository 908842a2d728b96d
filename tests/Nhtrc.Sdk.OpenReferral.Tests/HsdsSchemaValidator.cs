using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>
/// Validates HSDS 3.0 JSON against the official schemas (the library's embedded copy, linked into the output as
/// Hsds/schema; Hsds/NOTICE.md), with JsonSchema.Net, independently of the library's own checker (HsdsFeedCheck):
/// a page of organizations must be an OpenAPI <c>Page</c> (openapi.json) whose <c>contents</c> are compiled
/// <c>organization</c> records (the entity organization.json with its <c>services</c>, each a service.json: the compiled
/// organization.json of the specification, 3.4 MB, says the same), and every nested service must also satisfy the entity
/// schema schema/service.json through its <c>$ref</c>s to the other entity schemas. Formats are annotations (JSON
/// Schema 2020-12): our organization and service ids are not UUIDs. Built once; thread-safe.
/// </summary>
internal static class HsdsSchemaValidator
{
    private const string Base = "https://hsds.test/schema/";

    private static readonly Lazy<(JsonSchema Page, JsonSchema Service, JsonSchema ServicePage)> Schemas = new(Build);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    /// <summary>Every problem of a page of organizations, as "instance location: message"; empty when valid.</summary>
    public static IReadOnlyList<string> ValidateOrganizationPage(string json)
    {
        using var document = JsonDocument.Parse(json);
        var problems = Problems(Schemas.Value.Page, document.RootElement, "");
        if (document.RootElement.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var organization in contents.EnumerateArray())
            {
                var j = 0;
                if (organization.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array)
                {
                    foreach (var service in services.EnumerateArray())
                    {
                        problems.AddRange(Problems(Schemas.Value.Service, service, $"/contents/{i}/services/{j++}"));
                    }
                }

                i++;
            }
        }

        return problems;
    }

    /// <summary>Every problem of a page of services (openapi.json's Page, each element of contents a service.json), validated whole.</summary>
    public static IReadOnlyList<string> ValidateServicePage(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Problems(Schemas.Value.ServicePage, document.RootElement, "");
    }

    private static List<string> Problems(JsonSchema schema, JsonElement instance, string prefix)
    {
        var results = schema.Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                problems.Add($"{prefix}{detail.InstanceLocation} ({keyword}): {message}");
            }
        }

        return problems.Count > 0 ? problems : [prefix + ": invalid"];
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Hsds", "schema");

    private static (JsonSchema Page, JsonSchema Service, JsonSchema ServicePage) Build()
    {
        // The schemas declare no $schema and carry the data package's own keywords (name, constraints, core): JSON
        // Schema 2020-12, which ignores unknown keywords (JsonSchema.Net's default v1 dialect rejects them).
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };

        // The entity schemas $ref each other by file name; build each once the ones it names are built.
        var pending = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Where(f => f != "openapi.json").Order(StringComparer.Ordinal).ToList();
        var built = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var file in pending.ToList())
            {
                try
                {
                    built[file!] = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, file!)), options, new Uri(Base + file));
                    pending.Remove(file);
                    progress = true;
                }
                catch (RefResolutionException)
                {
                }
            }

            if (!progress)
            {
                throw new InvalidOperationException("The HSDS schemas $ref files that are missing: " + string.Join(", ", pending));
            }
        }

        // The compiled organization (3.4 MB, not copied) is the entity organization with its services.
        var organization = JsonSchema.FromText(
            $$"""{ "allOf": [{ "$ref": "{{Base}}organization.json" }], "properties": { "services": { "type": "array", "items": { "$ref": "{{Base}}service.json" } } } }""",
            options,
            new Uri(Base + "compiled/organization.json"));
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "openapi.json")))!;
        var page = new JsonObject
        {
            ["allOf"] = new JsonArray(openApi["components"]!["schemas"]!["Page"]!.DeepClone()),
            ["required"] = new JsonArray("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"),
            ["properties"] = new JsonObject
            {
                ["contents"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = Base + "compiled/organization.json" } },
            },
        };
        _ = organization;
        var servicePage = new JsonObject
        {
            ["allOf"] = new JsonArray(openApi["components"]!["schemas"]!["Page"]!.DeepClone()),
            ["properties"] = new JsonObject
            {
                ["contents"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = Base + "service.json" } },
            },
        };
        return (
            JsonSchema.FromText(page.ToJsonString(), options, new Uri("https://hsds.test/page.json")),
            built["service.json"],
            JsonSchema.FromText(servicePage.ToJsonString(), options, new Uri("https://hsds.test/service-page.json")));
    }
}
