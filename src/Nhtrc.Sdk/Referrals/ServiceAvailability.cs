using System;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>When a service can be reached: around the clock, or by a <see cref="ServiceCalendar"/>. Immutable and thread-safe.</summary>
public sealed class ServiceAvailability
{
    private ServiceAvailability(ServiceCalendar? calendar) => Calendar = calendar;

    /// <summary>Open 24 hours a day, 7 days a week, holidays included.</summary>
    public static ServiceAvailability AlwaysOpen { get; } = new(null);

    /// <summary>True for <see cref="AlwaysOpen"/>.</summary>
    public bool IsAlwaysOpen => Calendar is null;

    /// <summary>The calendar of open hours; null when <see cref="IsAlwaysOpen"/>.</summary>
    public ServiceCalendar? Calendar { get; }

    /// <summary>Open during the hours of <paramref name="calendar"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static ServiceAvailability By(ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new ServiceAvailability(calendar);
    }

    /// <summary>
    /// True when open at <paramref name="instant"/>. An instant outside the calendar's supported years
    /// counts as closed rather than throwing.
    /// </summary>
    public bool IsOpen(Instant instant) => IsOpen(instant, instant.InUtc().Year);

    /// <summary>As <see cref="IsOpen(Instant)"/>, given the instant's UTC year: matching asks about many services at one instant.</summary>
    internal bool IsOpen(Instant instant, int utcYear) =>
        Calendar is null || (utcYear > Calendar.FirstSupportedYear && utcYear < Calendar.LastSupportedYear && Calendar.IsOpen(instant));

    /// <summary>Returns <c>24/7</c> or the calendar's id and zone.</summary>
    public override string ToString() => Calendar is null ? "24/7" : Calendar.ToString();
}
