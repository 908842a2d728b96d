using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// GeoJSON <c>extent</c>s of service areas (<c>extent_type</c> geojson): a Polygon or a MultiPolygon (bare, or as the
/// geometry of a Feature), positions [longitude, latitude] in degrees. The matcher knows ZIP codes, counties and
/// states, not polygons, so an extent resolves to the ZIP codes whose centroid lies inside it (exact point-in-polygon
/// in the plane of longitude and latitude, even-odd rule, so holes are excluded); when no centroid lies inside (a
/// shape smaller than a ZIP code), to the one ZIP code nearest the shape's area centroid, if it is within
/// <see cref="MaxNearestKilometers"/>. The approximation is measured in docs/open-referral.md, "GeoJSON extents".
/// Rings are taken literally: a ring crossing the antimeridian is not unwrapped.
/// </summary>
internal static class HsdsExtents
{
    /// <summary>The most positions an extent may have, over all its rings.</summary>
    public const int MaxVertices = 20_000;

    /// <summary>The longest extent text read, in characters.</summary>
    public const int MaxExtentChars = 2_000_000;

    /// <summary>How far the nearest ZIP code of a shape with no ZIP centroid inside may be.</summary>
    public const double MaxNearestKilometers = 80;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>A polygon: its outer ring first, then its holes; each ring closed (first position repeated last).</summary>
    internal sealed record Polygon(ImmutableArray<ImmutableArray<(double Lon, double Lat)>> Rings);

    /// <summary>Parses an extent (a JSON string holding GeoJSON, or a GeoJSON object); null with the rule broken otherwise.</summary>
    public static ImmutableArray<Polygon>? TryParse(JsonElement extent, out string problem)
    {
        problem = "";
        if (extent.ValueKind == JsonValueKind.Object)
        {
            return TryGeometry(extent, 0, out problem);
        }

        if (extent.ValueKind != JsonValueKind.String || extent.GetString() is not { Length: > 0 } text)
        {
            problem = "is not GeoJSON text or a GeoJSON object; the area is not imported.";
            return null;
        }

        if (text.Length > MaxExtentChars)
        {
            problem = $"is longer than {MaxExtentChars} characters; the area is not imported.";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return TryGeometry(document.RootElement, 0, out problem);
        }
        catch (JsonException)
        {
            problem = "is not valid JSON; the area is not imported.";
            return null;
        }
    }

    /// <summary>Whether the point lies inside the shape: inside an odd number of a polygon's rings, for some polygon.</summary>
    public static bool Contains(ImmutableArray<Polygon> shape, double lon, double lat)
    {
        foreach (var polygon in shape)
        {
            var inside = false;
            foreach (var ring in polygon.Rings)
            {
                for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                {
                    var (xi, yi) = ring[i];
                    var (xj, yj) = ring[j];
                    if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
                    {
                        inside = !inside;
                    }
                }
            }

            if (inside)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The area-weighted centroid of the shape (holes subtract), or the mean of the positions when it has no area.</summary>
    public static GeoPoint Centroid(ImmutableArray<Polygon> shape)
    {
        double area = 0, cx = 0, cy = 0, sx = 0, sy = 0;
        var n = 0;
        foreach (var polygon in shape)
        {
            for (var r = 0; r < polygon.Rings.Length; r++)
            {
                var ring = polygon.Rings[r];
                double ringArea = 0, rx = 0, ry = 0;
                for (var i = 0; i < ring.Length - 1; i++)
                {
                    var (x0, y0) = ring[i];
                    var (x1, y1) = ring[i + 1];
                    var cross = (x0 * y1) - (x1 * y0);
                    ringArea += cross;
                    rx += (x0 + x1) * cross;
                    ry += (y0 + y1) * cross;
                    sx += x0;
                    sy += y0;
                    n++;
                }

                // Outer rings add, holes subtract, whatever their orientation.
                var sign = (r == 0 ? 1 : -1) * Math.Sign(ringArea);
                area += sign * ringArea / 2;
                cx += sign * rx / 6;
                cy += sign * ry / 6;
            }
        }

        return Math.Abs(area) > 1e-12
            ? new GeoPoint(Math.Clamp(cy / area, -90, 90), Math.Clamp(cx / area, -180, 180))
            : new GeoPoint(sy / n, sx / n);
    }

    /// <summary>
    /// The counties no ZIP code lies in (five county-equivalents of American Samoa and the Northern Marianas in the
    /// embedded gazetteer) whose representative point the shape contains, by FIPS code.
    /// </summary>
    public static List<UsCounty> ZipLessCountiesIn(ImmutableArray<Polygon> shape, Gazetteer gazetteer)
    {
        var found = new List<UsCounty>();
        foreach (var county in HsdsPlaceNames.For(gazetteer).ZipLessCounties)
        {
            if (Contains(shape, county.Centroid.Longitude, county.Centroid.Latitude))
            {
                found.Add(county);
            }
        }

        return found;
    }

    /// <summary>The ZIP codes the shape resolves to (see the type); empty when none is inside or near enough.</summary>
    public static ImmutableArray<ZipCodeInfo> Resolve(ImmutableArray<Polygon> shape, Gazetteer gazetteer, out bool byNearest)
    {
        double minLon = double.MaxValue, maxLon = double.MinValue, minLat = double.MaxValue, maxLat = double.MinValue;
        foreach (var polygon in shape)
        {
            foreach (var (lon, lat) in polygon.Rings[0])
            {
                (minLon, maxLon, minLat, maxLat) = (Math.Min(minLon, lon), Math.Max(maxLon, lon), Math.Min(minLat, lat), Math.Max(maxLat, lat));
            }
        }

        var inside = LatitudeIndex.For(gazetteer).Within(shape, minLon, maxLon, minLat, maxLat);
        byNearest = inside.IsEmpty;
        if (!inside.IsEmpty)
        {
            return inside;
        }

        var nearest = gazetteer.NearestZips(Centroid(shape), 1);
        return nearest.Length == 1 && nearest[0].DistanceKilometers <= MaxNearestKilometers ? [nearest[0].Zip] : [];
    }

    private static ImmutableArray<Polygon>? TryGeometry(JsonElement geometry, int depth, out string problem)
    {
        problem = "";
        var type = geometry.ValueKind == JsonValueKind.Object && geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "Feature" && depth == 0 && geometry.TryGetProperty("geometry", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            return TryGeometry(inner, 1, out problem);
        }

        if ((type != "Polygon" && type != "MultiPolygon") ||
            !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            problem = "is not a GeoJSON Polygon or MultiPolygon with coordinates; the area is not imported.";
            return null;
        }

        var vertices = 0;
        var polygons = new List<Polygon>();
        var list = type == "Polygon" ? [coordinates] : coordinates.EnumerateArray().ToList();
        if (list.Count == 0)
        {
            problem = "has no polygon; the area is not imported.";
            return null;
        }

        foreach (var polygon in list)
        {
            if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
            {
                problem = "has a polygon that is not a non-empty array of rings; the area is not imported.";
                return null;
            }

            var rings = ImmutableArray.CreateBuilder<ImmutableArray<(double, double)>>();
            foreach (var ring in polygon.EnumerateArray())
            {
                if (Ring(ring, ref vertices, out problem) is not { } positions)
                {
                    return null;
                }

                rings.Add(positions);
            }

            polygons.Add(new Polygon(rings.ToImmutable()));
        }

        return [.. polygons];
    }

    private static ImmutableArray<(double, double)>? Ring(JsonElement ring, ref int vertices, out string problem)
    {
        problem = "";
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
        {
            problem = "has a ring that is not an array of at least 4 positions; the area is not imported.";
            return null;
        }

        vertices += ring.GetArrayLength();
        if (vertices > MaxVertices)
        {
            problem = $"has more than {MaxVertices} positions; the area is not imported.";
            return null;
        }

        var positions = ImmutableArray.CreateBuilder<(double, double)>(ring.GetArrayLength());
        foreach (var position in ring.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2 ||
                !TryNumber(position[0], out var lon) || !TryNumber(position[1], out var lat))
            {
                problem = "has a position that is not [longitude, latitude] numbers; the area is not imported.";
                return null;
            }

            if (lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                problem = "has a position outside longitude -180..180 or latitude -90..90 (GeoJSON is [longitude, latitude]); the area is not imported.";
                return null;
            }

            positions.Add((lon, lat));
        }

        if (positions[0] != positions[^1])
        {
            problem = "has a ring that is not closed (its last position must repeat its first); the area is not imported.";
            return null;
        }

        return positions.MoveToImmutable();
    }

    private static bool TryNumber(JsonElement e, out double value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out value) && double.IsFinite(value);
    }

    /// <summary>
    /// A gazetteer's ZIP codes ordered by the latitude of their centroid, built once per gazetteer, so the centroids
    /// inside a shape are found by a binary search of its latitude band instead of a scan of every ZIP code.
    /// Immutable and thread-safe.
    /// </summary>
    private sealed class LatitudeIndex
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Gazetteer, LatitudeIndex> Indexes = [];

        private readonly ImmutableArray<ZipCodeInfo> _zips;
        private readonly double[] _latitudes;
        private readonly int[] _order;

        private LatitudeIndex(Gazetteer gazetteer)
        {
            _zips = gazetteer.Zips;
            _latitudes = new double[_zips.Length];
            _order = new int[_zips.Length];
            for (var i = 0; i < _zips.Length; i++)
            {
                _latitudes[i] = _zips[i].Location.Latitude;
                _order[i] = i;
            }

            Array.Sort(_latitudes, _order);
        }

        public static LatitudeIndex For(Gazetteer gazetteer) => Indexes.GetValue(gazetteer, static g => new LatitudeIndex(g));

        /// <summary>The ZIP codes whose centroid is in the box and inside the shape, in the gazetteer's order.</summary>
        public ImmutableArray<ZipCodeInfo> Within(ImmutableArray<Polygon> shape, double minLon, double maxLon, double minLat, double maxLat)
        {
            var first = LowerBound(minLat);
            List<int>? found = null;
            for (var k = first; k < _latitudes.Length && _latitudes[k] <= maxLat; k++)
            {
                var location = _zips[_order[k]].Location;
                if (location.Longitude >= minLon && location.Longitude <= maxLon && Contains(shape, location.Longitude, location.Latitude))
                {
                    (found ??= []).Add(_order[k]);
                }
            }

            if (found is null)
            {
                return [];
            }

            found.Sort();
            var result = ImmutableArray.CreateBuilder<ZipCodeInfo>(found.Count);
            foreach (var i in found)
            {
                result.Add(_zips[i]);
            }

            return result.MoveToImmutable();
        }

        // The first position whose latitude is at least the given one.
        private int LowerBound(double latitude)
        {
            int lo = 0, hi = _latitudes.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_latitudes[mid] < latitude)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
