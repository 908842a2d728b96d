using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Json.Schema;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// The official HSDS 3.0 schemas embedded in the assembly (Hsds/NOTICE.md), built once with JsonSchema.Net and
/// registered under their official URIs (<see cref="OfficialBase"/>), which is what openapi.json's <c>$ref</c>s name.
/// The multi-megabyte compiled <c>service.json</c> and <c>organization.json</c> are not shipped: each is registered as
/// a small schema of ours that <c>$ref</c>s the entity schemas, which validate the same records. Besides the built
/// schemas it keeps a <see cref="HsdsSchemaShape"/> of each, what the problem messages, the <c>datapackage_type</c>
/// check and the CSV check read. Nothing is ever fetched: a <c>$ref</c> outside the embedded set is an error, never a download.
/// Built on first use; immutable and thread-safe after.
/// </summary>
internal sealed class HsdsSchemas
{
    /// <summary>The official URI of the HSDS 3.0 schema folder.</summary>
    public const string OfficialBase = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    /// <summary>Where the schemas of ours (the Page, the root, the aliases' bodies) are registered.</summary>
    public const string OurBase = "https://nhtrc-sdk.example/hsds/3.0/";

    /// <summary>The page envelope: openapi.json's <c>Page</c>, with <c>contents</c> an array (its records are checked one by one).</summary>
    public const string PageUri = OurBase + "page.json";

    /// <summary>The answer of <c>GET /</c>: the object openapi.json describes (<c>version</c>, <c>profile</c>, <c>openapi_url</c>).</summary>
    public const string RootUri = OurBase + "root.json";

    /// <summary>A full service_at_location: service_at_location.json with its nested <c>service</c> checked as a service.</summary>
    public const string ServiceAtLocationFullUri = OurBase + "service_at_location_full.json";

    private const string ResourcePrefix = "Nhtrc.Sdk.OpenReferral.Hsds.schema.";

    private static readonly Lazy<HsdsSchemas> Instance = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, JsonSchema> _schemas;
    private readonly Dictionary<string, HsdsSchemaShape> _shapes;

    private HsdsSchemas(Dictionary<string, JsonSchema> schemas, Dictionary<string, HsdsSchemaShape> shapes, IReadOnlyList<HsdsEndpointSchema> endpoints, Dictionary<string, HsdsSchemaShape> tables)
    {
        _schemas = schemas;
        _shapes = shapes;
        Endpoints = endpoints;
        Tables = tables;
    }

    /// <summary>The schemas, built on first use.</summary>
    public static HsdsSchemas Default => Instance.Value;

    /// <summary>The list endpoints of the HSDS 3.0 OpenAPI, in the order a check calls them, with the schemas openapi.json names.</summary>
    public IReadOnlyList<HsdsEndpointSchema> Endpoints { get; }

    /// <summary>The entity schema of each CSV file of a data package, by file name (the schemas' <c>path</c>), ignoring case.</summary>
    public IReadOnlyDictionary<string, HsdsSchemaShape> Tables { get; }

    /// <summary>The built schema registered at <paramref name="uri"/>.</summary>
    public JsonSchema Schema(string uri) => _schemas[uri];

    /// <summary>The shape of the schema registered at <paramref name="uri"/>.</summary>
    public HsdsSchemaShape Shape(string uri) => _shapes[uri];

    /// <summary>The full-record schema of a kind: what a file's records and a <c>GET /{id}</c> answer are checked against.</summary>
    public HsdsEndpointSchema For(HsdsRecordKind kind) => Endpoints.First(e => e.Kind == kind);

    private static HsdsSchemas Build()
    {
        var texts = ReadEmbedded();
        var openApi = JsonNode.Parse(texts[OfficialBase + "openapi.json"])!;
        texts.Remove(OfficialBase + "openapi.json");
        AddOurs(texts, openApi);

        // The schemas declare no $schema and carry the data package's own keywords (name, constraints, core,
        // datapackage_type): JSON Schema 2020-12, which ignores unknown keywords. No fetching: every $ref is embedded.
        var registry = new SchemaRegistry { Fetch = (_, _) => null };
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };

        // A schema's $refs must be built before it: build in rounds until every one is.
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var pending = texts.Keys.Order(StringComparer.Ordinal).ToList();
        while (pending.Count > 0)
        {
            var built = 0;
            foreach (var uri in pending.ToList())
            {
                try
                {
                    schemas[uri] = JsonSchema.FromText(texts[uri], options, new Uri(uri));
                    pending.Remove(uri);
                    built++;
                }
                catch (RefResolutionException)
                {
                }
            }

            if (built == 0)
            {
                throw new InvalidOperationException("The embedded HSDS schemas $ref schemas that are not embedded: " + string.Join(", ", pending));
            }
        }

        var documents = texts.ToDictionary(p => p.Key, p => JsonDocument.Parse(p.Value).RootElement.Clone(), StringComparer.Ordinal);
        var builder = new HsdsSchemaShape.Builder(documents);
        var shapes = texts.Keys.ToDictionary(uri => uri, builder.Of, StringComparer.Ordinal);
        var tables = new Dictionary<string, HsdsSchemaShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var (uri, document) in documents)
        {
            if (uri.StartsWith(OfficialBase, StringComparison.Ordinal) && !uri.Contains("/compiled/", StringComparison.Ordinal) &&
                document.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String)
            {
                tables[path.GetString()!] = shapes[uri];
            }
        }

        // The import reads service_at_locations.csv as well as the specification's service_at_location.csv.
        tables.TryAdd("service_at_locations.csv", tables["service_at_location.csv"]);
        return new HsdsSchemas(schemas, shapes, EndpointsOf(openApi), tables);
    }

    /// <summary>The embedded schema texts by official URI.</summary>
    private static Dictionary<string, string> ReadEmbedded()
    {
        var assembly = typeof(HsdsSchemas).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var file = name[ResourcePrefix.Length..];
            var relative = file.StartsWith("compiled.", StringComparison.Ordinal) ? "compiled/" + file["compiled.".Length..] : file;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts[OfficialBase + relative] = reader.ReadToEnd();
        }

        return texts;
    }

    /// <summary>
    /// The schemas of ours: the aliases registered at the compiled URIs openapi.json names but the embedded copy lacks,
    /// the Page envelope and the root object taken from openapi.json, and the full service_at_location.
    /// </summary>
    private static void AddOurs(Dictionary<string, string> texts, JsonNode openApi)
    {
        static string Ref(string relative) => $$"""{ "$ref": "{{OfficialBase}}{{relative}}" }""";

        // The compiled service is the entity service.json with its $refs inlined.
        texts[OfficialBase + "compiled/service.json"] = Ref("service.json");

        // The compiled organization is the entity organization.json plus its services.
        texts[OfficialBase + "compiled/organization.json"] = $$"""
            { "allOf": [{{Ref("organization.json")}}],
              "properties": { "services": { "type": "array", "items": {{Ref("service.json")}} } } }
            """;

        // openapi.json names compiled/service_at_location_list.json for the list, which 3.0 does not ship: the entity schema's
        // one-to-one fields are what a list entry has.
        texts[OfficialBase + "compiled/service_at_location_list.json"] = Ref("service_at_location.json");
        texts[ServiceAtLocationFullUri] = $$"""
            { "allOf": [{{Ref("service_at_location.json")}}], "properties": { "service": {{Ref("service.json")}} } }
            """;

        var page = openApi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        page["properties"]!.AsObject()["contents"] = new JsonObject { ["type"] = "array" };
        texts[PageUri] = page.ToJsonString();
        var root = openApi["paths"]!["/"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.DeepClone().AsObject();
        texts[RootUri] = root.ToJsonString();
    }

    /// <summary>The list endpoints and the schemas openapi.json names for their contents and for <c>/{id}</c>.</summary>
    private static List<HsdsEndpointSchema> EndpointsOf(JsonNode openApi)
    {
        var paths = openApi["paths"]!;
        string ListItems(string path) => (string)paths[path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["contents"]!["items"]!["$ref"]!;
        string Item(string path) => (string)paths[path + "/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
        return
        [
            new(HsdsRecordKind.Service, "service", "/services", true, ListItems("/services"), Item("/services")),
            new(HsdsRecordKind.Organization, "organization", "/organizations", false, ListItems("/organizations"), Item("/organizations")),

            // openapi.json names the compiled service for /service_at_locations/{id}, which describes a service, not the
            // "fully nested service_at_location" the endpoint answers: the full service_at_location is checked instead.
            new(HsdsRecordKind.ServiceAtLocation, "service_at_location", "/service_at_locations", false, ListItems("/service_at_locations"), ServiceAtLocationFullUri),
            new(HsdsRecordKind.Taxonomy, "taxonomy", "/taxonomies", false, ListItems("/taxonomies"), Item("/taxonomies")),
            new(HsdsRecordKind.TaxonomyTerm, "taxonomy_term", "/taxonomy_terms", false, ListItems("/taxonomy_terms"), Item("/taxonomy_terms")),
        ];
    }
}

/// <summary>
/// One list endpoint of the HSDS 3.0 OpenAPI: its record kind and entity name, its path, whether an API must offer
/// it, the schema of each element of its pages' <c>contents</c> and the schema of a full record (<c>{Path}/{id}</c>).
/// </summary>
internal sealed record HsdsEndpointSchema(HsdsRecordKind Kind, string Entity, string Path, bool Required, string ListItemUri, string ItemUri);
