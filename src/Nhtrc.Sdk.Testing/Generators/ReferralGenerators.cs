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

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// The generators and shrinkers behind <see cref="NhtrcGenerators.DirectoriesAround"/> and
/// <see cref="NhtrcGenerators.ReferralQueriesAround"/>: random services and queries over one pool of places, so that
/// areas overlap, radii cross state lines and queries land where services are.
/// </summary>
internal sealed class ReferralGenerators
{
    private static readonly ServiceType[] Types =
        [ServiceType.EmergencyShelter, ServiceType.LegalServices, ServiceType.CaseManagement, ServiceType.MentalHealth, ServiceType.Interpretation];

    private static readonly string[] LanguageTags = ["en", "es", "es-MX", "zh", "vi"];

    private static readonly ServiceCalendar OfficeHours = new(
        "office-hours", DateTimeZoneProviders.Tzdb["America/New_York"],
        WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00")), [HolidayCalendar.UsFederal]);

    // Open all week but Monday, and Tuesday only in the evening into Wednesday: a calendar whose day crosses midnight.
    private static readonly ServiceCalendar Evenings = new(
        "evenings", DateTimeZoneProviders.Tzdb["America/Denver"],
        WeeklyHours.AlwaysOpen.With(IsoDayOfWeek.Monday).With(IsoDayOfWeek.Tuesday, OpenInterval.Parse("18:00-02:00")));

    private readonly ZipCodeInfo[] zips;
    private readonly UsCounty[] counties;
    private readonly UsState[] states;
    private readonly Gazetteer gazetteer;

    public ReferralGenerators(IEnumerable<ZipCodeInfo> pool, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(pool);
        zips = [.. pool.DistinctBy(z => z.Zip)];
        if (zips.Length == 0)
        {
            throw new ArgumentException("The pool of ZIP codes is empty.", nameof(pool));
        }

        counties = [.. zips.Select(z => z.County).Distinct()];
        states = [.. zips.Select(z => z.State).Distinct()];
        this.gazetteer = gazetteer;
    }

    public Gen<ReferralDirectory> Directories =>
        from count in Gen.Frequency((1, Gen.Choose(0, 5)), (4, Gen.Choose(5, 60)))
        from sizes in Gen.ArrayOf(Gen.Choose(1, 3), count)
        from padded in Gen.ArrayOf(Gen.Elements(true, false), count)
        from services in Gen.ArrayOf(ServiceGen, count)
        select Directory(sizes, padded, services);

    public Gen<ReferralQuery> Queries =>
        from first in Gen.Elements(Types)
        from more in Gen.Frequency((3, Gen.Constant(Array.Empty<ServiceType>())), (1, Gen.SubListOf(Types).Select(l => l.ToArray())))
        from place in PlaceGen
        from age in Gen.Frequency(
            (1, Gen.Constant<AgeRange?>(null)),
            (1, Gen.Choose(0, 89).Select(a => (AgeRange?)AgeRange.Exactly(a))),
            (1, from a in Gen.Choose(0, 89) from w in Gen.Choose(0, 29) select (AgeRange?)AgeRange.Between(a, Math.Min(a + w, AgeRange.MaximumAge))))
        from gender in Gen.Frequency((1, Gen.Constant<Gender?>(null)), (2, Gen.Elements(Enum.GetValues<Gender>()).Select(g => (Gender?)g)))
        from trafficking in Gen.Elements(Enum.GetValues<TraffickingType>())
        from status in Gen.Frequency((1, Gen.Constant<ImmigrationStatus?>(null)), (2, Gen.Elements(Enum.GetValues<ImmigrationStatus>()).Select(s => (ImmigrationStatus?)s)))
        from language in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Gen.Elements(LanguageTags).Select(l => (string?)l)))
        from urgent in Gen.Elements(true, false)
        from minutes in Gen.Choose(0, 2 * 365 * 24 * 60)
        from count in Gen.Choose(1, 15)
        from excludeFull in Gen.Elements(true, false)
        from advocate in Gen.Elements(true, false)
        select new ReferralQuery
        {
            Needs = [.. new[] { first }.Concat(more).Distinct().Take(3)],
            Place = place,
            Client = new ClientProfile { Age = age, Gender = gender, TraffickingType = trafficking, ImmigrationStatus = status },
            Language = language is null ? null : LanguageTag.Parse(language),
            Urgency = urgent ? Urgency.Urgent : Urgency.NonUrgent,
            At = Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromMinutes(minutes),
            Count = count,
            ExcludeFull = excludeFull,
            Audience = advocate ? ReferralAudience.Advocate : ReferralAudience.Public,
        };

    private Gen<ReferralPlace> PlaceGen =>
        Gen.Frequency(
            (2, Gen.Elements(zips).Select(ReferralPlace.AtZip)),
            (1, Gen.Elements(counties).Select(ReferralPlace.InCounty)),
            (1, Gen.Elements(states).Select(s => ReferralPlace.InState(s, gazetteer))),
            (1, JitterGen(0.5).Select(p => ReferralPlace.AtPoint(p, gazetteer))),
            (1, JitterGen(2).Select(p => ReferralPlace.AtPoint(p, gazetteer))));

    // A service without its id (given when the directory is put together): types, area, population, languages,
    // hours, warm transfers, capacity, up to two locations (perhaps confidential), a fictional phone and a verification date.
    private Gen<Func<string, Service>> ServiceGen =>
        from first in Gen.Elements(Types)
        from more in Gen.SubListOf(Types)
        from area in Gen.Frequency((1, Gen.Constant(ServiceArea.Nationwide)), (7, AreaGen))
        from population in PopulationGen
        from languages in Gen.SubListOf(LanguageTags)
        from availability in Gen.Frequency(
            (3, Gen.Constant<Func<string, ServiceAvailability>>(_ => ServiceAvailability.AlwaysOpen)),
            (2, Gen.Constant<Func<string, ServiceAvailability>>(_ => ServiceAvailability.By(OfficeHours))),
            (2, Gen.Constant<Func<string, ServiceAvailability>>(_ => ServiceAvailability.By(Evenings))),
            (1, NhtrcGenerators.DefinitionsNear(new LocalDate(2025, 12, 20))
                .Select(d => (Func<string, ServiceAvailability>)(id => ServiceAvailability.By(d.ToServiceCalendar("hours-" + id))))))
        from warm in Gen.Elements(true, false)
        from capacity in Gen.Elements(Enum.GetValues<Capacity>())
        from locations in Gen.Frequency((1, Gen.Choose(0, 0)), (1, Gen.Choose(1, 1)), (1, Gen.Choose(2, 2))).SelectMany(n => Gen.ArrayOf(LocationGen, n))
        from phone in Gen.Choose(0, 99)
        from verified in Gen.Choose(0, 4 * 365)
        select (Func<string, Service>)(id => new Service
        {
            Id = id,
            Name = $"Service {id}",
            Types = [.. new[] { first }.Concat(more).Distinct().Take(3)],
            Area = area,
            Population = population,
            Languages = [.. languages.Select(LanguageTag.Parse)],
            Availability = availability(id),
            AcceptsWarmTransfers = warm,
            Capacity = capacity,
            Locations = [.. locations.Select((l, i) => l(id, i))],
            Contacts = [new ServiceContact(ContactChannel.Phone, $"+1-202-555-01{phone:00}")],
            LastVerified = new LocalDate(2023, 1, 1).PlusDays(verified),
        });

    private Gen<ServiceArea> AreaGen =>
        from count in Gen.Frequency((8, Gen.Constant(1)), (4, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from parts in Gen.ArrayOf(AreaPartGen, count)
        select new ServiceArea
        {
            States = [.. parts.OfType<UsState>().Distinct()],
            Counties = [.. parts.OfType<UsCounty>().Distinct()],
            Zips = [.. parts.OfType<ZipCodeInfo>().Distinct()],
            Radii = [.. parts.OfType<RadiusArea>()],
        };

    private Gen<object> AreaPartGen =>
        Gen.Frequency(
            (1, Gen.Elements(states).Select(s => (object)s)),
            (1, Gen.Elements(counties).Select(c => (object)c)),
            (1, Gen.Elements(zips).Select(z => (object)z)),
            (1, from center in JitterGen(1)
                from km in Gen.Frequency((1, Gen.Choose(1000, 4999)), (4, Gen.Choose(1, 150)))
                select (object)new RadiusArea(center, km)));

    private static Gen<PopulationServed> PopulationGen =>
        Gen.Frequency(
            (1, Gen.Constant(PopulationServed.Everyone)),
            (3, from min in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 29).Select(a => (int?)a)))
                from width in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 59).Select(a => (int?)a)))
                from genders in Gen.SubListOf(Enum.GetValues<Gender>())
                from types in Gen.SubListOf(TraffickingType.Sex, TraffickingType.Labor)
                from statuses in Gen.SubListOf(Enum.GetValues<ImmigrationStatus>())
                select new PopulationServed
                {
                    MinAge = min,
                    MaxAge = width is { } w ? (min ?? 0) + w : null,
                    Genders = [.. genders],
                    TraffickingTypes = [.. types],
                    ImmigrationStatuses = [.. statuses],
                }));

    // A site near one of the pool's ZIP codes, its street address unique to the service (so a leak is found by text).
    private Gen<Func<string, int, ServiceLocation>> LocationGen =>
        from zip in Gen.Elements(zips)
        from north in Gen.Choose(-100, 100)
        from east in Gen.Choose(-100, 100)
        from number in Gen.Choose(1, 999)
        from confidential in Gen.Elements(true, false)
        select (Func<string, int, ServiceLocation>)((id, i) => new ServiceLocation
        {
            Name = "Site " + (i + 1),
            StreetAddress = $"{number} Fictional Lane {id}-{i}",
            City = zip.PlaceName,
            State = zip.State,
            Zip = zip,
            Point = Move(zip.Location, north / 1000.0, east / 1000.0),
            IsConfidential = confidential,
        });

    private Gen<GeoPoint> JitterGen(double degrees) =>
        from zip in Gen.Elements(zips)
        from north in Gen.Choose(-500, 500)
        from east in Gen.Choose(-500, 500)
        select Move(zip.Location, north * degrees / 1000, east * degrees / 1000);

    private static GeoPoint Move(GeoPoint point, double north, double east) =>
        new(Math.Clamp(Math.Round(point.Latitude + north, 4), -90, 90), Math.Clamp(Math.Round(point.Longitude + east, 4), -180, 180));

    // Organizations of one to three services each; ids zero-padded sometimes and not others, so id order and the
    // order of creation differ.
    private ReferralDirectory Directory(int[] sizes, bool[] padded, Func<string, Service>[] services)
    {
        var organizations = new List<Organization>();
        var n = 0;
        while (n < services.Length)
        {
            var count = Math.Min(services.Length - n, sizes[organizations.Count]);
            var list = new List<Service>();
            for (var i = 0; i < count; i++, n++)
            {
                list.Add(services[n](padded[n] ? $"s{n:D3}" : $"s{n}"));
            }

            organizations.Add(new Organization
            {
                Id = $"o{organizations.Count}",
                Name = $"Organization {organizations.Count} (fictional)",
                Kind = OrganizationKind.ServiceProvider,
                Services = [.. list],
            });
        }

        return ReferralDirectory.Create(organizations, gazetteer);
    }

    /// <summary>Smaller directories: an organization left out, a service left out, then a service made plainer (fewer sites, everyone, 24/7, no languages, one type, one area).</summary>
    public static IEnumerable<ReferralDirectory> Shrink(ReferralDirectory directory)
    {
        var organizations = directory.Organizations;
        for (var i = organizations.Length - 1; i >= 0; i--)
        {
            yield return ReferralDirectory.Create(organizations.RemoveAt(i), directory.Gazetteer);
        }

        for (var i = 0; i < organizations.Length; i++)
        {
            var services = organizations[i].Services;
            for (var j = 0; j < services.Length; j++)
            {
                if (services.Length > 1)
                {
                    yield return With(directory, i, services.RemoveAt(j));
                }

                foreach (var plainer in Plainer(services[j]))
                {
                    yield return With(directory, i, services.SetItem(j, plainer));
                }
            }
        }
    }

    /// <summary>Plainer queries: one need, nothing disclosed, no language, not urgent, the default count, no filter on capacity, the public.</summary>
    public static IEnumerable<ReferralQuery> Shrink(ReferralQuery query)
    {
        if (query.Needs.Length > 1)
        {
            yield return Copy(query, needs: [query.Needs[0]]);
        }

        if (query.Client != ClientProfile.Unknown)
        {
            yield return Copy(query, client: ClientProfile.Unknown);
        }

        if (query.Language is not null)
        {
            yield return Copy(query, clearLanguage: true);
        }

        if (query.Urgency != Urgency.NonUrgent)
        {
            yield return Copy(query, urgency: Urgency.NonUrgent);
        }

        if (query.Count != ReferralQuery.DefaultCount)
        {
            yield return Copy(query, count: ReferralQuery.DefaultCount);
        }

        if (query.ExcludeFull)
        {
            yield return Copy(query, excludeFull: false);
        }

        if (query.Audience != ReferralAudience.Public)
        {
            yield return Copy(query, audience: ReferralAudience.Public);
        }
    }

    private static ReferralDirectory With(ReferralDirectory directory, int organization, ImmutableArray<Service> services)
    {
        var o = directory.Organizations[organization];
        var changed = new Organization { Id = o.Id, Name = o.Name, Kind = o.Kind, Website = o.Website, CoLeadIds = o.CoLeadIds, Services = services };
        return ReferralDirectory.Create(directory.Organizations.SetItem(organization, changed), directory.Gazetteer);
    }

    private static IEnumerable<Service> Plainer(Service s)
    {
        if (s.Locations.Length > 0)
        {
            yield return Copy(s, locations: []);
        }

        for (var i = 0; s.Locations.Length > 1 && i < s.Locations.Length; i++)
        {
            yield return Copy(s, locations: s.Locations.RemoveAt(i));
        }

        if (s.Population != PopulationServed.Everyone)
        {
            yield return Copy(s, population: PopulationServed.Everyone);
        }

        if (!s.Availability.IsAlwaysOpen)
        {
            yield return Copy(s, availability: ServiceAvailability.AlwaysOpen);
        }

        if (s.Languages.Length > 0)
        {
            yield return Copy(s, languages: []);
        }

        if (s.Types.Length > 1)
        {
            yield return Copy(s, types: [s.Types[0]]);
        }

        var a = s.Area;
        if (!a.IsNational && a.States.Length + a.Counties.Length + a.Zips.Length + a.Radii.Length > 1)
        {
            ServiceArea single = a.Zips.Length > 0 ? new() { Zips = [a.Zips[0]] }
                : a.Counties.Length > 0 ? new() { Counties = [a.Counties[0]] }
                : a.States.Length > 0 ? new() { States = [a.States[0]] }
                : new() { Radii = [a.Radii[0]] };
            yield return Copy(s, area: single);
        }
    }

    private static Service Copy(
        Service s, ImmutableArray<ServiceType>? types = null, ServiceArea? area = null, PopulationServed? population = null,
        ImmutableArray<LanguageTag>? languages = null, ServiceAvailability? availability = null, ImmutableArray<ServiceLocation>? locations = null) => new()
    {
        Id = s.Id,
        Name = s.Name,
        Types = types ?? s.Types,
        Area = area ?? s.Area,
        Population = population ?? s.Population,
        Languages = languages ?? s.Languages,
        Availability = availability ?? s.Availability,
        AcceptsWarmTransfers = s.AcceptsWarmTransfers,
        Capacity = s.Capacity,
        Locations = locations ?? s.Locations,
        Contacts = s.Contacts,
        LastVerified = s.LastVerified,
    };

    private static ReferralQuery Copy(
        ReferralQuery q, ImmutableArray<ServiceType>? needs = null, ClientProfile? client = null, bool clearLanguage = false, Urgency? urgency = null,
        int? count = null, bool? excludeFull = null, ReferralAudience? audience = null) => new()
    {
        Needs = needs ?? q.Needs,
        Place = q.Place,
        Client = client ?? q.Client,
        Language = clearLanguage ? null : q.Language,
        Urgency = urgency ?? q.Urgency,
        At = q.At,
        Count = count ?? q.Count,
        ExcludeFull = excludeFull ?? q.ExcludeFull,
        Audience = audience ?? q.Audience,
    };
}
