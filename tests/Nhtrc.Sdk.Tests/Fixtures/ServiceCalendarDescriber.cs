using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Describes a <see cref="ServiceCalendar"/> through its public members: id, whether it is a known calendar,
/// zone, supported years, the hours of every day of the week, every holiday calendar and every override. The
/// built-in US federal calendar is named, not listed (its holidays are the SDK's, not the document's); any other
/// holiday calendar is listed holiday by holiday over every year it supports.
/// </summary>
internal static class ServiceCalendarDescriber
{
    public static void Describe(DescriptionWriter w, ServiceCalendar calendar)
    {
        w.Line("id", DescriptionWriter.Text(calendar.Id));
        var known = KnownServiceCalendars.TryGet(calendar.Id, out var k) && ReferenceEquals(k, calendar);
        w.Line("known calendar", DescriptionWriter.Flag(known));
        w.Line("time zone", calendar.Zone.Id);
        w.Line("supported years", $"{DescriptionWriter.Number(calendar.FirstSupportedYear)} to {DescriptionWriter.Number(calendar.LastSupportedYear)}");
        using (w.Part("weekly hours"))
        {
            for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
            {
                var hours = calendar.WeeklyHours[day];
                w.Line(StableLabels.Of(day), hours.IsEmpty ? "closed" : Hours(hours));
            }
        }

        w.Each("holiday calendars", "holiday calendar", calendar.HolidayCalendars, holidays => HolidayCalendar(w, holidays));
        w.EachLine("overrides", "override", calendar.Overrides, o => $"{DescriptionWriter.Date(o.Date)} {(o.IsClosed ? "closed" : Hours(o.Hours))}");
    }

    private static string Hours(ImmutableArray<OpenInterval> hours) => "[" + string.Join(", ", hours.Select(DescriptionWriter.Interval)) + "]";

    private static void HolidayCalendar(DescriptionWriter w, HolidayCalendar holidays)
    {
        w.Line("id", DescriptionWriter.Text(holidays.Id));
        if (holidays is UsFederalHolidayCalendar)
        {
            w.Line("holidays", "US federal (built in)");
            return;
        }

        w.Line("supported years", $"{DescriptionWriter.Number(holidays.FirstSupportedYear)} to {DescriptionWriter.Number(holidays.LastSupportedYear)}");
        using (w.Part("holidays"))
        {
            for (var year = holidays.FirstSupportedYear; year <= holidays.LastSupportedYear; year++)
            {
                foreach (var holiday in holidays.GetObservedHolidays(year))
                {
                    w.Line(
                        "observed " + DescriptionWriter.Date(holiday.ObservedDate),
                        $"{DescriptionWriter.Text(holiday.Name)}, actual {DescriptionWriter.Date(holiday.ActualDate)}");
                }
            }
        }
    }
}
