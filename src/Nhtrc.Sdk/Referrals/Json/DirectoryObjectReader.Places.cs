using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals.Json;

// The places of a directory: service areas (states, counties, ZIP codes, radii) and service locations.
internal sealed partial class DirectoryObjectReader
{
    private static readonly PropertyNames AreaProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.AreaDocument,
        nameof(AreaDocument.National), nameof(AreaDocument.States), nameof(AreaDocument.Counties),
        nameof(AreaDocument.Zips), nameof(AreaDocument.Radii));

    private static readonly PropertyNames RadiusProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.RadiusDocument,
        nameof(RadiusDocument.Latitude), nameof(RadiusDocument.Longitude), nameof(RadiusDocument.Kilometers));

    private static readonly PropertyNames LocationProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.ServiceLocationDocument,
        nameof(ServiceLocationDocument.Name), nameof(ServiceLocationDocument.Address), nameof(ServiceLocationDocument.City),
        nameof(ServiceLocationDocument.State), nameof(ServiceLocationDocument.Zip), nameof(ServiceLocationDocument.Latitude),
        nameof(ServiceLocationDocument.Longitude), nameof(ServiceLocationDocument.Confidential));

    private ServiceArea? Area(ref Utf8JsonReader json)
    {
        if (!IsObject(ref json, "an area object"))
        {
            return null;
        }

        var national = false;
        ImmutableArray<UsState> states = [];
        ImmutableArray<UsCounty> counties = [];
        ImmutableArray<ZipCodeInfo> zips = [];
        ImmutableArray<RadiusArea> radii = [];
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, AreaProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    national = Bool(ref json) ?? false;
                    break;
                case 1:
                    states = Items(ref json, "an array of state codes", _states, _state);
                    break;
                case 2:
                    counties = Items(ref json, "an array of county FIPS codes", _counties, _county);
                    break;
                case 3:
                    zips = Items(ref json, "an array of ZIP codes", _zips, _zip);
                    break;
                default:
                    radii = Items(ref json, "an array of radius objects", _radii, _radius);
                    break;
            }
        }

        return new ServiceArea { IsNational = national, States = states, Counties = counties, Zips = zips, Radii = radii };
    }

    private bool State(ref Utf8JsonReader json, [MaybeNullWhen(false)] out UsState state)
    {
        state = null;
        if (!Text(ref json, "a state code", out var code))
        {
            return false;
        }

        state = StateByCode(code);
        if (state is null)
        {
            Problem(StateMessage(code));
        }

        return state is not null;
    }

    private bool County(ref Utf8JsonReader json, [MaybeNullWhen(false)] out UsCounty county)
    {
        county = null;
        if (!Text(ref json, "a county FIPS code", out var fips))
        {
            return false;
        }

        if (_gazetteer.TryGetCounty(fips, out county))
        {
            return true;
        }

        var text = fips.ToString();
        Problem(InputText.IsDigits(text, 5)
            ? $"county {text} is not in the gazetteer."
            : $"{InputText.Describe(text)} is not a county FIPS code: expected exactly 5 digits, such as 36061.");
        return false;
    }

    private bool Zip(ref Utf8JsonReader json, [MaybeNullWhen(false)] out ZipCodeInfo zip)
    {
        zip = null;
        if (!Text(ref json, "a ZIP code", out var text))
        {
            return false;
        }

        if (_gazetteer.TryGetZip(text, out zip))
        {
            return true;
        }

        Problem(ZipMessage(text));
        return false;
    }

    private bool Radius(ref Utf8JsonReader json, out RadiusArea radius)
    {
        radius = default;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a radius object, not null." : "must be a radius object.");
            Skip(ref json);
            return false;
        }

        Enter(ref json);

        var before = Problems.Count;
        double? latitude = null, longitude = null, kilometers = null;
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, RadiusProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    latitude = Number(ref json);
                    break;
                case 1:
                    longitude = Number(ref json);
                    break;
                default:
                    kilometers = Number(ref json);
                    break;
            }
        }

        var point = Point(latitude, longitude, before);
        if (kilometers is not { } km)
        {
            Require(false, "kilometers", before);
        }
        else if (!RadiusArea.IsValidRadius(km))
        {
            Problem("kilometers", RadiusArea.RadiusMessage);
        }

        if (Problems.Count != before)
        {
            return false;
        }

        radius = new RadiusArea(point!.Value, kilometers!.Value);
        return true;
    }

    private bool Location(ref Utf8JsonReader json, [MaybeNullWhen(false)] out ServiceLocation location)
    {
        location = null;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a location object, not null." : "must be a location object.");
            Skip(ref json);
            return false;
        }

        Enter(ref json);

        var before = Problems.Count;
        string? name = null, address = null, city = null;
        UsState? state = null;
        ZipCodeInfo? zip = null;
        double? latitude = null, longitude = null;
        var confidential = false;
        uint seen = 0;
        int p;
        Path.EnterObject();
        while ((p = NextProperty(ref json, LocationProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    name = Intern(ref json);
                    break;
                case 1:
                    address = String(ref json);
                    break;
                case 2:
                    city = Intern(ref json);
                    break;
                case 3:
                    State(ref json, out state);
                    break;
                case 4:
                    Zip(ref json, out zip);
                    break;
                case 5:
                    latitude = Number(ref json);
                    break;
                case 6:
                    longitude = Number(ref json);
                    break;
                default:
                    confidential = Bool(ref json) ?? false;
                    break;
            }
        }

        Require(!string.IsNullOrWhiteSpace(city), "city", before);
        Require(state is not null, "state", before);
        var point = Point(latitude, longitude, before);
        if (zip is not null && state is not null && zip.State != state)
        {
            Problem("zip", $"is in {zip.State.Code}, not {state.Code}.");
        }

        if (Problems.Count != before)
        {
            return false;
        }

        location = new ServiceLocation
        {
            Name = name,
            StreetAddress = address,
            City = city!,
            State = state!,
            Zip = zip,
            Point = point!.Value,
            IsConfidential = confidential,
        };
        return true;
    }

    private GeoPoint? Point(double? latitude, double? longitude, int since)
    {
        var ok = true;
        if (latitude is not { } lat)
        {
            ok = false;
            Require(false, "latitude", since);
        }
        else if (!GeoPoint.IsValidLatitude(lat))
        {
            Problem("latitude", "must be degrees from -90 to 90.");
            ok = false;
        }

        if (longitude is not { } lon)
        {
            ok = false;
            Require(false, "longitude", since);
        }
        else if (!GeoPoint.IsValidLongitude(lon))
        {
            Problem("longitude", "must be degrees from -180 to 180.");
            ok = false;
        }

        return ok ? new GeoPoint(latitude!.Value, longitude!.Value) : null;
    }

    private static UsState? StateByCode(ReadOnlySpan<char> code)
    {
        foreach (var state in UsState.All)
        {
            if (code.SequenceEqual(state.Code))
            {
                return state;
            }
        }

        return null;
    }

    private static string StateMessage(ReadOnlySpan<char> code) =>
        $"{InputText.Describe(code.ToString())} is not the upper-case USPS code of one of the 50 states, DC or the territories AS, GU, MP, PR and VI.";

    private static string ZipMessage(ReadOnlySpan<char> zip)
    {
        var text = zip.ToString();
        return InputText.IsDigits(text, 5)
            ? $"ZIP code {text} is not in the gazetteer (the 50 states, DC and the territories; no military APO/FPO codes)."
            : $"{InputText.Describe(text)} is not a ZIP code: expected exactly 5 digits, such as 02108.";
    }
}
