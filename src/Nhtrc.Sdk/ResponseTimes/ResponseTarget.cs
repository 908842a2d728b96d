using System;
using System.Globalization;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// When a response is expected, relative to receipt: immediately, after an elapsed duration, after an amount
/// of business time, or by the close of the N-th business day. Immutable; equality is by value.
/// </summary>
public sealed record ResponseTarget
{
    private ResponseTarget(ResponseTargetKind kind, Duration amount, int days)
    {
        Kind = kind;
        Amount = amount;
        Days = days;
    }

    /// <summary>
    /// The longest <see cref="ResponseTargetKind.Elapsed"/> or <see cref="ResponseTargetKind.BusinessTime"/> target: 366 days
    /// (<c>P366D</c>, <c>PT8784H</c>). Longer ones are refused by the factories and by the policy reader.
    /// </summary>
    public static Duration MaximumDuration { get; } = Duration.FromDays(366);

    /// <summary>The largest N of a <see cref="ResponseTargetKind.BusinessDays"/> target: 366.</summary>
    public const int MaximumBusinessDays = 366;

    /// <summary>At receipt.</summary>
    public static ResponseTarget Immediate { get; } = new(ResponseTargetKind.Immediate, Duration.Zero, 0);

    /// <summary>How the target is measured.</summary>
    public ResponseTargetKind Kind { get; }

    /// <summary>The duration of an <see cref="ResponseTargetKind.Elapsed"/> or <see cref="ResponseTargetKind.BusinessTime"/> target; zero otherwise.</summary>
    public Duration Amount { get; }

    /// <summary>N for a <see cref="ResponseTargetKind.BusinessDays"/> target; zero otherwise.</summary>
    public int Days { get; }

    /// <summary>True when the target is measured in business time on a calendar, not around the clock.</summary>
    public bool IsBusinessMeasured => Kind is ResponseTargetKind.BusinessTime or ResponseTargetKind.BusinessDays;

    /// <summary>An elapsed duration after receipt, around the clock.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive, or is longer than <see cref="MaximumDuration"/>.</exception>
    public static ResponseTarget Elapsed(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "An elapsed target must be positive; use Immediate for zero.");
        }

        if (duration > MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "An elapsed target is at most 366 days (P366D).");
        }

        return new ResponseTarget(ResponseTargetKind.Elapsed, duration, 0);
    }

    /// <summary>An amount of open time on the business calendar after receipt (computed with <see cref="ServiceCalendar.AddBusinessTime"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive, or is longer than <see cref="MaximumDuration"/>.</exception>
    public static ResponseTarget BusinessTime(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A business-time target must be positive.");
        }

        if (duration > MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A business-time target is at most 366 days (P366D).");
        }

        return new ResponseTarget(ResponseTargetKind.BusinessTime, duration, 0);
    }

    /// <summary>The close of the <paramref name="days"/>-th business day after the local date of receipt.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or more than <see cref="MaximumBusinessDays"/>.</exception>
    public static ResponseTarget BusinessDays(int days)
    {
        if (days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A business-days target needs at least 1 day.");
        }

        if (days > MaximumBusinessDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A business-days target is at most 366 business days.");
        }

        return new ResponseTarget(ResponseTargetKind.BusinessDays, Duration.Zero, days);
    }

    /// <summary>The instant this target falls at for a request received at <paramref name="receivedAt"/>.</summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <param name="businessCalendar">The calendar business targets are measured on; ignored by the others.</param>
    /// <remarks>Every kind, elapsed and immediate included, answers only for receipts in the calendar's supported years,
    /// so that one policy has one range whatever its rules.</remarks>
    /// <exception cref="CalendarRangeException">The instant is outside the calendar's supported years, the answer would fall after them, or a business target is measured on a calendar that never opens.</exception>
    public Instant ApplyTo(Instant receivedAt, ServiceCalendar businessCalendar)
    {
        ArgumentNullException.ThrowIfNull(businessCalendar);
        businessCalendar.CheckSupported(receivedAt, nameof(receivedAt));
        return Kind switch
        {
            ResponseTargetKind.Immediate => receivedAt,
            ResponseTargetKind.Elapsed => receivedAt + Amount,
            ResponseTargetKind.BusinessTime => businessCalendar.AddBusinessTime(receivedAt, Amount),
            _ => businessCalendar.CloseOfNthBusinessDayAfter(receivedAt, Days),
        };
    }

    /// <summary>Returns for example <c>immediate</c>, <c>12h elapsed</c>, <c>4h business time</c> or <c>close of business day 3</c>.</summary>
    public override string ToString() => Kind switch
    {
        ResponseTargetKind.Immediate => "immediate",
        ResponseTargetKind.Elapsed => FormatDuration(Amount) + " elapsed",
        ResponseTargetKind.BusinessTime => FormatDuration(Amount) + " business time",
        _ => "close of business day " + Days.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary><c>12h</c>, <c>1h30m</c>, <c>45m</c>, else <c>H:mm:ss.FFFFFFFFF</c>; any duration NodaTime holds.</summary>
    internal static string FormatDuration(Duration duration)
    {
        const long NanosPerMinute = 60_000_000_000L;
        if (duration.NanosecondOfDay % NanosPerMinute != 0)
        {
            return duration.ToString("-H:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
        }

        // Whole days and the rest: a long of nanoseconds holds only 292 years, a long of minutes holds every duration.
        var minutes = ((long)duration.Days * 1440) + (duration.NanosecondOfDay / NanosPerMinute);
        var (h, m) = (minutes / 60, minutes % 60);
        return (h, m) switch
        {
            (0, _) => m.ToString(CultureInfo.InvariantCulture) + "m",
            (_, 0) => h.ToString(CultureInfo.InvariantCulture) + "h",
            _ => h.ToString(CultureInfo.InvariantCulture) + "h" + m.ToString(CultureInfo.InvariantCulture) + "m",
        };
    }
}
