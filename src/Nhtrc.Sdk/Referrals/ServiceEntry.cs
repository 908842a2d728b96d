using System;
using System.Runtime.InteropServices;
using Nhtrc.Sdk.Geography;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A service with what matching reads on every candidate, precomputed once when the directory is built.
/// A struct, kept in one array in service id order, so that a directory is not 100,000 more objects;
/// pass it by reference.
/// </summary>
internal readonly struct ServiceEntry
{
    public ServiceEntry(Service service, Organization organization, int organizationIndex, Gazetteer gazetteer)
    {
        Service = service;
        Organization = organization;
        OrganizationIndex = organizationIndex;
        foreach (var type in service.Types)
        {
            TypeMask |= 1u << (int)type;
        }

        // The area's own arrays, read and never written here: immutable arrays are never empty-defaulted
        // (Service and ServiceArea coalesce default to empty), and sharing them costs nothing per service.
        var area = service.Area;
        IsNational = area.IsNational;
        foreach (var state in area.States)
        {
            StateMask |= 1ul << state.Index;
        }

        Counties = ImmutableCollectionsMarshal.AsArray(area.Counties)!;
        foreach (var county in Counties)
        {
            TouchedStateMask |= 1ul << county.State.Index;
        }

        Zips = ImmutableCollectionsMarshal.AsArray(area.Zips)!;
        foreach (var zip in Zips)
        {
            TouchedStateMask |= 1ul << zip.State.Index;
        }

        // A service with a confidential location (a shelter) is seen by everyone only through the grid: its radius
        // areas are tested from the centre of the cell holding their centre, or a caller could find a radius centred
        // on the shelter by bisecting its edge; and the public measures distances to the location's cell centre.
        var locations = service.Locations;
        foreach (var location in locations)
        {
            if (location.IsConfidential)
            {
                PublicPoints = new GeoPoint[locations.Length];
                for (var i = 0; i < locations.Length; i++)
                {
                    PublicPoints[i] = locations[i].IsConfidential ? ConfidentialGrid.CellCenter(locations[i].Point) : locations[i].Point;
                }

                break;
            }
        }

        Radii = ImmutableCollectionsMarshal.AsArray(area.Radii)!;
        if (PublicPoints is not null && Radii.Length > 0)
        {
            var coarse = new RadiusArea[Radii.Length];
            for (var i = 0; i < coarse.Length; i++)
            {
                coarse[i] = new RadiusArea(ConfidentialGrid.CellCenter(Radii[i].Center), Radii[i].RadiusKilometers);
            }

            Radii = coarse;
        }

        RadiusCenterStates = Radii.Length == 0 ? [] : new int[Radii.Length];
        for (var i = 0; i < Radii.Length; i++)
        {
            var state = ReferralPlace.StateAt(Radii[i].Center, gazetteer);
            RadiusCenterStates[i] = state?.Index ?? -1;
            if (state is not null)
            {
                TouchedStateMask |= 1ul << state.Index;
            }
        }

        VerifiedDay = DayNumber(service.LastVerified);
    }

    public Service Service { get; }

    public Organization Organization { get; }

    /// <summary>The organization's position in the directory: a key that does not need the organization read from memory.</summary>
    public int OrganizationIndex { get; }

    public uint TypeMask { get; }

    public bool IsNational { get; }

    public ulong StateMask { get; }

    /// <summary>States holding a county, ZIP code or radius centre of the area.</summary>
    public ulong TouchedStateMask { get; }

    public UsCounty[] Counties { get; }

    public ZipCodeInfo[] Zips { get; }

    /// <summary>The area's radius areas as matching tests them: centred on their grid cell when <see cref="PublicPoints"/> is set.</summary>
    public RadiusArea[] Radii { get; }

    /// <summary>
    /// Where the public sees each of the service's locations from, in their order: the centre of its grid cell for a
    /// confidential location, the point itself otherwise; null when no location is confidential.
    /// </summary>
    public GeoPoint[]? PublicPoints { get; }

    /// <summary>The point distances to location <paramref name="index"/> are measured to, for an audience.</summary>
    public GeoPoint PointOf(int index, bool forPublic) =>
        forPublic && PublicPoints is { } points ? points[index] : Service.Locations[index].Point;

    public int[] RadiusCenterStates { get; }

    public int VerifiedDay { get; }

    /// <summary>
    /// The day's number, counting 0001-01-01 as 0 (as <see cref="DateOnly.DayNumber"/> does), for every ISO date
    /// NodaTime has, including year 0 and before (negative then), so that no verification date or query instant throws.
    /// </summary>
    public static int DayNumber(LocalDate date)
    {
        // Days from the civil date in the proleptic Gregorian calendar (H. Hinnant's days_from_civil), which
        // counts from 0000-03-01; 0001-01-01 is day 306 of that count.
        date = date.WithCalendar(CalendarSystem.Iso);
        var month = date.Month;
        var year = date.Year - (month <= 2 ? 1 : 0);
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = (((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5) + date.Day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 306;
    }

    /// <summary>The most local way the area covers <paramref name="place"/>; null when it does not.</summary>
    public CoverageLevel? Cover(ReferralPlace place) => Cover(place, new GreatCircle.Endpoint(place.Point));

    /// <summary>As <see cref="Cover(ReferralPlace)"/>, with the place's point prepared once for every candidate.</summary>
    public CoverageLevel? Cover(ReferralPlace place, in GreatCircle.Endpoint point)
    {
        var state = place.State;
        switch (place.Kind)
        {
            case ReferralPlaceKind.State:
                var bit = 1ul << state!.Index;
                if ((TouchedStateMask & bit) != 0)
                {
                    foreach (var zip in Zips)
                    {
                        if (zip.State == state)
                        {
                            return CoverageLevel.Zip;
                        }
                    }

                    if (Array.IndexOf(RadiusCenterStates, state.Index) >= 0)
                    {
                        return CoverageLevel.Radius;
                    }

                    foreach (var listed in Counties)
                    {
                        if (listed.Fips.StartsWith(state.Fips, StringComparison.Ordinal))
                        {
                            return CoverageLevel.County;
                        }
                    }
                }

                break;

            case ReferralPlaceKind.County:
                var county = place.County!.Fips;
                foreach (var zip in Zips)
                {
                    if (zip.County.Fips == county)
                    {
                        return CoverageLevel.Zip;
                    }
                }

                if (InRadius(point))
                {
                    return CoverageLevel.Radius;
                }

                if (ListsCounty(county))
                {
                    return CoverageLevel.County;
                }

                break;

            default:
                if (place.Zip is { } placeZip)
                {
                    foreach (var zip in Zips)
                    {
                        if (zip.Zip == placeZip.Zip)
                        {
                            return CoverageLevel.Zip;
                        }
                    }
                }

                if (InRadius(point))
                {
                    return CoverageLevel.Radius;
                }

                if (place.County is { } c && ListsCounty(c.Fips))
                {
                    return CoverageLevel.County;
                }

                break;
        }

        if (state is not null && (StateMask & (1ul << state.Index)) != 0)
        {
            return CoverageLevel.State;
        }

        return IsNational ? CoverageLevel.National : null;
    }

    /// <summary>True when the service lists a tag with this primary language subtag ("es" for "es-MX").</summary>
    public bool OffersLanguage(string language)
    {
        foreach (var tag in Service.Languages)
        {
            if (tag.Language == language)
            {
                return true;
            }
        }

        return false;
    }

    private bool ListsCounty(string fips)
    {
        foreach (var county in Counties)
        {
            if (county.Fips == fips)
            {
                return true;
            }
        }

        return false;
    }

    // As RadiusArea.Contains; the distance is measured from the place, which is the same number.
    private bool InRadius(in GreatCircle.Endpoint point)
    {
        foreach (var radius in Radii)
        {
            if (GreatCircle.DistanceKilometersFrom(point, radius.Center) <= radius.RadiusKilometers)
            {
                return true;
            }
        }

        return false;
    }
}
