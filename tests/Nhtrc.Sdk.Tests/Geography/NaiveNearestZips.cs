using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

/// <summary>The deliberately naive reference for <see cref="Gazetteer.NearestZips"/>: measure every ZIP, sort, take.</summary>
internal static class NaiveNearestZips
{
    public static List<(string Zip, double Km)> Find(Gazetteer gazetteer, GeoPoint point, int count) =>
        gazetteer.Zips
            .Select(z => (z.Zip, Km: GreatCircle.DistanceKilometers(point, z.Location)))
            .OrderBy(x => x.Km)
            .ThenBy(x => x.Zip, StringComparer.Ordinal)
            .Take(count)
            .ToList();
}
