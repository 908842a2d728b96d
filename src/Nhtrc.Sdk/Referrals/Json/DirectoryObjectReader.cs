using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// The schema half of the referral directory reader (docs/referrals.md): reads one organization, with its
/// services, areas, populations, languages, availability, locations and contacts, from UTF-8 straight into the
/// model, reporting every problem at its path and reading on. Organizations and services are always built
/// (with what was valid) so that the semantic checks of <see cref="DirectoryValidator"/> see the document's
/// indices. One instance reads on one thread; <see cref="DirectoryDocumentReader"/> runs it over a document.
/// </summary>
internal sealed partial class DirectoryObjectReader : Utf8DocumentReader
{
    // The schema is stated once, by the document classes (DirectoryDocument.cs); a property's index here is its
    // case in the reader below, and a class property the reader does not read fails every read.
    private static readonly PropertyNames OrganizationProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.OrganizationDocument,
        nameof(OrganizationDocument.Id), nameof(OrganizationDocument.Name), nameof(OrganizationDocument.Kind),
        nameof(OrganizationDocument.Website), nameof(OrganizationDocument.CoLeads), nameof(OrganizationDocument.Services));

    private static readonly PropertyNames ServiceProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.ServiceDocument,
        nameof(ServiceDocument.Id), nameof(ServiceDocument.Name), nameof(ServiceDocument.Types), nameof(ServiceDocument.Area),
        nameof(ServiceDocument.Population), nameof(ServiceDocument.Languages), nameof(ServiceDocument.Availability),
        nameof(ServiceDocument.AcceptsWarmTransfers), nameof(ServiceDocument.Capacity), nameof(ServiceDocument.Locations),
        nameof(ServiceDocument.Contacts), nameof(ServiceDocument.LastVerified));

    private static readonly PropertyNames PopulationProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.PopulationDocument,
        nameof(PopulationDocument.MinAge), nameof(PopulationDocument.MaxAge), nameof(PopulationDocument.Genders),
        nameof(PopulationDocument.TraffickingTypes), nameof(PopulationDocument.ImmigrationStatuses));

    private static readonly PropertyNames AvailabilityProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.AvailabilityDocument,
        nameof(AvailabilityDocument.AlwaysOpen), nameof(AvailabilityDocument.Calendar));

    private static readonly PropertyNames ContactProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.ServiceContactDocument,
        nameof(ServiceContactDocument.Channel), nameof(ServiceContactDocument.Value));

    private readonly Gazetteer _gazetteer;
    private readonly DirectoryCalendarReader _calendarReader;
    private readonly Dictionary<string, LanguageTag> _languages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LanguageTag>.AlternateLookup<ReadOnlySpan<char>> _languagesBySpan;

    // Each list of the model is gathered here and copied once into an array of its exact size; no two lists
    // of one element type are ever open at the same time.
    private readonly List<string> _coLeads = [];
    private readonly List<Service> _services = [];
    private readonly List<LanguageTag> _languageList = [];
    private readonly List<UsState> _states = [];
    private readonly List<UsCounty> _counties = [];
    private readonly List<ZipCodeInfo> _zips = [];
    private readonly List<RadiusArea> _radii = [];
    private readonly List<ServiceLocation> _locations = [];
    private readonly List<ServiceContact> _contacts = [];

    // The item readers, made once per reader rather than once per list.
    private readonly ItemReader<UsState> _state;
    private readonly ItemReader<UsCounty> _county;
    private readonly ItemReader<ZipCodeInfo> _zip;
    private readonly ItemReader<RadiusArea> _radius;
    private readonly ItemReader<LanguageTag> _language;
    private readonly ItemReader<ServiceLocation> _location;
    private readonly ItemReader<ServiceContact> _contact;

    /// <summary>Readers of parts of one document share <paramref name="calendars"/> (see <see cref="DirectoryCalendarReader"/>).</summary>
    public DirectoryObjectReader(Gazetteer gazetteer, ConcurrentDictionary<string, ServiceAvailability> calendars, ReadLimits limits)
        : base(limits)
    {
        _gazetteer = gazetteer;
        _calendarReader = new DirectoryCalendarReader(this, calendars);
        _languagesBySpan = _languages.GetAlternateLookup<ReadOnlySpan<char>>();
        (_state, _county, _zip, _radius, _language, _location, _contact) = (State, County, Zip, Radius, Language, Location, Contact);
    }

    /// <summary>Reads one item of an array; false when there is nothing to add (a problem was reported).</summary>
    private delegate bool ItemReader<T>(ref Utf8JsonReader json, [MaybeNullWhen(false)] out T item);

    // On the organization's first token; leaves the reader on its last.
    public Organization Organization(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be an organization object, not null." : "must be an organization object.");
            Skip(ref json);
            return new Organization { Id = "", Name = "", Kind = OrganizationKind.ServiceProvider };
        }

        Enter(ref json);

        var before = Problems.Count;
        string? id = null, name = null, website = null;
        OrganizationKind? kind = null;
        ImmutableArray<string> coLeads = [];
        ImmutableArray<Service> services = [];
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, OrganizationProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    id = String(ref json);
                    break;
                case 1:
                    name = String(ref json);
                    break;
                case 2:
                    kind = Enum<OrganizationKind>(ref json);
                    break;
                case 3:
                    website = String(ref json);
                    break;
                case 4:
                    coLeads = CoLeads(ref json);
                    break;
                default:
                    services = Services(ref json, document);
                    break;
            }
        }

        Require(kind is not null, "kind", before);
        return new Organization
        {
            Id = id ?? "",
            Name = name ?? "",
            Kind = kind ?? OrganizationKind.ServiceProvider,
            Website = website,
            CoLeadIds = coLeads,
            Services = services,
        };
    }

    private ImmutableArray<string> CoLeads(ref Utf8JsonReader json)
    {
        if (!IsArray(ref json, "an array of organization ids"))
        {
            return [];
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            Item(i);
            if (json.TokenType == JsonTokenType.String)
            {
                Path.PushIndex(i);
                _coLeads.Add(String(ref json) ?? "");
                Path.Pop();
                continue;
            }

            Path.PushIndex(i);
            Problem(json.TokenType == JsonTokenType.Null ? "must be an organization id, not null." : "must be an organization id (a string).");
            Path.Pop();
            Skip(ref json);
            _coLeads.Add("");
        }

        return Done(_coLeads);
    }

    private ImmutableArray<Service> Services(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (!IsArray(ref json, "an array of services"))
        {
            return [];
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            Item(i);
            Path.PushIndex(i);
            _services.Add(Service(ref json, document));
            Path.Pop();
        }

        return Done(_services);
    }

    private Service Service(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a service object, not null." : "must be a service object.");
            Skip(ref json);
            return new Service { Id = "", Name = "", Area = ServiceArea.Nationwide, LastVerified = default };
        }

        Enter(ref json);

        var before = Problems.Count;
        string? id = null, name = null;
        ImmutableArray<ServiceType> types = [];
        ServiceArea? area = null;
        var population = PopulationServed.Everyone;
        ImmutableArray<LanguageTag> languages = [];
        ServiceAvailability? availability = null;
        var warm = false;
        Capacity? capacity = null;
        ImmutableArray<ServiceLocation> locations = [];
        ImmutableArray<ServiceContact> contacts = [];
        LocalDate? verified = null;
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, ServiceProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    id = String(ref json);
                    break;
                case 1:
                    name = Intern(ref json);
                    break;
                case 2:
                    types = EnumArray<ServiceType>(ref json);
                    break;
                case 3:
                    area = Area(ref json);
                    break;
                case 4:
                    population = Population(ref json);
                    break;
                case 5:
                    languages = Items(ref json, "an array of language tags", _languageList, _language);
                    break;
                case 6:
                    availability = Availability(ref json, document);
                    break;
                case 7:
                    warm = Bool(ref json) ?? false;
                    break;
                case 8:
                    capacity = Enum<Capacity>(ref json);
                    break;
                case 9:
                    locations = Items(ref json, "an array of locations", _locations, _location);
                    break;
                case 10:
                    contacts = Items(ref json, "an array of contacts", _contacts, _contact);
                    break;
                default:
                    verified = Date(ref json);
                    break;
            }
        }

        Require(area is not null, "area", before);
        Require(availability is not null, "availability", before, "is required: { \"alwaysOpen\": true } or { \"calendar\": { ... } }.");
        Require(verified is not null, "lastVerified", before);
        return new Service
        {
            Id = id ?? "",
            Name = name ?? "",
            Types = types,
            Area = area ?? ServiceArea.Nationwide,
            Population = population,
            Languages = languages,
            Availability = availability ?? ServiceAvailability.AlwaysOpen,
            AcceptsWarmTransfers = warm,
            Capacity = capacity ?? Capacity.Accepting,
            Locations = locations,
            Contacts = contacts,
            LastVerified = verified ?? default,
        };
    }

    /// <summary>Reads an array property item by item, each with its index on the path; null is an empty list.</summary>
    private ImmutableArray<T> Items<T>(ref Utf8JsonReader json, string what, List<T> items, ItemReader<T> read)
    {
        if (!IsArray(ref json, what))
        {
            return [];
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            Item(i);
            Path.PushIndex(i);
            if (read(ref json, out var item))
            {
                items.Add(item);
            }

            Path.Pop();
        }

        return Done(items);
    }

    private bool Language(ref Utf8JsonReader json, [MaybeNullWhen(false)] out LanguageTag language)
    {
        language = null;
        if (!Text(ref json, "a language tag", out var text))
        {
            return false;
        }

        if (_languagesBySpan.TryGetValue(text, out language))
        {
            return true;
        }

        if (LanguageTag.TryParse(text.ToString(), out language))
        {
            _languagesBySpan[text] = language;
            return true;
        }

        Problem(LanguageTag.ProblemMessage);
        return false;
    }

    private PopulationServed Population(ref Utf8JsonReader json)
    {
        if (!IsObject(ref json, "a population object"))
        {
            return PopulationServed.Everyone;
        }

        int? minAge = null, maxAge = null;
        ImmutableArray<Gender> genders = [];
        ImmutableArray<TraffickingType> trafficking = [];
        ImmutableArray<ImmigrationStatus> statuses = [];
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, PopulationProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    minAge = Integer(ref json);
                    break;
                case 1:
                    maxAge = Integer(ref json);
                    break;
                case 2:
                    genders = EnumArray<Gender>(ref json);
                    break;
                case 3:
                    trafficking = EnumArray<TraffickingType>(ref json);
                    break;
                default:
                    statuses = EnumArray<ImmigrationStatus>(ref json);
                    break;
            }
        }

        return new PopulationServed { MinAge = minAge, MaxAge = maxAge, Genders = genders, TraffickingTypes = trafficking, ImmigrationStatuses = statuses };
    }

    private ServiceAvailability? Availability(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (!IsObject(ref json, "an availability object"))
        {
            return null;
        }

        bool? alwaysOpen = null;
        ServiceAvailability? calendar = null;
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, AvailabilityProperties, ref seen)) >= 0)
        {
            if (p == 0)
            {
                alwaysOpen = Bool(ref json);
            }
            else if (json.TokenType == JsonTokenType.Null)
            {
                seen &= ~(1u << p);
            }
            else
            {
                calendar = _calendarReader.Read(ref json, document);
            }
        }

        if (alwaysOpen == true)
        {
            if ((seen & 2) != 0)
            {
                Problem("has alwaysOpen, so must not also have a calendar.");
            }

            return ServiceAvailability.AlwaysOpen;
        }

        if ((seen & 2) == 0)
        {
            Problem("calendar", "is required unless alwaysOpen is true.");
        }

        return calendar ?? ServiceAvailability.AlwaysOpen;
    }

    private bool Contact(ref Utf8JsonReader json, [MaybeNullWhen(false)] out ServiceContact contact)
    {
        contact = null;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a contact object, not null." : "must be a contact object.");
            Skip(ref json);
            return false;
        }

        Enter(ref json);

        var before = Problems.Count;
        ContactChannel? channel = null;
        string? value = null;
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, ContactProperties, ref seen)) >= 0)
        {
            if (p == 0)
            {
                channel = Enum<ContactChannel>(ref json);
            }
            else
            {
                value = Intern(ref json);
            }
        }

        Require(channel is not null, "channel", before);
        Require(!string.IsNullOrWhiteSpace(value), "value", before, "is required: a phone number, address or link.");
        if (channel is not { } c || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        contact = new ServiceContact(c, value);
        return true;
    }
}
