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
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public static ResponseTarget Elapsed(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "An elapsed target must be positive; use Immediate for zero.");
        }

        return new ResponseTarget(ResponseTargetKind.Elapsed, duration, 0);
    }

    /// <summary>An amount of open time on the business calendar after receipt (computed with <see cref="ServiceCalendar.AddBusinessTime"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is not positive.</exception>
    public static ResponseTarget BusinessTime(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A business-time target must be positive.");
        }

        return new ResponseTarget(ResponseTargetKind.BusinessTime, duration, 0);
    }

    /// <summary>The close of the <paramref name="days"/>-th business day after the local date of receipt.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static ResponseTarget BusinessDays(int days)
    {
        if (days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A business-days target needs at least 1 day.");
        }

        return new ResponseTarget(ResponseTargetKind.BusinessDays, Duration.Zero, days);
    }

    /// <summary>The instant this target falls at for a request received at <paramref name="receivedAt"/>.</summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <param name="businessCalendar">The calendar business targets are measured on; ignored by the others.</param>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the calendar's supported years.</exception>
    public Instant ApplyTo(Instant receivedAt, ServiceCalendar businessCalendar)
    {
        ArgumentNullException.ThrowIfNull(businessCalendar);
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

    internal static string FormatDuration(Duration duration)
    {
        var nanos = duration.ToInt64Nanoseconds();
        const long NanosPerMinute = 60_000_000_000L;
        if (nanos % NanosPerMinute != 0)
        {
            return duration.ToString("-H:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
        }

        var minutes = nanos / NanosPerMinute;
        var (h, m) = (minutes / 60, minutes % 60);
        return (h, m) switch
        {
            (0, _) => m.ToString(CultureInfo.InvariantCulture) + "m",
            (_, 0) => h.ToString(CultureInfo.InvariantCulture) + "h",
            _ => h.ToString(CultureInfo.InvariantCulture) + "h" + m.ToString(CultureInfo.InvariantCulture) + "m",
        };
    }
}
