using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>The tables of a package, the links between their rows, and the compiled records written from them.</summary>
internal sealed partial class HsdsCsvPackage
{
    private static readonly string[] NoNumbers = [];
    private static readonly string[] ServiceNumbers = ["minimum_age", "maximum_age"];
    private static readonly string[] OrganizationNumbers = ["year_incorporated"];
    private static readonly string[] LocationNumbers = ["latitude", "longitude"];
    private static readonly string[] PhoneNumbers = ["extension"];
    private static readonly string[] ScheduleNumbers = ["timezone", "count", "interval"];
    private static readonly string[] CostNumbers = ["amount"];

    private delegate void WriteItem(Utf8JsonWriter w, int row, string path);

    private void WriteService(Utf8JsonWriter w, Links l, int row, string path)
    {
        var t = _t.Services;
        var id = t.Get(row, "id");
        w.WriteStartObject();
        WriteRow(w, t, row, ServiceNumbers);
        Single(w, "organization", _t.Organizations, t.Get(row, "organization_id"), path, (w, r, p) => Plain(w, _t.Organizations, r, p, OrganizationNumbers, "organization"));
        Single(w, "program", _t.Programs, t.Get(row, "program_id"), path, (w, r, _) => Plain(w, _t.Programs, r, null, NoNumbers, null));
        Items(w, l, "phones", _t.Phones, "service_id", id, path, WritePhone);
        Items(w, l, "schedules", _t.Schedules, "service_id", id, path, (w, r, p) => Plain(w, _t.Schedules, r, p, ScheduleNumbers, "schedule"));
        Items(w, l, "service_areas", _t.ServiceAreas, "service_id", id, path, (w, r, p) => Plain(w, _t.ServiceAreas, r, p, NoNumbers, "service_area"));
        Items(w, l, "languages", _t.Languages, "service_id", id, path, (w, r, _) => Plain(w, _t.Languages, r, null, NoNumbers, null));
        Items(w, l, "contacts", _t.Contacts, "service_id", id, path, WriteContact);
        Items(w, l, "funding", _t.Funding, "service_id", id, path, (w, r, _) => Plain(w, _t.Funding, r, null, NoNumbers, null));
        Items(w, l, "cost_options", _t.CostOptions, "service_id", id, path, (w, r, _) => Plain(w, _t.CostOptions, r, null, CostNumbers, null));
        Items(w, l, "required_documents", _t.RequiredDocuments, "service_id", id, path, (w, r, _) => Plain(w, _t.RequiredDocuments, r, null, NoNumbers, null));
        Attributes(w, l, "service", id, path);
        Items(w, l, "service_at_locations", _t.ServiceAtLocations, "service_id", id, path, WriteServiceAtLocation);
        w.WriteEndObject();

        void WritePhone(Utf8JsonWriter w, int r, string p)
        {
            w.WriteStartObject();
            WriteRow(w, _t.Phones, r, PhoneNumbers);
            Items(w, l, "languages", _t.Languages, "phone_id", _t.Phones.Get(r, "id"), p, (w, r2, _) => Plain(w, _t.Languages, r2, null, NoNumbers, null));
            Attributes(w, l, "phone", _t.Phones.Get(r, "id"), p);
            w.WriteEndObject();
        }

        void WriteContact(Utf8JsonWriter w, int r, string p)
        {
            w.WriteStartObject();
            WriteRow(w, _t.Contacts, r, NoNumbers);
            Items(w, l, "phones", _t.Phones, "contact_id", _t.Contacts.Get(r, "id"), p, WritePhone);
            Attributes(w, l, "contact", _t.Contacts.Get(r, "id"), p);
            w.WriteEndObject();
        }

        void WriteServiceAtLocation(Utf8JsonWriter w, int r, string p)
        {
            var sal = _t.ServiceAtLocations.Get(r, "id");
            w.WriteStartObject();
            WriteRow(w, _t.ServiceAtLocations, r, NoNumbers);
            Items(w, l, "contacts", _t.Contacts, "service_at_location_id", sal, p, WriteContact);
            Items(w, l, "phones", _t.Phones, "service_at_location_id", sal, p, WritePhone);
            Items(w, l, "schedules", _t.Schedules, "service_at_location_id", sal, p, (w, r2, p2) => Plain(w, _t.Schedules, r2, p2, ScheduleNumbers, "schedule"));
            Attributes(w, l, "service_at_location", sal, p);
            Single(w, "location", _t.Locations, _t.ServiceAtLocations.Get(r, "location_id"), p, WriteLocation);
            w.WriteEndObject();
        }

        void WriteLocation(Utf8JsonWriter w, int r, string p)
        {
            var location = _t.Locations.Get(r, "id");
            w.WriteStartObject();
            WriteRow(w, _t.Locations, r, LocationNumbers);
            Items(w, l, "addresses", _t.Addresses, "location_id", location, p, (w, r2, _) => Plain(w, _t.Addresses, r2, null, NoNumbers, null));
            Items(w, l, "phones", _t.Phones, "location_id", location, p, WritePhone);
            Items(w, l, "schedules", _t.Schedules, "location_id", location, p, (w, r2, p2) => Plain(w, _t.Schedules, r2, p2, ScheduleNumbers, "schedule"));
            Items(w, l, "languages", _t.Languages, "location_id", location, p, (w, r2, _) => Plain(w, _t.Languages, r2, null, NoNumbers, null));
            Items(w, l, "accessibility", _t.Accessibility, "location_id", location, p, (w, r2, _) => Plain(w, _t.Accessibility, r2, null, NoNumbers, null));
            Items(w, l, "contacts", _t.Contacts, "location_id", location, p, WriteContact);
            Attributes(w, l, "location", location, p);
            w.WriteEndObject();
        }

        void Plain(Utf8JsonWriter w, HsdsCsvTable table, int r, string? p, string[] numbers, string? entity)
        {
            w.WriteStartObject();
            WriteRow(w, table, r, numbers);
            if (entity is not null && p is not null)
            {
                Attributes(w, l, entity, table.Get(r, "id"), p);
            }

            w.WriteEndObject();
        }
    }

    private void Items(Utf8JsonWriter w, Links l, string name, HsdsCsvTable table, string column, string? parentId, string parentPath, WriteItem write)
    {
        var rows = l.Of(table, column, parentId);
        if (rows.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < rows.Count; i++)
        {
            var path = $"{parentPath}.{name}[{HsdsReader.Format(i)}]";
            Register(path, table, rows[i]);
            write(w, rows[i], path);
        }

        w.WriteEndArray();
    }

    private void Single(Utf8JsonWriter w, string name, HsdsCsvTable table, string? id, string parentPath, WriteItem write)
    {
        if (id is null || !_t.TryFind(table, id, out var row))
        {
            return;
        }

        var path = $"{parentPath}.{name}";
        Register(path, table, row);
        w.WritePropertyName(name);
        write(w, row, path);
    }

    private void Attributes(Utf8JsonWriter w, Links l, string entity, string? id, string parentPath)
    {
        var rows = l.AttributesOf(entity, id);
        if (rows.Count == 0)
        {
            return;
        }

        var attributes = _t.Attributes;
        w.WriteStartArray("attributes");
        for (var i = 0; i < rows.Count; i++)
        {
            var path = $"{parentPath}.attributes[{HsdsReader.Format(i)}]";
            Register(path, attributes, rows[i]);
            w.WriteStartObject();
            WriteRow(w, attributes, rows[i], NoNumbers);
            if (attributes.Get(rows[i], "taxonomy_term_id") is { } termId && _t.TryFind(_t.TaxonomyTerms, termId, out var term))
            {
                Register(path + ".taxonomy_term", _t.TaxonomyTerms, term);
                w.WriteStartObject("taxonomy_term");
                WriteRow(w, _t.TaxonomyTerms, term, NoNumbers);
                if (_t.TaxonomyTerms.Get(term, "taxonomy_id") is { } taxonomyId && _t.TryFind(_t.Taxonomies, taxonomyId, out var taxonomy))
                {
                    w.WriteStartObject("taxonomy_detail");
                    WriteRow(w, _t.Taxonomies, taxonomy, NoNumbers);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The package's tables (an absent file is an empty table) and their rows by id.</summary>
    private sealed class Tables
    {
        private readonly Dictionary<HsdsCsvTable, Dictionary<string, int>> _byId = [];

        public required HsdsCsvTable Services { get; init; }

        public required HsdsCsvTable Organizations { get; init; }

        public required HsdsCsvTable Programs { get; init; }

        public required HsdsCsvTable Phones { get; init; }

        public required HsdsCsvTable Schedules { get; init; }

        public required HsdsCsvTable ServiceAreas { get; init; }

        public required HsdsCsvTable Languages { get; init; }

        public required HsdsCsvTable Contacts { get; init; }

        public required HsdsCsvTable Funding { get; init; }

        public required HsdsCsvTable CostOptions { get; init; }

        public required HsdsCsvTable RequiredDocuments { get; init; }

        public required HsdsCsvTable Attributes { get; init; }

        public required HsdsCsvTable TaxonomyTerms { get; init; }

        public required HsdsCsvTable Taxonomies { get; init; }

        public required HsdsCsvTable ServiceAtLocations { get; init; }

        public required HsdsCsvTable Locations { get; init; }

        public required HsdsCsvTable Addresses { get; init; }

        public required HsdsCsvTable Accessibility { get; init; }

        public static Tables Read(string folder, string source, int maxRows, CancellationToken cancellationToken)
        {
            HsdsCsvTable T(string[] required, params string[] names)
            {
                foreach (var name in names)
                {
                    var path = Path.Combine(folder, name);
                    if (File.Exists(path))
                    {
                        return HsdsCsvTable.Read(path, source, maxRows, required, cancellationToken);
                    }
                }

                return HsdsCsvTable.Empty(names[0]);
            }

            string[] id = ["id"];
            return new Tables
            {
                Services = T(["id", "name", "status"], "services.csv"),
                Organizations = T(id, "organizations.csv"),
                Programs = T(id, "programs.csv"),
                Phones = T(id, "phones.csv"),
                Schedules = T(id, "schedules.csv"),
                ServiceAreas = T(id, "service_areas.csv"),
                Languages = T(id, "languages.csv"),
                Contacts = T(id, "contacts.csv"),
                Funding = T(id, "funding.csv"),
                CostOptions = T(id, "cost_options.csv"),
                RequiredDocuments = T(id, "required_documents.csv"),
                Attributes = T(id, "attributes.csv"),
                TaxonomyTerms = T(id, "taxonomy_terms.csv"),
                Taxonomies = T(id, "taxonomies.csv"),
                ServiceAtLocations = T(id, "service_at_locations.csv", "service_at_location.csv"),
                Locations = T(id, "locations.csv"),
                Addresses = T(id, "addresses.csv"),
                Accessibility = T(id, "accessibility.csv", "accessibilities.csv"),
            };
        }

        /// <summary>The first row of <paramref name="table"/> with the id.</summary>
        public bool TryFind(HsdsCsvTable table, string id, out int row)
        {
            if (!_byId.TryGetValue(table, out var index))
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var r = 0; r < table.Count; r++)
                {
                    if (table.Get(r, "id") is { } key)
                    {
                        index.TryAdd(key, r);
                    }
                }

                _byId.Add(table, index);
            }

            return index.TryGetValue(id, out row);
        }
    }

    /// <summary>
    /// Which parent each child row joins: the first of its link columns (most specific first) that is filled. A filled
    /// link naming no row of the parent's table is reported (<c>dangling</c>) and the row joins nothing.
    /// </summary>
    private sealed class Links
    {
        private static readonly IReadOnlyList<int> None = [];

        private readonly Dictionary<(HsdsCsvTable Table, string Column), Dictionary<string, List<int>>> _children = [];
        private readonly Dictionary<string, List<int>> _attributes = new(StringComparer.Ordinal);
        private readonly HsdsCsvTable _attributeTable;

        public Links(Tables t, Action<HsdsCsvTable, int, string> dangling)
        {
            var services = ("service_id", t.Services);
            var locations = ("location_id", t.Locations);
            var organizations = ("organization_id", t.Organizations);
            var sal = ("service_at_location_id", t.ServiceAtLocations);
            Index(t, t.Phones, dangling, ("contact_id", t.Contacts), sal, services, locations, organizations);
            Index(t, t.Contacts, dangling, sal, services, locations, organizations);
            Index(t, t.Schedules, dangling, sal, services, locations);
            Index(t, t.Languages, dangling, ("phone_id", t.Phones), services, locations);
            Index(t, t.ServiceAreas, dangling, services);
            Index(t, t.Funding, dangling, services, organizations);
            Index(t, t.CostOptions, dangling, services);
            Index(t, t.RequiredDocuments, dangling, services);
            Index(t, t.ServiceAtLocations, dangling, services);
            Index(t, t.Addresses, dangling, locations);
            Index(t, t.Accessibility, dangling, locations);
            foreach (var (row, column) in new[] { (t.ServiceAtLocations, "location_id"), (t.Services, "organization_id"), (t.Services, "program_id") })
            {
                var parent = column switch { "location_id" => t.Locations, "organization_id" => t.Organizations, _ => t.Programs };
                for (var r = 0; r < row.Count; r++)
                {
                    if (row.Get(r, column) is { } id && !t.TryFind(parent, id, out _))
                    {
                        dangling(row, r, column);
                    }
                }
            }

            _attributeTable = t.Attributes;
            for (var r = 0; r < t.Attributes.Count; r++)
            {
                if (t.Attributes.Get(r, "link_id") is { } link)
                {
                    Add(_attributes, link, r);
                }

                if (t.Attributes.Get(r, "taxonomy_term_id") is { } term && !t.TryFind(t.TaxonomyTerms, term, out _))
                {
                    dangling(t.Attributes, r, "taxonomy_term_id");
                }
            }
        }

        /// <summary>The rows of <paramref name="table"/> that join the parent <paramref name="id"/> through <paramref name="column"/>, in file order.</summary>
        public IReadOnlyList<int> Of(HsdsCsvTable table, string column, string? id) =>
            id is not null && _children.TryGetValue((table, column), out var byParent) && byParent.TryGetValue(id, out var rows) ? rows : None;

        /// <summary>The attribute rows linked to the record; <c>link_entity</c>, when filled, must name its entity.</summary>
        public IReadOnlyList<int> AttributesOf(string entity, string? id)
        {
            if (id is null || !_attributes.TryGetValue(id, out var rows))
            {
                return None;
            }

            var kept = rows.FindAll(r => _attributeTable.Get(r, "link_entity") is not { } e || string.Equals(e, entity, StringComparison.OrdinalIgnoreCase));
            return kept;
        }

        private void Index(Tables t, HsdsCsvTable child, Action<HsdsCsvTable, int, string> dangling, params (string Column, HsdsCsvTable Parent)[] links)
        {
            for (var r = 0; r < child.Count; r++)
            {
                foreach (var (column, parent) in links)
                {
                    if (child.Get(r, column) is not { } id)
                    {
                        continue;
                    }

                    if (t.TryFind(parent, id, out _))
                    {
                        var key = (child, column);
                        if (!_children.TryGetValue(key, out var byParent))
                        {
                            _children[key] = byParent = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                        }

                        Add(byParent, id, r);
                    }
                    else
                    {
                        dangling(child, r, column);
                    }

                    break;
                }
            }
        }

        private static void Add(Dictionary<string, List<int>> map, string key, int row)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(row);
        }
    }
}
