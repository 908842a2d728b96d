using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using NodaTime;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// The caller's time zone as far as their location tells it (<see cref="TriageOutcome.CallerTimeZone"/>): the default
/// zone of the state or territory the location names. The state code is taken first (no lookup); then the county FIPS
/// code's state digits; then the ZIP code and the point in the embedded gazetteer (where <c>ReferralPlace.AtPoint</c> places the point:
/// its nearest ZIP code, or a county without ZIP codes, within 80 km). Military codes and places the gazetteer lacks give null.
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

        return Gazetteer.Default.TryLocate(point, NearestZipKilometers, out _, out var county) ? county.State.DefaultTimeZone : null;
    }
}
