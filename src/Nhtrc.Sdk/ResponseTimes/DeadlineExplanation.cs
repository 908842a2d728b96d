using System.Collections.Generic;
using System.Globalization;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>Writes the one-line explanation of a <see cref="ResponseDeadline"/>.</summary>
internal static class DeadlineExplanation
{
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("ddd d MMM", CultureInfo.InvariantCulture);
    private static readonly ZonedDateTimePattern Moment = ZonedDateTimePattern.Create("ddd d MMM HH:mm x", CultureInfo.InvariantCulture, null, null, default);

    public static string Explain(ResponseDeadline deadline)
    {
        var calendar = deadline.Calendar;
        var zone = calendar.Zone;
        var rule = deadline.Rule;
        var parts = new List<string>
        {
            $"{ResponseRule.UrgencyName(deadline.Urgency)} {WireNames.Of(deadline.Channel)} received {Moment.Format(deadline.ReceivedAt.InZone(zone))}",
        };

        if (rule.Target.IsBusinessMeasured || rule.Due.IsBusinessMeasured)
        {
            var last = rule.Due.IsBusinessMeasured ? deadline.DueBy : deadline.TargetBy;
            AddClosures(parts, calendar, deadline.ReceivedAt.InZone(zone).Date, last.InZone(zone).Date);
        }

        if (rule.Target == rule.Due)
        {
            parts.Add("target and due: " + Describe(rule.Target, deadline.ReceivedAt, deadline.TargetBy, calendar));
        }
        else
        {
            parts.Add("target: " + Describe(rule.Target, deadline.ReceivedAt, deadline.TargetBy, calendar));
            parts.Add("due: " + Describe(rule.Due, deadline.ReceivedAt, deadline.DueBy, calendar));
        }

        return string.Join("; ", parts);
    }

    /// <summary>Receipt, target and due in another zone, for example <c>received Tue 7 Jul 10:00 +10, target by Wed 8 Jul 09:00 +10, due by ...</c>.</summary>
    public static string InZone(ResponseDeadline deadline, DateTimeZone zone) =>
        $"received {Moment.Format(deadline.ReceivedAt.InZone(zone))}, target by {Moment.Format(deadline.TargetBy.InZone(zone))}, due by {Moment.Format(deadline.DueBy.InZone(zone))}";

    private static string Describe(ResponseTarget target, Instant received, Instant at, ServiceCalendar calendar)
    {
        var local = at.InZone(calendar.Zone);
        switch (target.Kind)
        {
            case ResponseTargetKind.Immediate:
                return "immediately";
            case ResponseTargetKind.BusinessDays:
                // Name the business day itself; a close that falls on a later date (a period past midnight) is shown in full.
                var day = calendar.NthBusinessDayAfter(received.InZone(calendar.Zone).Date, target.Days);
                return "close of " + Day.Format(day) + (local.Date == day ? string.Empty : " (" + Moment.Format(local) + ")");
            default:
                return $"{target} by {Moment.Format(local)}";
        }
    }

    /// <summary>Days after receipt, up to the deadline's date, whose weekly hours are replaced by a holiday or a closure.</summary>
    private static void AddClosures(List<string> parts, ServiceCalendar calendar, LocalDate received, LocalDate last)
    {
        var shown = 0;
        for (var date = received.PlusDays(1); date <= last && shown < 5; date = date.PlusDays(1))
        {
            var weekly = calendar.WeeklyHours[date.DayOfWeek];
            if (weekly.IsEmpty || calendar.IsBusinessDay(date))
            {
                continue;
            }

            shown++;
            if (calendar.TryGetHolidayOn(date, out var holiday) && !HasOverride(calendar, date))
            {
                parts.Add($"{Day.Format(date)} is {holiday.Name}{(holiday.IsMoved ? " (observed)" : string.Empty)}");
            }
            else
            {
                parts.Add($"{Day.Format(date)} is closed");
            }
        }
    }

    private static bool HasOverride(ServiceCalendar calendar, LocalDate date)
    {
        foreach (var item in calendar.Overrides)
        {
            if (item.Date == date)
            {
                return true;
            }
        }

        return false;
    }
}
