using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Serialization;

/// <summary>
/// Turns a <see cref="DirectoryDocument"/> into organizations, collecting every problem with its JSON path.
/// Organizations and services are always built (with what was valid) so that the semantic checks of
/// <see cref="DirectoryValidator"/> see the document's indices; nothing is returned unless both passes are clean.
/// Identical hours definitions share one <see cref="ServiceCalendar"/>, so its per-year cache is built once.
/// </summary>
internal sealed class DirectoryDocumentReader
{
    public const string Subject = "referral directory";
    public const int FormatVersion = 1;
    private const int MaxQuotedToken = 40;

    private static readonly (string Name, IsoDayOfWeek Day)[] Days =
    [
        ("monday", IsoDayOfWeek.Monday), ("tuesday", IsoDayOfWeek.Tuesday), ("wednesday", IsoDayOfWeek.Wednesday),
        ("thursday", IsoDayOfWeek.Thursday), ("friday", IsoDayOfWeek.Friday), ("saturday", IsoDayOfWeek.Saturday),
        ("sunday", IsoDayOfWeek.Sunday),
    ];

    private readonly ProblemList _problems = new();
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, ServiceAvailability> _calendars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LanguageTag> _languages = new(StringComparer.Ordinal);

    private DirectoryDocumentReader(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public static ImmutableArray<Organization> Read(DirectoryDocument? document, Gazetteer gazetteer)
    {
        var reader = new DirectoryDocumentReader(gazetteer);
        var problems = reader._problems;
        if (document is null)
        {
            problems.Add("$", "must be a JSON object, not null.");
            problems.ThrowIfAny(Subject);
        }

        var d = document!;
        Unknown(problems, "$", d.Unknown);
        if (d.FormatVersion is null)
        {
            problems.Add("$.formatVersion", "is required.");
        }
        else if (d.FormatVersion != FormatVersion)
        {
            problems.Add("$.formatVersion", $"must be {FormatVersion}.");
        }

        var orgs = ImmutableArray.CreateBuilder<Organization>(d.Organizations?.Count ?? 0);
        if (d.Organizations is null)
        {
            problems.Add("$.organizations", "is required.");
        }
        else
        {
            for (var i = 0; i < d.Organizations.Count; i++)
            {
                orgs.Add(reader.Organization($"$.organizations[{i}]", d.Organizations[i]));
            }
        }

        var result = orgs.MoveToImmutable();
        DirectoryValidator.Validate(problems, result, "$.organizations");
        problems.ThrowIfAny(Subject);
        return result;
    }

    private Organization Organization(string path, OrganizationDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "must be an organization object, not null.");
            return new Organization { Id = "", Name = "", Kind = OrganizationKind.ServiceProvider };
        }

        Unknown(_problems, path, d.Unknown);
        var kind = Enum<OrganizationKind>(path + ".kind", d.Kind, required: true);
        var coLeads = ImmutableArray.CreateBuilder<string>();
        var coLeadItems = d.CoLeads ?? [];
        for (var i = 0; i < coLeadItems.Count; i++)
        {
            if (coLeadItems[i] is null)
            {
                _problems.Add($"{path}.coLeads[{i}]", "must be an organization id, not null.");
            }

            coLeads.Add(coLeadItems[i] ?? "");
        }

        var services = ImmutableArray.CreateBuilder<Service>(d.Services?.Count ?? 0);
        var serviceItems = d.Services ?? [];
        for (var i = 0; i < serviceItems.Count; i++)
        {
            services.Add(Service($"{path}.services[{i}]", serviceItems[i]));
        }

        return new Organization
        {
            Id = d.Id ?? "",
            Name = d.Name ?? "",
            Kind = kind ?? OrganizationKind.ServiceProvider,
            Website = d.Website,
            CoLeadIds = coLeads.ToImmutable(),
            Services = services.MoveToImmutable(),
        };
    }

    private Service Service(string path, ServiceDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "must be a service object, not null.");
            return new Service { Id = "", Name = "", Area = ServiceArea.Nationwide, LastVerified = default };
        }

        Unknown(_problems, path, d.Unknown);
        var types = EnumList<ServiceType>(path + ".types", d.Types);
        var languages = ImmutableArray.CreateBuilder<LanguageTag>();
        var languageItems = d.Languages ?? [];
        for (var i = 0; i < languageItems.Count; i++)
        {
            if (Language($"{path}.languages[{i}]", languageItems[i]) is { } tag)
            {
                languages.Add(tag);
            }
        }

        var capacity = Enum<Capacity>(path + ".capacity", d.Capacity, required: false);
        var locations = ImmutableArray.CreateBuilder<ServiceLocation>();
        var locationItems = d.Locations ?? [];
        for (var i = 0; i < locationItems.Count; i++)
        {
            if (Location($"{path}.locations[{i}]", locationItems[i]) is { } location)
            {
                locations.Add(location);
            }
        }

        var contacts = ImmutableArray.CreateBuilder<ServiceContact>();
        var contactItems = d.Contacts ?? [];
        for (var i = 0; i < contactItems.Count; i++)
        {
            if (Contact($"{path}.contacts[{i}]", contactItems[i]) is { } contact)
            {
                contacts.Add(contact);
            }
        }

        LocalDate verified = default;
        if (d.LastVerified is null)
        {
            _problems.Add(path + ".lastVerified", "is required.");
        }
        else if (LocalDatePattern.Iso.Parse(d.LastVerified) is { Success: true } parsed)
        {
            verified = parsed.Value;
        }
        else
        {
            _problems.Add(path + ".lastVerified", "must be an ISO-8601 date such as 2026-03-01.");
        }

        return new Service
        {
            Id = d.Id ?? "",
            Name = d.Name ?? "",
            Types = types,
            Area = Area(path + ".area", d.Area),
            Population = Population(path + ".population", d.Population),
            Languages = languages.ToImmutable(),
            Availability = Availability(path + ".availability", d.Availability),
            AcceptsWarmTransfers = d.AcceptsWarmTransfers ?? false,
            Capacity = capacity ?? Capacity.Accepting,
            Locations = locations.ToImmutable(),
            Contacts = contacts.ToImmutable(),
            LastVerified = verified,
        };
    }

    private ServiceArea Area(string path, AreaDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "is required.");
            return ServiceArea.Nationwide;
        }

        Unknown(_problems, path, d.Unknown);
        var states = ImmutableArray.CreateBuilder<UsState>();
        var items = d.States ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (State($"{path}.states[{i}]", items[i]) is { } state)
            {
                states.Add(state);
            }
        }

        var counties = ImmutableArray.CreateBuilder<UsCounty>();
        items = d.Counties ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (County($"{path}.counties[{i}]", items[i]) is { } county)
            {
                counties.Add(county);
            }
        }

        var zips = ImmutableArray.CreateBuilder<ZipCodeInfo>();
        items = d.Zips ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (Zip($"{path}.zips[{i}]", items[i]) is { } zip)
            {
                zips.Add(zip);
            }
        }

        var radii = ImmutableArray.CreateBuilder<RadiusArea>();
        var radiusItems = d.Radii ?? [];
        for (var i = 0; i < radiusItems.Count; i++)
        {
            var itemPath = $"{path}.radii[{i}]";
            var r = radiusItems[i];
            if (r is null)
            {
                _problems.Add(itemPath, "must be a radius object, not null.");
                continue;
            }

            Unknown(_problems, itemPath, r.Unknown);
            var point = Point(itemPath, r.Latitude, r.Longitude);
            var ok = true;
            if (r.Kilometers is not { } km)
            {
                _problems.Add(itemPath + ".kilometers", "is required.");
                ok = false;
            }
            else if (!RadiusArea.IsValidRadius(km))
            {
                _problems.Add(itemPath + ".kilometers", RadiusArea.RadiusMessage);
                ok = false;
            }

            if (ok && point is { } center)
            {
                radii.Add(new RadiusArea(center, r.Kilometers!.Value));
            }
        }

        return new ServiceArea
        {
            IsNational = d.National ?? false,
            States = states.ToImmutable(),
            Counties = counties.ToImmutable(),
            Zips = zips.ToImmutable(),
            Radii = radii.ToImmutable(),
        };
    }

    private PopulationServed Population(string path, PopulationDocument? d)
    {
        if (d is null)
        {
            return PopulationServed.Everyone;
        }

        Unknown(_problems, path, d.Unknown);
        var trafficking = EnumList<TraffickingType>(path + ".traffickingTypes", d.TraffickingTypes);
        return new PopulationServed
        {
            MinAge = d.MinAge,
            MaxAge = d.MaxAge,
            Genders = EnumList<Gender>(path + ".genders", d.Genders),
            TraffickingTypes = trafficking,
            ImmigrationStatuses = EnumList<ImmigrationStatus>(path + ".immigrationStatuses", d.ImmigrationStatuses),
        };
    }

    private ServiceAvailability Availability(string path, AvailabilityDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "is required: { \"alwaysOpen\": true } or a zone and hours.");
            return ServiceAvailability.AlwaysOpen;
        }

        Unknown(_problems, path, d.Unknown);
        if (d.AlwaysOpen == true)
        {
            if (d.Zone is not null || d.Hours is not null || d.ClosedOnUsFederalHolidays is not null)
            {
                _problems.Add(path, "has alwaysOpen, so must not also have zone, hours or closedOnUsFederalHolidays.");
            }

            return ServiceAvailability.AlwaysOpen;
        }

        var before = _problems.Count;
        DateTimeZone? zone = null;
        if (d.Zone is null)
        {
            _problems.Add(path + ".zone", "is required unless alwaysOpen is true.");
        }
        else if ((zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(d.Zone)) is null)
        {
            _problems.Add(path + ".zone", "must be an IANA time zone id such as America/Chicago.");
        }

        var hours = WeeklyHours.Closed;
        var key = new StringBuilder(d.Zone).Append(d.ClosedOnUsFederalHolidays == true ? ";holidays" : ";");
        if (d.Hours is null)
        {
            _problems.Add(path + ".hours", "is required unless alwaysOpen is true.");
        }
        else
        {
            foreach (var (name, intervals) in d.Hours)
            {
                var dayPath = PropertyPath(path + ".hours", name);
                var day = Array.FindIndex(Days, x => x.Name == name);
                if (day < 0)
                {
                    _problems.Add(dayPath, "is not a day of the week: monday, tuesday, ... sunday.");
                    continue;
                }

                var list = new List<OpenInterval>();
                var items = intervals ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    if (OpenInterval.TryParse(items[i], out var interval))
                    {
                        list.Add(interval);
                    }
                    else
                    {
                        _problems.Add($"{dayPath}[{i}]", "must be an interval of local times such as 09:00-17:00.");
                    }
                }

                hours = hours.With(Days[day].Day, [.. list]);
                key.Append(';').Append(name).Append('=').AppendJoin(',', items);
            }
        }

        if (_problems.Count != before)
        {
            return ServiceAvailability.AlwaysOpen;
        }

        var id = key.ToString();
        if (!_calendars.TryGetValue(id, out var availability))
        {
            HolidayCalendar[] holidays = d.ClosedOnUsFederalHolidays == true ? [HolidayCalendar.UsFederal] : [];
            availability = ServiceAvailability.By(new ServiceCalendar(id, zone!, hours, holidays));
            _calendars.Add(id, availability);
        }

        return availability;
    }

    private ServiceLocation? Location(string path, ServiceLocationDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "must be a location object, not null.");
            return null;
        }

        var before = _problems.Count;
        Unknown(_problems, path, d.Unknown);
        if (string.IsNullOrWhiteSpace(d.City))
        {
            _problems.Add(path + ".city", "is required.");
        }

        var state = d.State is null ? null : State(path + ".state", d.State);
        if (d.State is null)
        {
            _problems.Add(path + ".state", "is required.");
        }

        var zip = d.Zip is null ? null : Zip(path + ".zip", d.Zip);
        var point = Point(path, d.Latitude, d.Longitude);
        if (zip is not null && state is not null && zip.State != state)
        {
            _problems.Add(path + ".zip", $"is in {zip.State.Code}, not {state.Code}.");
        }

        return _problems.Count != before ? null : new ServiceLocation
        {
            Name = d.Name,
            StreetAddress = d.Address,
            City = d.City!,
            State = state!,
            Zip = zip,
            Point = point!.Value,
            IsConfidential = d.Confidential ?? false,
        };
    }

    private ServiceContact? Contact(string path, ServiceContactDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "must be a contact object, not null.");
            return null;
        }

        Unknown(_problems, path, d.Unknown);
        var channel = Enum<ContactChannel>(path + ".channel", d.Channel, required: true);
        if (string.IsNullOrWhiteSpace(d.Value))
        {
            _problems.Add(path + ".value", "is required: a phone number, address or link.");
            return null;
        }

        return channel is { } c ? new ServiceContact(c, d.Value) : null;
    }

    private GeoPoint? Point(string path, double? latitude, double? longitude)
    {
        var ok = true;
        if (latitude is not { } lat)
        {
            _problems.Add(path + ".latitude", "is required.");
            ok = false;
        }
        else if (!GeoPoint.IsValidLatitude(lat))
        {
            _problems.Add(path + ".latitude", "must be degrees from -90 to 90.");
            ok = false;
        }

        if (longitude is not { } lon)
        {
            _problems.Add(path + ".longitude", "is required.");
            ok = false;
        }
        else if (!GeoPoint.IsValidLongitude(lon))
        {
            _problems.Add(path + ".longitude", "must be degrees from -180 to 180.");
            ok = false;
        }

        return ok ? new GeoPoint(latitude!.Value, longitude!.Value) : null;
    }

    private UsState? State(string path, string? code)
    {
        if (UsState.TryGetByCode(code, out var state) && code == state.Code)
        {
            return state;
        }

        _problems.Add(path, code is null ? "must be a state code, not null." : $"{InputText.Describe(code)} is not the upper-case USPS code of one of the 50 states or DC.");
        return null;
    }

    private UsCounty? County(string path, string? fips)
    {
        if (_gazetteer.TryGetCounty(fips, out var county))
        {
            return county;
        }

        _problems.Add(path, fips is null ? "must be a county FIPS code, not null."
            : InputText.IsDigits(fips, 5) ? $"county {fips} is not in the gazetteer."
            : $"{InputText.Describe(fips)} is not a county FIPS code: expected exactly 5 digits, such as 36061.");
        return null;
    }

    private ZipCodeInfo? Zip(string path, string? zip)
    {
        if (_gazetteer.TryGetZip(zip, out var info))
        {
            return info;
        }

        _problems.Add(path, zip is null ? "must be a ZIP code, not null."
            : InputText.IsDigits(zip, 5) ? $"ZIP code {zip} is not in the gazetteer (50 states and DC only)."
            : $"{InputText.Describe(zip)} is not a ZIP code: expected exactly 5 digits, such as 02108.");
        return null;
    }

    private LanguageTag? Language(string path, string? value)
    {
        if (value is not null && _languages.TryGetValue(value, out var cached))
        {
            return cached;
        }

        if (LanguageTag.TryParse(value, out var tag))
        {
            _languages[value] = tag;
            return tag;
        }

        _problems.Add(path, LanguageTag.ProblemMessage);
        return null;
    }

    private ImmutableArray<T> EnumList<T>(string path, List<string?>? items)
        where T : struct, Enum
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Enum<T>($"{path}[{i}]", items[i], required: true) is { } value)
            {
                builder.Add(value);
            }
        }

        return builder.ToImmutable();
    }

    private T? Enum<T>(string path, string? value, bool required)
        where T : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                _problems.Add(path, "is required.");
            }

            return null;
        }

        if (WireName<T>.TryParse(value, out var result))
        {
            return result;
        }

        var token = value.Length <= MaxQuotedToken ? value : value[..MaxQuotedToken] + "...";
        _problems.Add(path, $"'{token}' is not one of: {WireName<T>.Expected}.");
        return null;
    }

    private static void Unknown(ProblemList problems, string path, Dictionary<string, JsonElement>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var name in unknown.Keys)
        {
            problems.Add(PropertyPath(path, name), "is not a known property.");
        }
    }

    private static string PropertyPath(string path, string name)
    {
        var simple = name.Length > 0 && char.IsAsciiLetter(name[0]);
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }
}
