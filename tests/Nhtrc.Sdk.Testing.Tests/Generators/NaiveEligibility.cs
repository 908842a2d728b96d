using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Testing.Tests.Generators;

/// <summary>
/// The hard filters of docs/referrals.md ("Hard filters", "Coverage", "Confidential locations") as a plain scan over every
/// service, written from the page with no index and no code shared with the matcher: which services are eligible.
/// </summary>
internal static class NaiveEligibility
{
    public static HashSet<string> EligibleIds(ReferralDirectory directory, ReferralQuery query)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var organization in directory.Organizations)
        {
            foreach (var service in organization.Services)
            {
                if (IsEligible(service, query, directory.Gazetteer))
                {
                    ids.Add(service.Id);
                }
            }
        }

        return ids;
    }

    public static bool IsEligible(Service service, ReferralQuery query, Gazetteer gazetteer)
    {
        var offersANeed = false;
        foreach (var need in query.Needs)
        {
            offersANeed |= service.Types.Contains(need);
        }

        return offersANeed
            && Covers(service, query.Place, gazetteer)
            && IsInPopulation(service.Population, query.Client)
            && !(query.ExcludeFull && service.Capacity == Capacity.Full);
    }

    private static bool IsInPopulation(PopulationServed p, ClientProfile client)
    {
        if (client.Age is { } range)
        {
            var someAgeFits = false;
            for (var age = range.Minimum; age <= range.Maximum; age++)
            {
                someAgeFits |= (p.MinAge is null || age >= p.MinAge) && (p.MaxAge is null || age <= p.MaxAge);
            }

            if (!someAgeFits)
            {
                return false;
            }
        }

        if (client.Gender is { } gender && p.Genders.Length > 0 && !p.Genders.Contains(gender))
        {
            return false;
        }

        // "both" is eligible when the service serves either form, so only a single form can exclude.
        if ((client.TraffickingType == TraffickingType.Sex || client.TraffickingType == TraffickingType.Labor)
            && p.TraffickingTypes.Length > 0 && !p.TraffickingTypes.Contains(client.TraffickingType))
        {
            return false;
        }

        return client.ImmigrationStatus is not { } status || p.ImmigrationStatuses.Length == 0 || p.ImmigrationStatuses.Contains(status);
    }

    private static bool Covers(Service service, ReferralPlace place, Gazetteer gazetteer)
    {
        var area = service.Area;
        if (area.IsNational || (place.State is not null && area.States.Contains(place.State)))
        {
            return true;
        }

        // A service with a confidential location has its radii tested from the centre of the cell of each centre.
        var coarse = service.Locations.Any(l => l.IsConfidential);
        var radii = area.Radii.Select(r => (Center: coarse ? CellCentre(r.Center) : r.Center, r.RadiusKilometers)).ToList();
        switch (place.Kind)
        {
            case ReferralPlaceKind.State:
                return area.Zips.Any(z => z.State == place.State)
                    || radii.Any(r => ReferralPlace.AtPoint(r.Center, gazetteer).State == place.State)
                    || area.Counties.Any(c => c.State == place.State);
            case ReferralPlaceKind.County:
                return area.Zips.Any(z => z.County.Fips == place.County!.Fips)
                    || radii.Any(r => GreatCircle.DistanceKilometers(r.Center, place.County!.Centroid) <= r.RadiusKilometers)
                    || area.Counties.Any(c => c.Fips == place.County!.Fips);
            default:
                return (place.Zip is { } zip && area.Zips.Any(z => z.Zip == zip.Zip))
                    || radii.Any(r => GreatCircle.DistanceKilometers(r.Center, place.Point) <= r.RadiusKilometers)
                    || (place.County is { } county && area.Counties.Any(c => c.Fips == county.Fips));
        }
    }

    // Bands of 0.1 degree of latitude, each cut into equal cells about 0.1 degree of longitude wide at its middle.
    private static GeoPoint CellCentre(GeoPoint p)
    {
        var band = Math.Min(1799, (int)Math.Floor((p.Latitude + 90) / 0.1));
        var middle = -90 + (band * 0.1) + 0.05;
        var cells = Math.Max(1, (int)Math.Floor(360 * Math.Cos(middle * Math.PI / 180) / 0.1));
        var width = 360.0 / cells;
        var cell = (int)Math.Floor((p.Longitude + 180) / width) % cells;
        return new GeoPoint(Math.Round(middle, 6), Math.Round(-180 + (cell * width) + (width / 2), 6));
    }
}
