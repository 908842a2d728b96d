using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Where the client needs help, resolved against a <see cref="Gazetteer"/>: a ZIP code, a point, a county
/// or a state. Which services cover it is described in docs/referrals.md ("Coverage"). Immutable.
/// </summary>
public sealed class ReferralPlace
{
    /// <summary>A point further than this from every ZIP code of the gazetteer is in no ZIP, county or state: 80 km.</summary>
    public const double MaximumZipDistanceKilometers = 80;

    private ReferralPlace(ReferralPlaceKind kind, GeoPoint point, ZipCodeInfo? zip, UsCounty? county, UsState? state)
    {
        Kind = kind;
        Point = point;
        Zip = zip;
        County = county;
        State = state;
    }

    /// <summary>How precisely the place is known.</summary>
    public ReferralPlaceKind Kind { get; }

    /// <summary>
    /// The point distances are measured from: the ZIP code's point, the given point, or the county's or
    /// state's ZIP-weighted centre. Distances are not scored for a whole state.
    /// </summary>
    public GeoPoint Point { get; }

    /// <summary>
    /// The ZIP code: the given one, or for a point the nearest within <see cref="MaximumZipDistanceKilometers"/> unless a
    /// county without ZIP codes is nearer (<see cref="AtPoint"/>); otherwise null.
    /// </summary>
    public ZipCodeInfo? Zip { get; }

    /// <summary>The county, when known.</summary>
    public UsCounty? County { get; }

    /// <summary>The state, when known (null only for a point far from every ZIP code).</summary>
    public UsState? State { get; }

    /// <summary>At a ZIP code.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zip"/> is null.</exception>
    public static ReferralPlace AtZip(ZipCodeInfo zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        return new ReferralPlace(ReferralPlaceKind.Zip, zip.Location, zip, zip.County, zip.State);
    }

    /// <summary>At a five-digit ZIP code, looked up in <paramref name="gazetteer"/> (default <see cref="Gazetteer.Default"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zip"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The ZIP code is malformed or not in the gazetteer.</exception>
    public static ReferralPlace FromZip(string zip, Gazetteer? gazetteer = null) => AtZip((gazetteer ?? Gazetteer.Default).GetZip(zip));

    /// <summary>Anywhere in a county.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="county"/> is null.</exception>
    public static ReferralPlace InCounty(UsCounty county)
    {
        ArgumentNullException.ThrowIfNull(county);
        return new ReferralPlace(ReferralPlaceKind.County, county.Centroid, null, county, county.State);
    }

    /// <summary>Anywhere in the county with this five-digit FIPS code, looked up in <paramref name="gazetteer"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fips"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is malformed or not in the gazetteer.</exception>
    public static ReferralPlace FromCounty(string fips, Gazetteer? gazetteer = null) => InCounty((gazetteer ?? Gazetteer.Default).GetCounty(fips));

    /// <summary>Anywhere in a state or territory; <see cref="Point"/> is the state's centre in <paramref name="gazetteer"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The gazetteer has no ZIP code in the state.</exception>
    public static ReferralPlace InState(UsState state, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ReferralPlace(ReferralPlaceKind.State, (gazetteer ?? Gazetteer.Default).GetStateCentroid(state), null, null, state);
    }

    /// <summary>Anywhere in the state or territory with this USPS code (any case), for example <c>TX</c> or <c>PR</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is not one of the 50 states, DC or the five territories.</exception>
    public static ReferralPlace FromState(string code, Gazetteer? gazetteer = null) => InState(UsState.GetByCode(code), gazetteer);

    /// <summary>
    /// At a point, taken to lie in its nearest ZIP code (and that ZIP code's county and state) when that is
    /// within <see cref="MaximumZipDistanceKilometers"/>, or in a county no ZIP code lies in (five county-equivalents
    /// of American Samoa and the Northern Mariana Islands in the embedded gazetteer) when that county's point is nearer
    /// and within the same distance (then <see cref="Zip"/> is null); otherwise only national services and radii cover it.
    /// </summary>
    public static ReferralPlace AtPoint(GeoPoint point, Gazetteer? gazetteer = null)
    {
        (gazetteer ?? Gazetteer.Default).TryLocate(point, MaximumZipDistanceKilometers, out var zip, out var county);
        return new ReferralPlace(ReferralPlaceKind.Point, point, zip, county, county?.State);
    }

    /// <summary>The state or territory <see cref="AtPoint"/> places <paramref name="point"/> in; null when none is near enough.</summary>
    internal static UsState? StateAt(GeoPoint point, Gazetteer gazetteer) =>
        gazetteer.TryLocate(point, MaximumZipDistanceKilometers, out _, out var county) ? county.State : null;

    /// <summary>
    /// The most precise place a caller's location gives: its ZIP code, else its point, else its county, else
    /// its state.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="location"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The ZIP code, county or state is not in the gazetteer (military APO/FPO codes and the freely associated states are not).</exception>
    public static ReferralPlace From(CallerLocation location, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location switch
        {
            { Zip: { } zip } => FromZip(zip, gazetteer),
            { Point: { } point } => AtPoint(point, gazetteer),
            { CountyFips: { } fips } => FromCounty(fips, gazetteer),
            _ => FromState(location.State!, gazetteer),
        };
    }

    /// <summary>Returns for example <c>ZIP 10001 New York, NY</c> or <c>county 36061 New York, NY</c>.</summary>
    public override string ToString() => Kind switch
    {
        ReferralPlaceKind.Zip => $"ZIP {Zip}",
        ReferralPlaceKind.County => $"county {County}",
        ReferralPlaceKind.State => $"state {State!.Code}",
        _ => Zip is null ? $"point {Point}" : $"point {Point} (near {Zip})",
    };
}
