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

/// <summary>Maps checked HSDS 3.0 records to organizations and services, collecting the issues. One import; not thread-safe.</summary>
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

    public void AddOrganization(JsonElement organization, string path)
    {
        var id = GetString(organization, "id")!;
        Organization(id, GetString(organization, "name")!);
        foreach (var (service, servicePath) in Items(organization, "services", path))
        {
            AddService(service, servicePath, id);
        }
    }

    public void AddService(JsonElement e, string path, string? organizationId, JsonElement? extraLocation = null, string extraLocationPath = "")
    {
        var id = GetString(e, "id")!;
        if (!_serviceIds.Add(id))
        {
            Warn(id, path + ".id", "repeats a service already imported; the later record is left out.");
            return;
        }

        if (!string.Equals(GetString(e, "status"), "active", StringComparison.OrdinalIgnoreCase))
        {
            Warn(id, path + ".status", "is not active; the service is left out.");
            return;
        }

        var area = HsdsAreas.Read(e, path, id, _gazetteer, (p, msg) => Warn(id, p, msg), (p, msg) => Error(id, p, msg));
        var terms = HsdsTaxonomy.Read(e, path, _taxonomyMap, (p, m) => Warn(id, p, m));
        var types = terms.Types.Count > 0 ? terms.TypeArray() : options.DefaultTypes;
        var lastVerified = GetDate(e, "assured_date") ?? GetDate(e, "last_modified") ?? options.DefaultLastVerified;
        if (area is null || types.IsEmpty || lastVerified is null)
        {
            if (types.IsEmpty)
            {
                Error(id, path, "has no taxonomy term that maps to a service type and no default types are set; the service is left out.");
            }

            if (lastVerified is null)
            {
                Error(id, path + ".assured_date", "has no assured_date or last_modified and no default is set; the service is left out.");
            }

            return;
        }

        var confidentiality = new HsdsLocations.Confidentiality(_confidentiality, _confidentiality.ShelterLocationsConfidential && types.Contains(ServiceType.EmergencyShelter));
        var availability = HsdsSchedules.Read(e, path, id, options, (p, m) => Warn(id, p, m)) ?? ServiceAvailability.AlwaysOpen;
        var service = new Service
        {
            Id = id,
            Name = GetString(e, "name")!.Trim(),
            Types = types,
            Area = area,
            Population = Population(e, path, id, terms),
            Languages = Languages(e, path, id),
            Contacts = Contacts(e, path, id),
            Availability = availability,
            AcceptsWarmTransfers = terms.AcceptsWarmTransfers,
            Capacity = terms.Capacity ?? Capacity.Accepting,
            Locations = [.. HsdsLocations.ReadAll(e, path, extraLocation, extraLocationPath, _gazetteer, confidentiality, (p, m) => Warn(id, p, m))],
            LastVerified = lastVerified.Value,
        };
        var orgId = organizationId ?? OrganizationIdOf(e);
        Organization(orgId, OrganizationNameOf(e)).Add(service);
    }

    public ReferralDirectoryLoad Build()
    {
        var organizations = _organizationOrder
            .Select(id => (Id: id, Entry: _organizations[id]))
            .Where(o => o.Entry.Services.Count > 0)
            .Select(o => new Organization { Id = o.Id, Name = o.Entry.Name, Kind = OrganizationKind.ServiceProvider, Services = [.. o.Entry.Services] })
            .ToList();
        var directory = ReferralDirectory.Create(organizations, _gazetteer);
        return new ReferralDirectoryLoad(directory, Report(source, directory, _issues));
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

    private PopulationServed Population(JsonElement e, string path, string id, HsdsTaxonomy.ServiceTerms terms)
    {
        var min = GetAge(e, "minimum_age");
        var max = GetAge(e, "maximum_age");
        foreach (var (name, value) in new[] { ("minimum_age", min), ("maximum_age", max) })
        {
            if (value is null && e.TryGetProperty(name, out var raw) && raw.ValueKind != JsonValueKind.Null)
            {
                Warn(id, $"{path}.{name}", $"must be a whole number of years from 0 to {Format(PopulationServed.MaximumAge)}; it is not imported.");
            }
        }

        if (min is not null && max is not null && min > max)
        {
            Warn(id, path + ".minimum_age", "is above maximum_age; neither age is imported.");
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

    private ImmutableArray<LanguageTag> Languages(JsonElement e, string path, string id)
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
                Warn(id, languagePath + ".code", "is not a language tag; the language is not imported.");
            }
        }

        return Distinct(tags);
    }

    /// <summary>
    /// The service's phones and email, then each of its <c>contacts</c> (and those of its <c>service_at_locations</c> rows):
    /// the contact's email as an email contact and its phones as its phones; distinct, in document order.
    /// </summary>
    private ImmutableArray<ServiceContact> Contacts(JsonElement e, string path, string id)
    {
        var contacts = new List<ServiceContact>();
        Phones(e, path, id, contacts);
        Email(e, contacts);
        foreach (var (contact, contactPath) in ContactRecords(e, path))
        {
            if (contact.ValueKind != JsonValueKind.Object)
            {
                Warn(id, contactPath, "is not an object; the contact is not imported.");
                continue;
            }

            Email(contact, contacts);
            Phones(contact, contactPath, id, contacts);
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

    private void Phones(JsonElement e, string path, string id, List<ServiceContact> contacts)
    {
        foreach (var (phone, phonePath) in Items(e, "phones", path))
        {
            var number = phone.ValueKind == JsonValueKind.Object ? GetString(phone, "number")?.Trim().Trim('"').Trim() : null;
            if (string.IsNullOrEmpty(number))
            {
                Warn(id, phonePath + ".number", "is missing; the phone is not imported.");
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

    private void Warn(string? recordId, string path, string message) =>
        _issues.Add(new DirectoryImportIssue(DirectoryImportSeverity.Warning, source, recordId, path, message));

    private void Error(string? recordId, string path, string message) =>
        _issues.Add(new DirectoryImportIssue(DirectoryImportSeverity.Error, source, recordId, path, message));
}
