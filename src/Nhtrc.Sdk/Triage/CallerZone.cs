using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using NodaTime;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// The caller's time zone as far as their location tells it (<see cref="TriageOutcome.CallerTimeZone"/>): the default
/// zone of the state or territory the location names. The state code is taken first (no lookup); then the county FIPS
/// code's state digits; then the ZIP code and the point in the embedded gazetteer (a point only when a ZIP code lies
/// within 80 km, the distance <c>ReferralPlace.AtPoint</c> allows). Military codes and places the gazetteer lacks give null.
/// </summary>
internal static class CallerZone
{
    // The triage layer does not depend on Referrals (docs/architecture.md); a test checks that this is ReferralPlace's distance.
    internal const double NearestZipKilometers = 80;

    public static DateTimeZone? Of(CallerLocation? location)
    {
        if (location is null)
        {
            return null;
        }

        if (UsState.TryGetByCode(location.State, out var state)
            || (location.CountyFips is { } fips && UsState.TryGetByFips(fips[..2], out state)))
        {
            return state.DefaultTimeZone;
        }

        if (location.Zip is { } zip && Gazetteer.Default.TryGetZip(zip, out var info))
        {
            return info.State.DefaultTimeZone;
        }

        if (location.Point is not { } point)
        {
            return null;
        }

        var nearest = Gazetteer.Default.NearestZip(point, out var kilometers);
        return kilometers <= NearestZipKilometers ? nearest?.State.DefaultTimeZone : null;
    }
}
