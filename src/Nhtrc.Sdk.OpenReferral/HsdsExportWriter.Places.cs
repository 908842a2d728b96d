using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>Service areas and locations of the HSDS export.</summary>
internal sealed partial class HsdsExportWriter
{
    /// <summary>The most ZIP codes one area name lists (the import reads names of up to 2,000 characters).</summary>
    internal const int ZipsPerArea = 250;

    /// <summary>The vertices of the polygon a radius is written as.</summary>
    internal const int ExtentVertices = 32;

    /// <summary>
    /// The area name of a county: its gazetteer name, with the state's word for a county as the Census county list
    /// writes it (Parish in Louisiana, Borough in Alaska, Municipio in Puerto Rico, Island in the Virgin Islands,
    /// Municipality in the Northern Marianas, none in Guam and American Samoa, County elsewhere) unless the name already
    /// carries one or is a city or a census area, and ", ST": "Harris County, TX", "Orleans Parish, LA", "Bethel Census
    /// Area, AK", "Bristol (city), VA", "San Juan Municipio, PR", "St. Croix Island, VI", "Manu'a District, AS", "Guam, GU".
    /// </summary>
    internal static string CountyAreaName(UsCounty county)
    {
        var name = county.Name;
        var plain = !HsdsAreas.CountySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) &&
            !name.Contains('(', StringComparison.Ordinal) && !name.Contains(" of ", StringComparison.OrdinalIgnoreCase);
        var word = county.State.Code switch
        {
            "LA" => " Parish",
            "AK" => " Borough",
            "PR" => " Municipio",
            "VI" => " Island",
            "MP" => " Municipality",
            "GU" or "AS" => "",
            _ => " County",
        };
        return (plain ? name + word : name) + ", " + county.State.Code;
    }

    /// <summary>
    /// A disc as a GeoJSON Polygon: <see cref="ExtentVertices"/> points on the circle (great-circle destinations from the
    /// centre, counter-clockwise from north as RFC 7946 asks of an exterior ring, the first repeated to close it),
    /// coordinates rounded to 6 decimals (about 0.1 m). The polygon lies inside the disc (a chord cuts each arc).
    /// </summary>
    internal static string ExtentOf(RadiusArea radius)
    {
        var text = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[", 1200);
        var lat1 = radius.Center.Latitude * Math.PI / 180;
        var lon1 = radius.Center.Longitude * Math.PI / 180;
        var delta = radius.RadiusKilometers / GreatCircle.MeanEarthRadiusKilometers;
        for (var k = 0; k <= ExtentVertices; k++)
        {
            var bearing = 2 * Math.PI * (ExtentVertices - (k % ExtentVertices)) / ExtentVertices;
            var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(delta)) + (Math.Cos(lat1) * Math.Sin(delta) * Math.Cos(bearing)));
            var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(delta) * Math.Cos(lat1), Math.Cos(delta) - (Math.Sin(lat1) * Math.Sin(lat2)));
            var lon = (((lon2 * 180 / Math.PI) + 540) % 360) - 180;
            text.Append(k == 0 ? "[" : ",[").Append(Coordinate(lon)).Append(',').Append(Coordinate(lat2 * 180 / Math.PI)).Append(']');
        }

        return text.Append("]]}").ToString();
    }

    private static string Coordinate(double degrees) => Math.Round(degrees, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private void WriteAreas(Service service, string key)
    {
        _w.WriteStartArray("service_areas");
        var index = 0;
        void Area(string name, string? extent = null)
        {
            _w.WriteStartObject();
            _w.WriteString("id", DerivedId(key, "service_area", index++));
            _w.WriteString("service_id", service.Id);
            _w.WriteString("name", name);
            if (extent is not null)
            {
                _w.WriteString("extent", extent);
                _w.WriteString("extent_type", "geojson");
            }

            _w.WriteEndObject();
        }

        var area = service.Area;
        if (area.IsNational)
        {
            // The lists add nothing to a national area.
            Area("United States");
        }
        else
        {
            foreach (var state in area.States)
            {
                Area(state.Name);
            }

            foreach (var county in area.Counties)
            {
                Area(CountyAreaName(county));
            }

            foreach (var chunk in area.Zips.Chunk(ZipsPerArea))
            {
                Area(string.Join(", ", chunk.Select(z => z.Zip)));
            }

            foreach (var radius in area.Radii)
            {
                Area(radius.ToString(), ExtentOf(radius));
            }
        }

        _w.WriteEndArray();
    }

    private void WriteLocations(Service service, string key)
    {
        _w.WriteStartArray("service_at_locations");
        for (var i = 0; i < service.Locations.Length; i++)
        {
            var location = service.Locations[i];
            var locationId = DerivedId(key, "location", i);
            _w.WriteStartObject();
            _w.WriteString("id", DerivedId(key, "service_at_location", i));
            _w.WriteString("service_id", service.Id);
            _w.WriteString("location_id", locationId);
            _w.WritePropertyName("location");
            WriteLocation(location, locationId);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
    }

    private void WriteLocation(ServiceLocation location, string locationId)
    {
        var withheld = location.IsConfidential && _options.Public;
        _w.WriteStartObject();
        _w.WriteString("id", locationId);
        _w.WriteString("location_type", "physical");
        if (!withheld)
        {
            if (location.Name is { } name)
            {
                _w.WriteString("name", name);
            }

            _w.WriteNumber("latitude", location.Point.Latitude);
            _w.WriteNumber("longitude", location.Point.Longitude);
            _w.WriteStartArray("addresses");
            _w.WriteStartObject();
            _w.WriteString("id", DerivedId(locationId, "address", 0));
            _w.WriteString("location_id", locationId);
            _w.WriteString("address_1", location.StreetAddress ?? "");
            _w.WriteString("city", location.City);
            _w.WriteString("state_province", location.State.Code);
            _w.WriteString("postal_code", location.Zip?.Zip ?? "");
            _w.WriteString("country", "US");
            _w.WriteString("address_type", "physical");
            _w.WriteEndObject();
            _w.WriteEndArray();
        }

        _w.WriteStartArray("attributes");
        if (location.IsConfidential)
        {
            HsdsExportTerms.WriteAttribute(_w, "location:" + locationId, locationId, "location", 0, HsdsExportTerms.NhtrcTaxonomy, HsdsTaxonomy.ConfidentialLocationCode);
        }

        _w.WriteEndArray();
        _w.WriteEndObject();
    }
}
