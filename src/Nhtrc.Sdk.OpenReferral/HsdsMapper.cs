using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Maps checked HSDS 3.0 records to organizations and services, collecting the issues. One import. Mapping a record
/// (<see cref="MapOrganization"/>, <see cref="MapService"/>) reads only the record and the immutable settings, so
/// records may be mapped on several threads at once; merging them (<see cref="Merge"/>) and <see cref="Build"/> are
/// not thread-safe and take the records in document order, which decides repeats, organization names and the order of
/// the report.
/// </summary>
internal sealed class HsdsMapper(string source, HsdsImportOptions options)
{
    /// <summary>The report's count of taxonomy terms that mapped to nothing (each also a warning).</summary>
    public const string UnmappedTermsCount = "unmapped-terms";

    /// <summary>How every unmapped-term warning's message ends (HsdsTaxonomy): the unmapped-terms count is counted from it.</summary>
    public const string UnmappedTermMessageEnd = "the term maps to nothing.";

    /// <summary>The report of an import: the directory's counts, the unmapped terms counted from the issues, the issues.</summary>
    public static DirectoryImportReport Report(string source, ReferralDirectory directory, IReadOnlyCollection<DirectoryImportIssue> issues) =>
        new(source, DirectoryImportReport.ForDirectory(source, directory, []).Counts.SetItem(UnmappedTermsCount, issues.Count(IsUnmappedTerm)), issues);

    /// <summary>Whether the issue is an unmapped-term warning.</summary>
    public static bool IsUnmappedTerm(DirectoryImportIssue issue) =>
        issue.Severity == DirectoryImportSeverity.Warning && issue.Message.EndsWith(UnmappedTermMessageEnd, StringComparison.Ordinal);

    private readonly Gazetteer _gazetteer = options.Gazetteer ?? Gazetteer.Default;
    private readonly HsdsTaxonomyMap _taxonomyMap = options.TaxonomyMap ?? HsdsTaxonomyMap.Default;
    private readonly HsdsConfidentialityRule _confidentiality = options.Confidentiality ?? HsdsConfidentialityRule.Default;
    private readonly List<DirectoryImportIssue> _issues = [];
    private readonly Dictionary<string, (string Name, List<Service> Services)> _organizations = new(StringComparer.Ordinal);
    private readonly List<string> _organizationOrder = [];
    private readonly HashSet<string> _serviceIds = new(StringComparer.Ordinal);

    /// <summary>Maps an organization record and its nested services. Thread-safe.</summary>
    public HsdsMappedRecord MapOrganization(JsonElement organization, string path)
    {
        var id = GetString(organization, "id")!;
        var mapped = new HsdsMappedRecord(id, GetString(organization, "name")!);
        foreach (var (service, servicePath) in Items(organization, "services", path))
        {
            mapped.Services.Add(MapOne(service, servicePath, id, null, ""));
        }

        return mapped;
    }

    /// <summary>Maps a service record (with the location of a <c>service_at_location</c> document, when given). Thread-safe.</summary>
    public HsdsMappedRecord MapService(JsonElement e, string path, JsonElement? extraLocation = null, string extraLocationPath = "")
    {
        var mapped = new HsdsMappedRecord(null, null);
        mapped.Services.Add(MapOne(e, path, null, extraLocation, extraLocationPath));
        return mapped;
    }

    /// <summary>
    /// Adds a mapped record, in document order: its organization, then each service whose id is new with the issues
    /// its mapping met (a repeated id is reported alone and the later record left out). Not thread-safe.
    /// </summary>
    public void Merge(HsdsMappedRecord record)
    {
        if (record.OrganizationId is { } organizationId)
        {
            Organization(organizationId, record.OrganizationName!);
        }

        foreach (var mapped in record.Services)
        {
            if (!_serviceIds.Add(mapped.Id))
            {
                _issues.Add(new DirectoryImportIssue(DirectoryImportSeverity.Warning, source, mapped.Id, mapped.Path + ".id", "repeats a service already imported; the later record is left out."));
                continue;
            }

            if (mapped.Issues is { } issues)
            {
                _issues.AddRange(issues);
            }

            if (mapped.Service is { } service)
            {
                Organization(mapped.OrganizationId!, mapped.OrganizationName!).Add(service);
            }
        }
    }

    public ReferralDirectoryLoad Build()
    {
        var organizations = new List<Organization>(_organizationOrder.Count);
        foreach (var id in _organizationOrder)
        {
            var entry = _organizations[id];
            if (entry.Services.Count > 0)
            {
                organizations.Add(new Organization { Id = id, Name = entry.Name, Kind = OrganizationKind.ServiceProvider, Services = [.. entry.Services] });
            }
        }

        var directory = ReferralDirectory.Create(organizations, _gazetteer);
        return new ReferralDirectoryLoad(directory, Report(source, directory, _issues));
    }

    private HsdsMappedService MapOne(JsonElement e, string path, string? organizationId, JsonElement? extraLocation, string extraLocationPath)
    {
        var id = GetString(e, "id")!;
        var sink = new IssueSink(source, id);
        if (!string.Equals(GetString(e, "status"), "active", StringComparison.OrdinalIgnoreCase))
        {
            sink.Warn(path + ".status", "is not active; the service is left out.");
            return new HsdsMappedService(id, path, sink.Issues, null, null, null);
        }

        var area = HsdsAreas.Read(e, path, id, _gazetteer, sink.WarnAction, sink.ErrorAction);
        var terms = HsdsTaxonomy.Read(e, path, _taxonomyMap, sink.WarnAction);
        var types = terms.Types.Count > 0 ? terms.TypeArray() : options.DefaultTypes;
        var lastVerified = GetDate(e, "assured_date") ?? GetDate(e, "last_modified") ?? options.DefaultLastVerified;
        if (area is null || types.IsEmpty || lastVerified is null)
        {
            if (types.IsEmpty)
            {
                sink.Error(path, "has no taxonomy term that maps to a service type and no default types are set; the service is left out.");
            }

            if (lastVerified is null)
            {
                sink.Error(path + ".assured_date", "has no assured_date or last_modified and no default is set; the service is left out.");
            }

            return new HsdsMappedService(id, path, sink.Issues, null, null, null);
        }

        var confidentiality = new HsdsLocations.Confidentiality(_confidentiality, _confidentiality.ShelterLocationsConfidential && types.Contains(ServiceType.EmergencyShelter));
        var locations = HsdsLocations.ReadAll(e, path, extraLocation, extraLocationPath, _gazetteer, confidentiality, sink.WarnAction).ToList();
        var placeZone = locations.Count > 0 ? locations[0].State.DefaultTimeZone : null;
        var availability = HsdsSchedules.Read(e, path, id, options, placeZone, sink.WarnAction) ?? ServiceAvailability.AlwaysOpen;
        var service = new Service
        {
            Id = id,
            Name = GetString(e, "name")!.Trim(),
            Types = types,
            Area = area,
            Population = Population(e, path, sink, terms),
            Languages = Languages(e, path, sink),
            Contacts = Contacts(e, path, sink),
            Availability = availability,
            AcceptsWarmTransfers = terms.AcceptsWarmTransfers,
            Capacity = terms.Capacity ?? Capacity.Accepting,
            Locations = [.. locations],
            LastVerified = lastVerified.Value,
        };
        return new HsdsMappedService(id, path, sink.Issues, service, organizationId ?? OrganizationIdOf(e), OrganizationNameOf(e));
    }

    private List<Service> Organization(string id, string name)
    {
        if (!_organizations.TryGetValue(id, out var entry))
        {
            entry = (name.Trim(), []);
            _organizations.Add(id, entry);
            _organizationOrder.Add(id);
        }

        return entry.Services;
    }

    private static PopulationServed Population(JsonElement e, string path, IssueSink sink, HsdsTaxonomy.ServiceTerms terms)
    {
        var min = GetAge(e, "minimum_age");
        var max = GetAge(e, "maximum_age");
        foreach (var (name, value) in new[] { ("minimum_age", min), ("maximum_age", max) })
        {
            if (value is null && e.TryGetProperty(name, out var raw) && raw.ValueKind != JsonValueKind.Null)
            {
                sink.Warn($"{path}.{name}", $"must be a whole number of years from 0 to {Format(PopulationServed.MaximumAge)}; it is not imported.");
            }
        }

        if (min is not null && max is not null && min > max)
        {
            sink.Warn(path + ".minimum_age", "is above maximum_age; neither age is imported.");
            (min, max) = (null, null);
        }

        return min is null && max is null && terms.Genders.Count == 0 && terms.TraffickingTypes.Count == 0 && terms.ImmigrationStatuses.Count == 0
            ? PopulationServed.Everyone
            : new PopulationServed
            {
                MinAge = min,
                MaxAge = max,
                Genders = [.. terms.Genders],
                TraffickingTypes = [.. terms.TraffickingTypes],
                ImmigrationStatuses = [.. terms.ImmigrationStatuses],
            };
    }

    private static ImmutableArray<LanguageTag> Languages(JsonElement e, string path, IssueSink sink)
    {
        var tags = new List<LanguageTag>();
        foreach (var (language, languagePath) in Items(e, "languages", path))
        {
            if (LanguageTag.TryParse(GetString(language, "code"), out var tag))
            {
                tags.Add(tag);
            }
            else
            {
                sink.Warn(languagePath + ".code", "is not a language tag; the language is not imported.");
            }
        }

        return Distinct(tags);
    }

    /// <summary>
    /// The service's phones and email, then each of its <c>contacts</c> (and those of its <c>service_at_locations</c> rows):
    /// the contact's email as an email contact and its phones as its phones; distinct, in document order.
    /// </summary>
    private static ImmutableArray<ServiceContact> Contacts(JsonElement e, string path, IssueSink sink)
    {
        var contacts = new List<ServiceContact>();
        Phones(e, path, sink, contacts);
        Email(e, contacts);
        foreach (var (contact, contactPath) in ContactRecords(e, path))
        {
            if (contact.ValueKind != JsonValueKind.Object)
            {
                sink.Warn(contactPath, "is not an object; the contact is not imported.");
                continue;
            }

            Email(contact, contacts);
            Phones(contact, contactPath, sink, contacts);
        }

        return [.. contacts];
    }

    private static IEnumerable<(JsonElement Item, string Path)> ContactRecords(JsonElement e, string path)
    {
        foreach (var contact in Items(e, "contacts", path))
        {
            yield return contact;
        }

        foreach (var (row, rowPath) in Items(e, "service_at_locations", path))
        {
            if (row.ValueKind == JsonValueKind.Object)
            {
                foreach (var contact in Items(row, "contacts", rowPath))
                {
                    yield return contact;
                }
            }
        }
    }

    private static void Phones(JsonElement e, string path, IssueSink sink, List<ServiceContact> contacts)
    {
        foreach (var (phone, phonePath) in Items(e, "phones", path))
        {
            var number = phone.ValueKind == JsonValueKind.Object ? GetString(phone, "number")?.Trim().Trim('"').Trim() : null;
            if (string.IsNullOrEmpty(number))
            {
                sink.Warn(phonePath + ".number", "is missing; the phone is not imported.");
                continue;
            }

            var channel = string.Equals(GetString(phone, "type"), "text", StringComparison.OrdinalIgnoreCase) ? ContactChannel.Text : ContactChannel.Phone;
            AddContact(contacts, new ServiceContact(channel, number));
        }
    }

    private static void Email(JsonElement e, List<ServiceContact> contacts)
    {
        if (GetString(e, "email")?.Trim() is { Length: > 0 } email)
        {
            AddContact(contacts, new ServiceContact(ContactChannel.Email, email));
        }
    }

    private static void AddContact(List<ServiceContact> contacts, ServiceContact contact)
    {
        if (!contacts.Contains(contact))
        {
            contacts.Add(contact);
        }
    }

    /// <summary>The issues one service's mapping meets, in the order met; none allocated until the first.</summary>
    private sealed class IssueSink
    {
        private readonly string _source;
        private readonly string _id;

        public IssueSink(string source, string id)
        {
            _source = source;
            _id = id;
            WarnAction = Warn;
            ErrorAction = Error;
        }

        public List<DirectoryImportIssue>? Issues { get; private set; }

        public Action<string, string> WarnAction { get; }

        public Action<string, string> ErrorAction { get; }

        public void Warn(string path, string message) => Add(DirectoryImportSeverity.Warning, path, message);

        public void Error(string path, string message) => Add(DirectoryImportSeverity.Error, path, message);

        private void Add(DirectoryImportSeverity severity, string path, string message) =>
            (Issues ??= []).Add(new DirectoryImportIssue(severity, _source, _id, path, message));
    }
}

/// <summary>One record mapped and not yet merged: the organization it registers (an organization record), and its services in document order.</summary>
internal sealed class HsdsMappedRecord(string? organizationId, string? organizationName)
{
    public string? OrganizationId { get; } = organizationId;

    public string? OrganizationName { get; } = organizationName;

    public List<HsdsMappedService> Services { get; } = new(1);
}

/// <summary>One service mapped: its id and path, the issues met, and the service with its organization, or null when it is left out.</summary>
internal sealed record HsdsMappedService(string Id, string Path, List<DirectoryImportIssue>? Issues, Service? Service, string? OrganizationId, string? OrganizationName);
