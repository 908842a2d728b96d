using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Nhtrc.Sdk.Geography;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>A service with what matching reads on every candidate, precomputed once when the directory is built.</summary>
internal sealed class ServiceEntry
{
    public ServiceEntry(int index, Service service, Organization organization, Gazetteer gazetteer, PrimaryLanguageCache? primaryLanguages = null)
    {
        Index = index;
        Service = service;
        Organization = organization;
        foreach (var type in service.Types)
        {
            TypeMask |= 1u << (int)type;
        }

        var area = service.Area;
        IsNational = area.IsNational;
        foreach (var state in area.States)
        {
            StateMask |= 1ul << state.Index;
        }

        CountyFips = area.Counties.IsEmpty ? [] : new string[area.Counties.Length];
        for (var i = 0; i < CountyFips.Length; i++)
        {
            CountyFips[i] = area.Counties[i].Fips;
            TouchedStateMask |= 1ul << area.Counties[i].State.Index;
        }

        // The area's own arrays, read and never written here: immutable arrays are never empty-defaulted (Service and ServiceArea coalesce default to empty).
        Zips = ImmutableCollectionsMarshal.AsArray(area.Zips)!;
        foreach (var zip in Zips)
        {
            TouchedStateMask |= 1ul << zip.State.Index;
        }

        Radii = ImmutableCollectionsMarshal.AsArray(area.Radii)!;
        RadiusCenterStates = Radii.Length == 0 ? [] : new int[Radii.Length];
        for (var i = 0; i < Radii.Length; i++)
        {
            var state = ReferralPlace.AtPoint(Radii[i].Center, gazetteer).State;
            RadiusCenterStates[i] = state?.Index ?? -1;
            if (state is not null)
            {
                TouchedStateMask |= 1ul << state.Index;
            }
        }

        PrimaryLanguages = service.Languages.IsEmpty ? [] : new string[service.Languages.Length];
        for (var i = 0; i < PrimaryLanguages.Length; i++)
        {
            var tag = service.Languages[i].Value;
            var dash = tag.IndexOf('-', StringComparison.Ordinal);
            PrimaryLanguages[i] = dash < 0 ? tag : primaryLanguages?.Get(tag, dash) ?? tag[..dash];
        }

        VerifiedDay = DayNumber(service.LastVerified);
    }

    public int Index { get; }

    public Service Service { get; }

    public Organization Organization { get; }

    public uint TypeMask { get; }

    public bool IsNational { get; }

    public ulong StateMask { get; }

    /// <summary>States holding a county, ZIP code or radius centre of the area.</summary>
    public ulong TouchedStateMask { get; }

    public string[] CountyFips { get; }

    public ZipCodeInfo[] Zips { get; }

    public RadiusArea[] Radii { get; }

    public int[] RadiusCenterStates { get; }

    public string[] PrimaryLanguages { get; }

    public int VerifiedDay { get; }

    public static int DayNumber(LocalDate date) => date.WithCalendar(CalendarSystem.Iso).ToDateOnly().DayNumber;

    /// <summary>The most local way the area covers <paramref name="place"/>; null when it does not.</summary>
    public CoverageLevel? Cover(ReferralPlace place)
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

                    foreach (var fips in CountyFips)
                    {
                        if (fips.StartsWith(state.Fips, StringComparison.Ordinal))
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

                if (InRadius(place.Point))
                {
                    return CoverageLevel.Radius;
                }

                if (Array.IndexOf(CountyFips, county) >= 0)
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

                if (InRadius(place.Point))
                {
                    return CoverageLevel.Radius;
                }

                if (place.County is { } c && Array.IndexOf(CountyFips, c.Fips) >= 0)
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

    private bool InRadius(GeoPoint point)
    {
        foreach (var radius in Radii)
        {
            if (radius.Contains(point))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One string per primary language subtag ("es" of "es-MX"), shared by the entries built with it; not
    /// thread-safe, so one per thread.
    /// </summary>
    internal sealed class PrimaryLanguageCache
    {
        private readonly HashSet<string> _known = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        public PrimaryLanguageCache() => _bySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(string tag, int dash)
        {
            if (_bySpan.TryGetValue(tag.AsSpan(0, dash), out var known))
            {
                return known;
            }

            var primary = tag[..dash];
            _known.Add(primary);
            return primary;
        }
    }
}
