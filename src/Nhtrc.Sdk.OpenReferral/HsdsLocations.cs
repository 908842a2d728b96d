using System;
using System.Collections.Generic;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads HSDS locations as our service locations: the <c>location</c> of each <c>service_at_locations</c> row (and of
/// a <c>service_at_location</c> document) with <c>latitude</c>/<c>longitude</c> in range and an address (the
/// <c>physical</c> one, else the first) whose <c>state_province</c> is a US state code or name and which has a city.
/// The ZIP is the first five digits of <c>postal_code</c> when the gazetteer knows it. Anything else is reported and
/// the location not imported. Whether a location is confidential is decided by the source's
/// <see cref="HsdsConfidentialityRule"/>, and every location of a shelter is confidential by its safe default.
/// </summary>
internal static class HsdsLocations
{
    public static ServiceLocation? Read(JsonElement location, string path, string? rowLocationId, Gazetteer gazetteer, Confidentiality confidentiality, Action<string, string> warn)
    {
        if (location.ValueKind != JsonValueKind.Object)
        {
            warn(path, "is not an object; the location is not imported.");
            return null;
        }

        if (!Number(location, "latitude", -90, 90, out var latitude) || !Number(location, "longitude", -180, 180, out var longitude))
        {
            warn(path, "has no latitude and longitude in range; the location is not imported.");
            return null;
        }

        // The physical address, else the first.
        var address = default(JsonElement);
        if (location.TryGetProperty("addresses", out var addresses) && addresses.ValueKind == JsonValueKind.Array)
        {
            foreach (var candidate in addresses.EnumerateArray())
            {
                if (address.ValueKind == JsonValueKind.Undefined)
                {
                    address = candidate;
                }

                if (candidate.ValueKind == JsonValueKind.Object && string.Equals(GetString(candidate, "address_type"), "physical", StringComparison.OrdinalIgnoreCase))
                {
                    address = candidate;
                    break;
                }
            }
        }

        var city = address.ValueKind == JsonValueKind.Object ? GetString(address, "city")?.Trim() : null;
        var stateText = address.ValueKind == JsonValueKind.Object ? GetString(address, "state_province") : null;
        if (string.IsNullOrEmpty(city) || !HsdsAreas.TryState(stateText ?? "", out var state))
        {
            warn(path + ".addresses", "has no address with a city and a US state; the location is not imported.");
            return null;
        }

        var postal = GetString(address, "postal_code")?.Trim();
        ZipCodeInfo? zip = null;
        if (postal is { Length: >= 5 } && !postal.AsSpan(0, 5).ContainsAnyExceptInRange('0', '9'))
        {
            gazetteer.TryGetZip(postal.Length == 5 ? postal : postal[..5], out zip);
        }

        var line1 = GetString(address, "address_1");
        var line2 = GetString(address, "address_2");
        var street = string.IsNullOrWhiteSpace(line1) ? string.IsNullOrWhiteSpace(line2) ? "" : line2.Trim()
            : string.IsNullOrWhiteSpace(line2) ? line1.Trim() : line1.Trim() + ", " + line2.Trim();
        return new ServiceLocation
        {
            Name = GetString(location, "name")?.Trim() is { Length: > 0 } name ? name : null,
            StreetAddress = street.Length > 0 ? street : null,
            City = city,
            State = state,
            Zip = zip,
            Point = new GeoPoint(latitude, longitude),
            IsConfidential = confidentiality.Shelter || confidentiality.Rule.Marks(location, rowLocationId),
        };
    }

    public static List<ServiceLocation> ReadAll(JsonElement service, string path, JsonElement? extra, string extraPath, Gazetteer gazetteer, Confidentiality confidentiality, Action<string, string> warn)
    {
        var locations = new List<ServiceLocation>();
        foreach (var (row, rowPath) in Items(service, "service_at_locations", path))
        {
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("location", out var location) &&
                Read(location, rowPath + ".location", GetString(row, "location_id"), gazetteer, confidentiality, warn) is { } read)
            {
                locations.Add(read);
            }
        }

        if (extra is { } e && Read(e, extraPath, null, gazetteer, confidentiality, warn) is { } more)
        {
            locations.Add(more);
        }

        return locations;
    }

    private static bool Number(JsonElement e, string name, double min, double max, out double value)
    {
        value = 0;
        return e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value) &&
            double.IsFinite(value) && value >= min && value <= max;
    }

    /// <summary>The source's rule, and whether the service is a shelter whose locations are all confidential by the safe default.</summary>
    internal readonly record struct Confidentiality(HsdsConfidentialityRule Rule, bool Shelter);
}
