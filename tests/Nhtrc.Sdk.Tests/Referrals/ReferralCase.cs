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

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// A random directory and query, built from seeds FsCheck chooses: places come from a small pool of real
/// ZIP codes in DC, MD, VA and DE (so areas overlap a lot and radii cross state lines), plus Wyoming far away.
/// The seeds are printed so a failure can be replayed.
/// </summary>
public sealed record ReferralCase(int DirectorySeed, int Services, int QuerySeed)
{
    private ReferralDirectory? directory;
    private ReferralQuery? query;

    public ReferralDirectory Directory => directory ??= Pool.Directory(DirectorySeed, Services);

    public ReferralQuery Query => query ??= Pool.Query(QuerySeed);

    public override string ToString() => $"directory seed {DirectorySeed}, {Services} services; query seed {QuerySeed}: {Query}, client {Query.Client}, at {Query.At}, urgency {Query.Urgency}";
}

public static class ReferralArbitraries
{
    public static Arbitrary<ReferralCase> Cases() => Arb.From(
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from services in Gen.Frequency((1, Gen.Choose(0, 5)), (4, Gen.Choose(5, 60)))
        from querySeed in Gen.Choose(0, int.MaxValue - 1)
        select new ReferralCase(seed, services, querySeed));
}

internal static class Pool
{
    public static readonly ServiceType[] Types =
        [ServiceType.EmergencyShelter, ServiceType.LegalServices, ServiceType.CaseManagement, ServiceType.MentalHealth, ServiceType.Interpretation];

    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    public static readonly ZipCodeInfo[] Zips =
    [
        .. Gazetteer.Zips.Where(z => z.State.Code is "DC" or "MD" or "VA" or "DE").Where((_, i) => i % 40 == 0),
        .. Gazetteer.Zips.Where(z => z.State.Code == "WY").Take(3),
    ];

    public static readonly UsCounty[] Counties = [.. Zips.Select(z => z.County).Distinct()];

    public static readonly UsState[] States = [.. Zips.Select(z => z.State).Distinct()];

    private static readonly string[] Languages = ["en", "es", "es-MX", "zh", "vi"];

    private static readonly ServiceCalendar OfficeHours = new(
        "office", DateTimeZoneProviders.Tzdb["America/New_York"],
        WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00")), [HolidayCalendar.UsFederal]);

    private static readonly ServiceCalendar Evenings = new(
        "evenings", DateTimeZoneProviders.Tzdb["America/Denver"],
        WeeklyHours.AlwaysOpen.With(IsoDayOfWeek.Monday).With(IsoDayOfWeek.Tuesday, OpenInterval.Parse("18:00-02:00")));

    public static ReferralDirectory Directory(int seed, int services)
    {
        var random = new Random(seed);
        var organizations = new List<Organization>();
        var n = 0;
        while (n < services)
        {
            var count = Math.Min(services - n, 1 + random.Next(3));
            var list = new List<Service>();
            for (var i = 0; i < count; i++)
            {
                // Ids are zero-padded sometimes and not others, so id order and creation order differ.
                list.Add(Service(random, random.Next(2) == 0 ? $"s{n:D3}" : $"s{n}"));
                n++;
            }

            organizations.Add(new Organization
            {
                Id = $"o{organizations.Count}",
                Name = $"Org {organizations.Count} (fictional)",
                Kind = OrganizationKind.ServiceProvider,
                Services = [.. list],
            });
        }

        return ReferralDirectory.Create(organizations);
    }

    public static ReferralQuery Query(int seed)
    {
        var random = new Random(seed);
        var needs = Types.OrderBy(_ => random.Next()).Take(1 + random.Next(random.Next(4) == 0 ? 3 : 1)).ToImmutableArray();
        var zip = Pick(random, Zips);
        var place = random.Next(6) switch
        {
            0 or 1 => ReferralPlace.AtZip(zip),
            2 => ReferralPlace.InCounty(Pick(random, Counties)),
            3 => ReferralPlace.InState(Pick(random, States)),
            4 => ReferralPlace.AtPoint(Jitter(random, zip.Location, 0.5)),
            _ => ReferralPlace.AtPoint(new GeoPoint(38 + random.NextDouble(), -78 + random.NextDouble())),
        };
        return new ReferralQuery
        {
            Needs = needs,
            Place = place,
            Client = new ClientProfile
            {
                Age = random.Next(3) switch { 0 => null, 1 => AgeRange.Exactly(random.Next(0, 90)), _ => Range(random.Next(0, 90), random.Next(0, 30)) },
                Gender = random.Next(3) == 0 ? null : (Gender)(1 + random.Next(3)),
                TraffickingType = (TraffickingType)random.Next(4),
                ImmigrationStatus = random.Next(3) == 0 ? null : (ImmigrationStatus)(1 + random.Next(3)),
            },
            Language = random.Next(3) == 0 ? null : LanguageTag.Parse(Pick(random, Languages)),
            Urgency = random.Next(2) == 0 ? Urgency.Urgent : Urgency.NonUrgent,
            At = Instant.FromUtc(2025, 1, 1, 0, 0).Plus(Duration.FromMinutes(random.Next(0, 2 * 365 * 24 * 60))),
            Count = 1 + random.Next(15),
            ExcludeFull = random.Next(2) == 0,
            Audience = random.Next(2) == 0 ? ReferralAudience.Public : ReferralAudience.Advocate,
        };
    }

    private static AgeRange Range(int minimum, int width) => AgeRange.Between(minimum, Math.Min(minimum + width, AgeRange.MaximumAge));

    private static Service Service(Random random, string id)
    {
        var area = random.Next(8) == 0 ? ServiceArea.Nationwide : Area(random);
        int? min = random.Next(3) == 0 ? random.Next(0, 30) : null;
        int? max = random.Next(3) == 0 ? (min ?? 0) + random.Next(0, 60) : null;
        return new Service
        {
            Id = id,
            Name = $"Service {id}",
            Types = [.. Types.OrderBy(_ => random.Next()).Take(1 + random.Next(3))],
            Area = area,
            Population = new PopulationServed
            {
                MinAge = min,
                MaxAge = max,
                Genders = [.. Enum.GetValues<Gender>().Where(_ => random.Next(3) == 0)],
                TraffickingTypes = [.. new[] { TraffickingType.Sex, TraffickingType.Labor }.Where(_ => random.Next(3) == 0)],
                ImmigrationStatuses = [.. Enum.GetValues<ImmigrationStatus>().Where(_ => random.Next(3) == 0)],
            },
            Languages = [.. Languages.Where(_ => random.Next(3) == 0).Select(LanguageTag.Parse).DistinctBy(l => l.Value)],
            Availability = random.Next(3) switch
            {
                0 => ServiceAvailability.AlwaysOpen,
                1 => ServiceAvailability.By(OfficeHours),
                _ => ServiceAvailability.By(Evenings),
            },
            AcceptsWarmTransfers = random.Next(2) == 0,
            Capacity = (Capacity)(1 + random.Next(3)),
            Locations = [.. Enumerable.Range(0, random.Next(3)).Select(i => Location(random, $"{id}-{i}"))],
            Contacts = [new ServiceContact(ContactChannel.Phone, "+1-202-555-0100")],
            LastVerified = new LocalDate(2023, 1, 1).PlusDays(random.Next(0, 4 * 365)),
        };
    }

    private static ServiceArea Area(Random random)
    {
        var states = ImmutableArray<UsState>.Empty;
        var counties = ImmutableArray<UsCounty>.Empty;
        var zips = ImmutableArray<ZipCodeInfo>.Empty;
        var radii = ImmutableArray<RadiusArea>.Empty;
        do
        {
            switch (random.Next(4))
            {
                case 0: states = states.Add(Pick(random, States)); break;
                case 1: counties = counties.Add(Pick(random, Counties)); break;
                case 2: zips = zips.Add(Pick(random, Zips)); break;
                default:
                    var km = random.Next(5) == 0 ? 1000 + random.Next(4000) : 1 + random.Next(150);
                    radii = radii.Add(new RadiusArea(Jitter(random, Pick(random, Zips).Location, 1), km));
                    break;
            }
        }
        while (random.Next(2) == 0);

        return new ServiceArea { States = [.. states.Distinct()], Counties = [.. counties.Distinct()], Zips = [.. zips.Distinct()], Radii = radii };
    }

    private static ServiceLocation Location(Random random, string unique)
    {
        var zip = Pick(random, Zips);
        return new ServiceLocation
        {
            Name = "Site",
            StreetAddress = $"{random.Next(1, 999)} Secret Lane {unique}",
            City = zip.PlaceName,
            State = zip.State,
            Zip = zip,
            Point = Jitter(random, zip.Location, 0.2),
            IsConfidential = random.Next(2) == 0,
        };
    }

    private static GeoPoint Jitter(Random random, GeoPoint point, double degrees) =>
        new(Math.Clamp(point.Latitude + ((random.NextDouble() - 0.5) * degrees), -90, 90),
            Math.Clamp(point.Longitude + ((random.NextDouble() - 0.5) * degrees), -180, 180));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
