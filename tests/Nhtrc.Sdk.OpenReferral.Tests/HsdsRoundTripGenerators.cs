using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>
/// Random fictional directories for the HSDS export properties, with a shrinker (fewer organizations, services,
/// locations, contacts, languages, areas, hours). <see cref="RoundTrip"/> keeps to what the importer reads today (its
/// restrictions are listed there); <see cref="Anything"/> uses every field, for schema validation.
/// </summary>
internal static class HsdsRoundTripGenerators
{
    private static readonly Gazetteer Places = Gazetteer.Default;
    private static readonly ImmutableArray<ZipCodeInfo> Zips = Places.Zips;
    private static readonly ImmutableArray<UsCounty> Counties = Places.Counties;
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu", "America/Anchorage"];
    private static readonly string[] OffsetZones = [.. Zones.Where(z => HsdsTimeZones.OffsetZones.Any(o => o.Zone == z))];
    private static readonly string[] Tags = ["en", "es", "zh-Hant", "pt-BR", "vi", "ar", "ht", "fr", "ko"];
    private static readonly ServiceType[] Types = Enum.GetValues<ServiceType>();

    /// <summary>What a generated directory may use.</summary>
    /// <param name="National">A national area ("United States"; not read by the importer today).</param>
    /// <param name="Radii">Radius areas (GeoJSON extents; not read by the importer today).</param>
    /// <param name="ManyEmails">More than one email (the second goes to contacts[]; contacts' email not read today).</param>
    /// <param name="AnyZone">Zones other than America/New_York. Without <paramref name="Private"/> attributes only the zones the
    /// importer's offset table reads back from the numeric <c>timezone</c> (America/Phoenix shares -7 with America/Denver,
    /// so it keeps its id only through the private attribute).</param>
    /// <param name="Private">Populations, capacity, warm transfers, chat and web-form links, kinds, websites: never in a
    /// round trip without private attributes (HSDS has no field for them).</param>
    internal sealed record Scope(bool National, bool Radii, bool ManyEmails, bool AnyZone, bool Private);

    /// <summary>The round-trip scope: what HSDS expresses and the importer reads today.</summary>
    internal static readonly Scope RoundTrip = new(National: true, Radii: false, ManyEmails: true, AnyZone: true, Private: false);

    /// <summary>Every field.</summary>
    internal static readonly Scope Anything = new(National: true, Radii: true, ManyEmails: true, AnyZone: true, Private: true);

    public static Arbitrary<ImmutableArray<Organization>> Directories(Scope scope) => Arb.From(Directory(scope), Shrink);

    public static Gen<ImmutableArray<Organization>> Directory(Scope scope) =>
        from count in Gen.Choose(1, 4)
        from orgs in Gen.CollectToArray(Enumerable.Range(0, count), i => Organization(scope, i))
        select orgs.ToImmutableArray();

    private static Gen<Organization> Organization(Scope scope, int index) =>
        from serviceCount in Gen.Choose(1, 3)
        from services in Gen.CollectToArray(Enumerable.Range(0, serviceCount), j => Service(scope, $"svc-{index}-{j}"))
        from kind in scope.Private ? Gen.Elements(OrganizationKind.ServiceProvider, OrganizationKind.GovernmentAgency) : Gen.Constant(OrganizationKind.ServiceProvider)
        from website in scope.Private ? Gen.Elements<string?>(null, $"https://org{index}.example.org/") : Gen.Constant<string?>(null)
        select new Organization
        {
            Id = $"org-{index}",
            Name = $"Fictional Organization {index} (fictional)",
            Kind = kind,
            Website = website,
            Services = [.. services],
        };

    private static Gen<Service> Service(Scope scope, string id) =>
        from types in Gen.Shuffle(Types).SelectMany(all => Gen.Choose(1, 3).Select(n => all.Take(n).ToImmutableArray()))
        from area in Area(scope)
        from ages in Ages()
        from languages in Gen.Shuffle(Tags).SelectMany(all => Gen.Choose(0, 3).Select(n => all.Take(n).Select(LanguageTag.Parse).ToImmutableArray()))
        from contacts in Contacts(scope, id)
        from availability in Availability(scope, id)
        from locationCount in Gen.Choose(0, 3)
        from locations in Gen.CollectToArray(Enumerable.Range(0, locationCount), Location)
        from verified in Gen.Choose(0, 3000).Select(d => new LocalDate(2018, 1, 1).PlusDays(d))
        from population in Population(scope, ages)
        from capacity in scope.Private ? Gen.Elements(Capacity.Accepting, Capacity.Waitlist, Capacity.Full) : Gen.Constant(Capacity.Accepting)
        from warm in scope.Private ? Gen.Elements(true, false) : Gen.Constant(false)
        select new Service
        {
            Id = id,
            Name = $"Fictional service {id}",
            Types = types,
            Area = area,
            Population = population,
            Languages = languages,
            Contacts = contacts,
            Availability = availability,
            Locations = [.. locations],
            LastVerified = verified,
            Capacity = capacity,
            AcceptsWarmTransfers = warm,
        };

    private static Gen<(int? Min, int? Max)> Ages() =>
        from a in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(0, PopulationServed.MaximumAge).Select(x => (int?)x)))
        from b in Gen.Frequency((2, Gen.Constant<int?>(null)), (3, Gen.Choose(0, PopulationServed.MaximumAge).Select(x => (int?)x)))
        select a is { } x && b is { } y && x > y ? (b, a) : (a, b);

    private static Gen<PopulationServed> Population(Scope scope, (int? Min, int? Max) ages) =>
        !scope.Private
            ? Gen.Constant(new PopulationServed { MinAge = ages.Min, MaxAge = ages.Max })
            : from genders in Gen.SubListOf(Enum.GetValues<Gender>())
              from trafficking in Gen.SubListOf(new[] { TraffickingType.Sex, TraffickingType.Labor })
              from statuses in Gen.SubListOf(Enum.GetValues<ImmigrationStatus>())
              select new PopulationServed
              {
                  MinAge = ages.Min,
                  MaxAge = ages.Max,
                  Genders = [.. genders],
                  TraffickingTypes = [.. trafficking],
                  ImmigrationStatuses = [.. statuses],
              };

    private static Gen<ServiceArea> Area(Scope scope)
    {
        var lists =
            from states in Gen.Shuffle(UsState.All.ToArray()).SelectMany(all => Gen.Choose(0, 2).Select(n => all.Take(n).ToImmutableArray()))
            from counties in Gen.ArrayOf(Gen.Choose(0, Counties.Length - 1), 3).SelectMany(ix => Gen.Choose(0, 3).Select(n => ix.Take(n).Distinct().Select(i => Counties[i]).ToImmutableArray()))
            from zips in Gen.ArrayOf(Gen.Choose(0, Zips.Length - 1), 6).SelectMany(ix => Gen.Choose(0, 6).Select(n => ix.Take(n).Distinct().Select(i => Zips[i]).ToImmutableArray()))
            from radii in scope.Radii
                ? Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(
                    from z in Gen.Choose(0, Zips.Length - 1) from km in Gen.Choose(1, 800) select new RadiusArea(Zips[z].Location, km / 4.0), n))
                : Gen.Constant(Array.Empty<RadiusArea>())
            select new ServiceArea { States = states, Counties = counties, Zips = zips, Radii = [.. radii] };
        var some = lists.Where(a => !a.IsEmpty);
        return scope.National ? Gen.Frequency((1, Gen.Constant(ServiceArea.Nationwide)), (4, some)) : some;
    }

    private static Gen<ImmutableArray<ServiceContact>> Contacts(Scope scope, string id)
    {
        var n = (id.Sum(c => c) % 90) + 10;
        var channels = scope.Private
            ? new[] { ContactChannel.Phone, ContactChannel.Text, ContactChannel.Email, ContactChannel.Chat, ContactChannel.WebForm }
            : [ContactChannel.Phone, ContactChannel.Text, ContactChannel.Email];
        return Gen.ArrayOf(Gen.Elements(channels), 4).SelectMany(picked => Gen.Choose(0, 4).Select(count =>
        {
            var list = new List<ServiceContact>();
            for (var i = 0; i < count; i++)
            {
                var channel = picked[i];
                if (channel == ContactChannel.Email && !scope.ManyEmails && list.Any(c => c.Channel == ContactChannel.Email))
                {
                    continue;
                }

                list.Add(new ServiceContact(channel, channel switch
                {
                    ContactChannel.Phone => $"+1-555-01{(n + i) % 100:00}",
                    ContactChannel.Text => $"(713) 555-01{(n + (3 * i)) % 100:00}",
                    ContactChannel.Email => $"intake{i}@{id}.example.org",
                    _ => $"https://{id}.example.org/{(channel == ContactChannel.Chat ? "chat" : "form")}",
                }));
            }

            return list.ToImmutableArray();
        }));
    }

    private static Gen<OpenInterval> Interval() =>
        from open in Gen.Choose(0, 95)
        from close in Gen.Choose(0, 95)
        select new OpenInterval(LocalTime.FromMinutesSinceMidnight(open * 15), LocalTime.FromMinutesSinceMidnight(close * 15));

    private static Gen<ServiceAvailability> Availability(Scope scope, string id)
    {
        var weekly =
            from days in Gen.ArrayOf(Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(Interval(), n)), 7)
            select days.Select((intervals, i) => (Day: (IsoDayOfWeek)(i + 1), intervals))
                .Aggregate(WeeklyHours.Closed, (hours, d) => hours.With(d.Day, d.intervals));
        var calendar =
            from hours in weekly.Where(h => !h.IsAlwaysClosed)
            from zone in scope.AnyZone ? Gen.Elements(scope.Private ? Zones : OffsetZones).Select(z => DateTimeZoneProviders.Tzdb[z]) : Gen.Constant(NewYork)
            from overrides in Overrides(scope, hours)
            select ServiceAvailability.By(new ServiceCalendar("cal-" + id, zone, hours, overrides: overrides));
        return Gen.Frequency((1, Gen.Constant(ServiceAvailability.AlwaysOpen)), (3, calendar));
    }

    /// <summary>
    /// Up to three dated overrides in 2026-2027. HSDS expresses one that keeps its day's weekly hours and adds periods
    /// (dated rows); with <see cref="Scope.Private"/> (every field, not a round trip) also ones that close or replace a day.
    /// </summary>
    private static Gen<DateOverride[]> Overrides(Scope scope, WeeklyHours hours) =>
        from days in Gen.Choose(0, 729).ArrayOf().Select(d => d.Distinct().Take(3).ToArray())
        from overrides in Gen.CollectToArray(days, day =>
            from added in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Interval(), n))
            from kind in scope.Private ? Gen.Choose(0, 2) : Gen.Constant(0)
            let date = new LocalDate(2026, 1, 1).PlusDays(day)
            select kind switch
            {
                0 => DateOverride.SpecialHours(date, [.. hours[date.DayOfWeek], .. added]),
                1 => DateOverride.SpecialHours(date, added),
                _ => DateOverride.Closed(date),
            })
        select overrides;

    private static Gen<ServiceLocation> Location(int index) =>
        from z in Gen.Choose(0, Zips.Length - 1)
        from dLat in Gen.Choose(-500, 500)
        from dLon in Gen.Choose(-500, 500)
        from withZip in Gen.Elements(true, true, false)
        from street in Gen.Elements<string?>(null, $"{100 + index} Fictional Way", $"{20 + index} Example Avenue, Suite {index + 1}")
        from name in Gen.Elements<string?>(null, $"Fictional site {index}")
        from confidential in Gen.Elements(false, false, true)
        let zip = Zips[z]
        select new ServiceLocation
        {
            Name = name,
            StreetAddress = street,
            City = zip.PlaceName,
            State = zip.State,
            Zip = withZip ? zip : null,
            Point = new GeoPoint(Math.Clamp(zip.Location.Latitude + (dLat / 10000.0), -90, 90), Math.Clamp(zip.Location.Longitude + (dLon / 10000.0), -180, 180)),
            IsConfidential = confidential,
        };

    /// <summary>Smaller directories: one organization, service or list item fewer, or a service's hours or area simplified.</summary>
    private static IEnumerable<ImmutableArray<Organization>> Shrink(ImmutableArray<Organization> orgs)
    {
        for (var i = 0; i < orgs.Length && orgs.Length > 1; i++)
        {
            yield return orgs.RemoveAt(i);
        }

        for (var i = 0; i < orgs.Length; i++)
        {
            var org = orgs[i];
            for (var j = 0; j < org.Services.Length; j++)
            {
                if (org.Services.Length > 1)
                {
                    yield return orgs.SetItem(i, With(org, org.Services.RemoveAt(j)));
                }

                foreach (var smaller in ShrinkService(org.Services[j]))
                {
                    yield return orgs.SetItem(i, With(org, org.Services.SetItem(j, smaller)));
                }
            }
        }
    }

    private static Organization With(Organization org, ImmutableArray<Service> services) =>
        new() { Id = org.Id, Name = org.Name, Kind = org.Kind, Website = org.Website, Services = services };

    private static IEnumerable<Service> ShrinkService(Service s)
    {
        Service Copy(Func<Service, Service> f) => f(s);
        if (!s.Locations.IsEmpty)
        {
            yield return Copy(x => Rebuild(x, locations: x.Locations.RemoveAt(0)));
        }

        if (!s.Contacts.IsEmpty)
        {
            yield return Copy(x => Rebuild(x, contacts: x.Contacts.RemoveAt(0)));
        }

        if (!s.Languages.IsEmpty)
        {
            yield return Copy(x => Rebuild(x, languages: x.Languages.RemoveAt(0)));
        }

        if (!s.Availability.IsAlwaysOpen)
        {
            yield return Copy(x => Rebuild(x, availability: ServiceAvailability.AlwaysOpen));
        }

        var a = s.Area;
        var parts = a.States.Length + a.Counties.Length + a.Zips.Length + a.Radii.Length;
        if (parts > 1)
        {
            ServiceArea[] smaller =
            [
                new() { States = a.States, Counties = a.Counties, Zips = a.Zips },
                new() { States = a.States, Counties = a.Counties, Radii = a.Radii },
                new() { States = a.States, Zips = a.Zips, Radii = a.Radii },
                new() { Counties = a.Counties, Zips = a.Zips, Radii = a.Radii },
            ];
            foreach (var area in smaller.Where(x => !x.IsEmpty && x.States.Length + x.Counties.Length + x.Zips.Length + x.Radii.Length < parts))
            {
                yield return Copy(x => Rebuild(x, area: area));
            }
        }
    }

    private static Service Rebuild(
        Service s,
        ImmutableArray<ServiceLocation>? locations = null,
        ImmutableArray<ServiceContact>? contacts = null,
        ImmutableArray<LanguageTag>? languages = null,
        ServiceAvailability? availability = null,
        ServiceArea? area = null) => new()
        {
            Id = s.Id,
            Name = s.Name,
            Types = s.Types,
            Area = area ?? s.Area,
            Population = s.Population,
            Languages = languages ?? s.Languages,
            Contacts = contacts ?? s.Contacts,
            Availability = availability ?? s.Availability,
            Locations = locations ?? s.Locations,
            LastVerified = s.LastVerified,
            Capacity = s.Capacity,
            AcceptsWarmTransfers = s.AcceptsWarmTransfers,
        };
}
