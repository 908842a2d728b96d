using System.Globalization;
using Nhtrc.Sdk.Referrals;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace ReferralFinder.Localization;

/// <summary>
/// Words a ranking factor in the page's language from its facts (<see cref="ScoreComponent"/>), never from the
/// SDK's English <see cref="ScoreComponent.Reason"/>; null for a factor that did not apply or says nothing worth showing.
/// </summary>
public static class FactorText
{
    public static string? Describe(ScoreComponent factor, UiText text)
    {
        var culture = text.Culture;
        switch (factor.Factor)
        {
            case ReferralFactor.Distance when factor.DistanceKilometers is { } km:
                return string.Format(culture, text.FactorDistance, km.ToString("0.#", culture), factor.NearestCity, factor.NearestState?.Code);
            case ReferralFactor.Locality:
                return factor.Coverage switch
                {
                    CoverageLevel.Zip => text.FactorZip,
                    CoverageLevel.Radius => text.FactorRadius,
                    CoverageLevel.County => text.FactorCounty,
                    CoverageLevel.State => text.FactorState,
                    _ => text.FactorNational,
                };
            case ReferralFactor.Language when factor.Language is { } language:
                return string.Format(culture, factor.LanguageOffered == true ? text.FactorLanguageOffered : text.FactorLanguageNotListed, text.LanguageName(language.Value));
            case ReferralFactor.Availability:
                return factor.Availability switch
                {
                    AvailabilityState.AlwaysOpen => text.FactorAlwaysOpen,
                    AvailabilityState.OpenNow when factor.ClosesAt is { } closes => string.Format(culture, text.FactorOpenUntil, Time(closes, culture)),
                    AvailabilityState.OpenNow => text.FactorOpen,
                    _ when factor.OpensAt is { } opens => string.Format(culture, text.FactorClosedOpens, Day(opens, culture), Time(opens, culture)),
                    _ => text.FactorClosed,
                };
            case ReferralFactor.WarmTransfer:
                return factor.AcceptsWarmTransfers == true ? text.FactorWarmTransfer : null;
            case ReferralFactor.Freshness when factor.DaysSinceVerified is { } days:
                return days switch
                {
                    0 => text.FactorVerifiedToday,
                    1 => text.FactorVerifiedOneDay,
                    _ => string.Format(culture, text.FactorVerifiedDays, days),
                };
            case ReferralFactor.NeedsCovered when factor.IsScored:
                return string.Format(culture, text.FactorNeeds, factor.NeedsCovered, factor.NeedsAsked);
            case ReferralFactor.Capacity:
                return factor.Capacity switch
                {
                    Capacity.Accepting => text.FactorAccepting,
                    Capacity.Waitlist => text.FactorWaitlist,
                    _ => text.FactorFull,
                };
            default:
                return null;
        }
    }

    /// <summary>The local time in the culture's short form: <c>7:00 PM</c>, <c>19:00</c>.</summary>
    public static string Time(ZonedDateTime at, CultureInfo culture) =>
        LocalTimePattern.Create(culture.DateTimeFormat.ShortTimePattern, culture).Format(at.TimeOfDay);

    /// <summary>The day of the week in the culture's language: <c>Monday</c>, <c>lunes</c>.</summary>
    public static string Day(ZonedDateTime at, CultureInfo culture) => culture.DateTimeFormat.GetDayName(at.DayOfWeek.ToDayOfWeek());
}
