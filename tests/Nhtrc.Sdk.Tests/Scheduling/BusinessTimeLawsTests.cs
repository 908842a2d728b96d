using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// The laws of business-time arithmetic (docs/deadlines.md), each checked on random calendars for both the
/// real calendar and the naive minute-by-minute reference.
/// </summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 150)]
public sealed class BusinessTimeLawsTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    [Property]
    public Property RoundTrip_BetweenOfAdd_IsTheAmount(CalendarCase c) => Naive(c, c.Models.All(m =>
        m.Add(c.T, c.D1) is not { } r || m.Between(c.T, r) == c.D1));

    [Property]
    public Property Add_IsTheSmallestSuchInstant(CalendarCase c) => Naive(c, c.Models.All(m =>
        m.Add(c.T, c.D1) is not { } r
        || (r >= c.T && (c.D1 == Duration.Zero ? r == c.T : r - Minute < c.T || m.Between(c.T, r - Minute) < c.D1))));

    [Property]
    public Property Add_IsAdditive(CalendarCase c) => Naive(c, c.Models.All(m =>
        m.Add(c.T, c.D1) is not { } first
        || m.Add(first, c.D2) is not { } twice
        || m.Add(c.T, c.D1 + c.D2) is not { } once
        || twice == once));

    [Property]
    public Property Between_IsAdditive(CalendarCase c)
    {
        var b = c.T + c.D1;
        var e = b + c.D2;
        return Naive(c, c.Models.All(m => m.Between(c.T, b) + m.Between(b, e) == m.Between(c.T, e)
            && m.Between(e, c.T) == -m.Between(c.T, e)));
    }

    [Property]
    public Property Between_IsBoundedByElapsedTime(CalendarCase c)
    {
        var end = c.T + c.D1;
        return Naive(c, c.Models.All(m => m.Between(c.T, end) is var between && between >= Duration.Zero && between <= c.D1));
    }

    [Property]
    public Property Add_And_Between_AreMonotonic(CalendarCase c)
    {
        var (small, large) = c.D1 <= c.D2 ? (c.D1, c.D2) : (c.D2, c.D1);
        return Naive(c, c.Models.All(m =>
            m.Between(c.T, c.T + small) <= m.Between(c.T, c.T + large)
            && (m.Add(c.T, small) is not { } a || m.Add(c.T, large) is not { } b || a <= b)));
    }

    [Property]
    public Property Subtract_InvertsAdd_OnOpenTime(CalendarCase c) => Naive(c, c.Models.All(m =>
        c.D1 == Duration.Zero
        || m.Add(c.T, c.D1) is not { } r
        || m.Subtract(r, c.D1) is not { } back
        || back == (m.IsOpen(c.T) ? c.T : m.NextOpening(c.T))));

    [Property]
    public Property Subtract_RoundTrips_AndIsTheLargestSuchInstant(CalendarCase c) => Naive(c, c.Models.All(m =>
        m.Subtract(c.T, c.D1) is not { } s
        || (s <= c.T && m.Between(s, c.T) == c.D1
            && (c.D1 == Duration.Zero || s + Minute > c.T || m.Between(s + Minute, c.T) < c.D1))));

    [Property]
    public Property NextOpening_And_NextClosing_AreTransitions(CalendarCase c) => Naive(c, c.Models.All(m =>
        (m.NextOpening(c.T) is not { } open
            || (open >= c.T && m.IsOpen(open) && !m.IsOpen(open - Minute) && (m.IsOpen(c.T) || m.Between(c.T, open) == Duration.Zero)))
        && (m.NextClosing(c.T) is not { } close
            || (close > c.T && !m.IsOpen(close) && m.IsOpen(close - Minute)
                && (!m.IsOpen(c.T) || m.Between(c.T, close) == close - c.T)))));

    [Property]
    public Property NthBusinessDay_CountsBusinessDaysStrictlyAfterTheDate(CalendarCase c)
    {
        var date = c.T.InZone(c.Definition.Zone).Date;
        return Naive(c, c.Models.All(m =>
        {
            if (m.NthBusinessDayAfter(date, c.N) is not { } day)
            {
                return true;
            }

            var count = 0;
            for (var d = date.PlusDays(1); d <= day; d = d.PlusDays(1))
            {
                count += m.IsBusinessDay(d) ? 1 : 0;
            }

            return day > date && m.IsBusinessDay(day) && count == c.N
                && m.NthBusinessDayAfter(day, 1) == m.NthBusinessDayAfter(date, c.N + 1);
        }));
    }

    [Property(MaxTest = 60)]
    public bool LongSpans_RoundTrip_OnTheRealCalendar(CalendarCase c)
    {
        var real = c.Real;
        var later = real.Add(c.T, c.Big)!.Value;
        return real.Between(c.T, later) == c.Big
            && real.Subtract(later, c.Big) == (real.IsOpen(c.T) ? c.T : real.NextOpening(c.T))
            && real.Between(c.T, later) + real.Between(later, later + c.D1) == real.Between(c.T, later + c.D1);
    }

    private static Property Naive(CalendarCase c, bool law) =>
        law.Classify(c.NaiveGaveUpOnAny, "naive model gave up past its horizon (real calendar alone)");
}
