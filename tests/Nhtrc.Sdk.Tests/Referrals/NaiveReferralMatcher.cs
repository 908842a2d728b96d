using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// The reference: docs/referrals.md's filters and weights applied to every service of the directory in
/// a plain LINQ scan, with no index and no shared code beyond the model and geography.
/// </summary>
public static class NaiveReferralMatcher
{
    public sealed record Row(string ServiceId, double Score, CoverageLevel Level, IReadOnlyList<ServiceType> Covered);

    public static List<Row> Eligible(ReferralDirectory directory, ReferralQuery query) =>
        directory.Organizations
            .SelectMany(o => o.Services)
            .Where(s => s.Types.Any(query.Needs.Contains))
            .Where(s => !(query.ExcludeFull && s.Capacity == Capacity.Full))
            .Where(s => Admits(s.Population, query.Client))
            .Select(s => (Service: s, Level: Level(Coarse(s), query.Place, directory.Gazetteer)))
            .Where(x => x.Level is not null)
            .Select(x => new Row(x.Service.Id, Score(x.Service, x.Level!.Value, query), x.Level.Value, [.. query.Needs.Where(x.Service.Types.Contains)]))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.ServiceId, StringComparer.Ordinal)
            .ToList();

    public static bool Admits(PopulationServed p, ClientProfile c)
    {
        // Naively: some age of the disclosed range is within the bounds, tried one year at a time.
        if (c.Age is { } age && !Enumerable.Range(age.Minimum, age.Maximum - age.Minimum + 1).Any(a => (p.MinAge is not { } min || a >= min) && (p.MaxAge is not { } max || a <= max)))
        {
            return false;
        }

        if (c.Gender is { } g && p.Genders.Length > 0 && !p.Genders.Contains(g))
        {
            return false;
        }

        if (c.TraffickingType is TraffickingType.Sex or TraffickingType.Labor && p.TraffickingTypes.Length > 0 && !p.TraffickingTypes.Contains(c.TraffickingType))
        {
            return false;
        }

        return !(c.ImmigrationStatus is { } s && p.ImmigrationStatuses.Length > 0 && !p.ImmigrationStatuses.Contains(s));
    }

    public static CoverageLevel? Level(ServiceArea area, ReferralPlace place, Gazetteer gazetteer)
    {
        bool Reaches(RadiusArea r, GeoPoint p) => GreatCircle.DistanceKilometers(r.Center, p) <= r.RadiusKilometers;
        var levels = new List<CoverageLevel>();
        switch (place.Kind)
        {
            case ReferralPlaceKind.State:
                if (area.Zips.Any(z => z.State == place.State)) { levels.Add(CoverageLevel.Zip); }
                if (area.Radii.Any(r => ReferralPlace.AtPoint(r.Center, gazetteer).State == place.State)) { levels.Add(CoverageLevel.Radius); }
                if (area.Counties.Any(c => c.State == place.State)) { levels.Add(CoverageLevel.County); }
                break;
            case ReferralPlaceKind.County:
                if (area.Zips.Any(z => z.County.Fips == place.County!.Fips)) { levels.Add(CoverageLevel.Zip); }
                if (area.Radii.Any(r => Reaches(r, place.County!.Centroid))) { levels.Add(CoverageLevel.Radius); }
                if (area.Counties.Any(c => c.Fips == place.County!.Fips)) { levels.Add(CoverageLevel.County); }
                break;
            default:
                if (place.Zip is not null && area.Zips.Any(z => z.Zip == place.Zip.Zip)) { levels.Add(CoverageLevel.Zip); }
                if (area.Radii.Any(r => Reaches(r, place.Point))) { levels.Add(CoverageLevel.Radius); }
                if (place.County is not null && area.Counties.Any(c => c.Fips == place.County.Fips)) { levels.Add(CoverageLevel.County); }
                break;
        }

        if (place.State is not null && area.States.Contains(place.State)) { levels.Add(CoverageLevel.State); }
        if (area.IsNational) { levels.Add(CoverageLevel.National); }
        return levels.Count == 0 ? null : levels.Min();
    }

    /// <summary>The grid cell centre the public sees a confidential location at (docs/referrals.md, "Confidential locations").</summary>
    public static GeoPoint Cell(GeoPoint p)
    {
        var band = Math.Min(1799, (int)Math.Floor((p.Latitude + 90) / 0.1));
        var middle = -90 + (0.1 * band) + 0.05;
        var cells = Math.Max(1, (int)Math.Floor(360 * Math.Cos(middle / 180 * Math.PI) / 0.1));
        var width = 360.0 / cells;
        var cell = (int)Math.Floor((p.Longitude + 180) / width) % cells;
        return new GeoPoint(Math.Round(middle, 6), Math.Round(-180 + (width * cell) + (width / 2), 6));
    }

    /// <summary>The area as matching tests it: a service with a confidential location has its radius areas centred on their cells.</summary>
    public static ServiceArea Coarse(Service s) =>
        !s.Locations.Any(l => l.IsConfidential) ? s.Area : new ServiceArea
        {
            IsNational = s.Area.IsNational,
            States = s.Area.States,
            Counties = s.Area.Counties,
            Zips = s.Area.Zips,
            Radii = [.. s.Area.Radii.Select(r => new RadiusArea(Cell(r.Center), r.RadiusKilometers))],
        };

    public static double Score(Service s, CoverageLevel level, ReferralQuery q)
    {
        GeoPoint Seen(ServiceLocation l) => l.IsConfidential && q.Audience != ReferralAudience.Advocate ? Cell(l.Point) : l.Point;

        static double R(double x) => Math.Round(x * 100, MidpointRounding.AwayFromZero) / 100;

        var distance = q.Place.Kind == ReferralPlaceKind.State || s.Locations.IsEmpty
            ? 0
            : R(25 * Math.Max(0, 1 - (s.Locations.Min(l => GreatCircle.DistanceKilometers(q.Place.Point, Seen(l))) / 160)));
        double locality = level switch { CoverageLevel.Zip => 15, CoverageLevel.Radius => 12, CoverageLevel.County => 12, CoverageLevel.State => 6, _ => 0 };
        double language = q.Language is not null && s.Languages.Any(l => l.Value.Split('-')[0] == q.Language.Value.Split('-')[0]) ? 15 : 0;
        double availability = q.Urgency != Urgency.Urgent ? 0 : s.Availability.IsAlwaysOpen ? 15 : s.Availability.Calendar!.IsOpen(q.At) ? 10 : 0;
        double warm = s.AcceptsWarmTransfers ? 5 : 0;
        var days = Math.Max(0, Period.Between(s.LastVerified, q.At.InUtc().Date, PeriodUnits.Days).Days);
        var freshness = R(10 * Math.Max(0, 1 - (days / 730.0)));
        var covered = q.Needs.Count(s.Types.Contains);
        var needs = q.Needs.Length > 1 ? R(10.0 * (covered - 1) / (q.Needs.Length - 1)) : 0;
        double capacity = s.Capacity switch { Capacity.Accepting => 5, Capacity.Waitlist => 2, _ => 0 };
        return R(distance + locality + language + availability + warm + freshness + needs + capacity);
    }
}
