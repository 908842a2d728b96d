using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Schedules of the HSDS export: a service's weekly hours as WEEKLY rows, one per distinct open period with the days
/// it applies to in <c>byday</c> (so split hours are several rows), times in the calendar's zone, a period that
/// closes on the next day written with <c>closes_at</c> at or before <c>opens_at</c>. An always-open service has no
/// rows. A dated override that keeps the weekly hours of its day and adds to them is written as one dated row per
/// added period (<c>valid_from</c> = <c>valid_to</c> = its date, <c>byday</c> its weekday), which the importer adds to
/// the weekly hours of that date; an override that closes or shortens a day, and holidays, have no HSDS form and are
/// not written (lossy).
/// </summary>
internal sealed partial class HsdsExportWriter
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");

    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    private static readonly (IsoDayOfWeek Day, string Code)[] Days =
    [
        (IsoDayOfWeek.Monday, "MO"), (IsoDayOfWeek.Tuesday, "TU"), (IsoDayOfWeek.Wednesday, "WE"), (IsoDayOfWeek.Thursday, "TH"),
        (IsoDayOfWeek.Friday, "FR"), (IsoDayOfWeek.Saturday, "SA"), (IsoDayOfWeek.Sunday, "SU"),
    ];

    /// <summary>
    /// The rows of weekly hours: each distinct period (open, close, and which repeat of it on the day, for a day listing
    /// the same period twice) with its days, in the order the periods first appear from Monday to Sunday.
    /// </summary>
    internal static List<(OpenInterval Interval, List<string> Days)> WeeklyRows(WeeklyHours hours)
    {
        var rows = new List<(OpenInterval Interval, List<string> Days)>();
        var byKey = new Dictionary<(OpenInterval, int), int>();
        foreach (var (day, code) in Days)
        {
            var seen = new Dictionary<OpenInterval, int>();
            foreach (var interval in hours[day])
            {
                var repeat = seen.TryGetValue(interval, out var n) ? n : 0;
                seen[interval] = repeat + 1;
                if (!byKey.TryGetValue((interval, repeat), out var row))
                {
                    row = rows.Count;
                    byKey.Add((interval, repeat), row);
                    rows.Add((interval, []));
                }

                rows[row].Days.Add(code);
            }
        }

        return rows;
    }

    /// <summary>
    /// The dated rows of a calendar's overrides, by date: the periods an override adds to the weekly hours of its day
    /// (each weekly period kept as often as the day lists it). An override that drops a weekly period cannot be written.
    /// </summary>
    internal static List<(LocalDate Date, OpenInterval Interval)> DatedRows(ServiceCalendar calendar)
    {
        var rows = new List<(LocalDate Date, OpenInterval Interval)>();
        foreach (var dateOverride in calendar.Overrides)
        {
            var added = new List<OpenInterval>(dateOverride.Hours);
            var keepsWeekly = true;
            foreach (var weekly in calendar.WeeklyHours[dateOverride.Date.DayOfWeek])
            {
                keepsWeekly &= added.Remove(weekly);
            }

            if (keepsWeekly)
            {
                rows.AddRange(added.Select(interval => (dateOverride.Date, interval)));
            }
        }

        return rows;
    }

    /// <summary>The zone's standard offset in hours on <paramref name="date"/> (5.5 for +05:30): what HSDS <c>timezone</c> holds.</summary>
    internal static double StandardOffsetHours(DateTimeZone zone, LocalDate date) =>
        zone.GetZoneInterval(zone.AtStartOfDay(date).ToInstant()).StandardOffset.Seconds / 3600.0;

    private void WriteSchedules(Service service, string key)
    {
        _w.WriteStartArray("schedules");
        if (service.Availability.Calendar is { } calendar)
        {
            var rows = WeeklyRows(calendar.WeeklyHours);
            var dated = DatedRows(calendar);
            var offset = StandardOffsetHours(calendar.Zone, service.LastVerified);
            if (rows.Count == 0 && dated.Count == 0)
            {
                // Without this row a reader would take "no schedules" for always open.
                _w.WriteStartObject();
                _w.WriteString("id", DerivedId(key, "schedule", 0));
                _w.WriteString("service_id", service.Id);
                _w.WriteString("description", "No regular weekly hours.");
                _w.WriteNumber("timezone", offset);
                WriteZone(calendar.Zone, key, 0);
                _w.WriteEndObject();
            }

            for (var i = 0; i < rows.Count; i++)
            {
                var (interval, days) = rows[i];
                _w.WriteStartObject();
                _w.WriteString("id", DerivedId(key, "schedule", i));
                _w.WriteString("service_id", service.Id);
                _w.WriteString("freq", "WEEKLY");
                _w.WriteString("byday", string.Join(",", days));
                _w.WriteString("opens_at", Time.Format(interval.Open));
                _w.WriteString("closes_at", Time.Format(interval.Close));
                _w.WriteNumber("timezone", offset);
                WriteZone(calendar.Zone, key, i);
                _w.WriteEndObject();
            }

            for (var j = 0; j < dated.Count; j++)
            {
                var (date, interval) = dated[j];
                var row = rows.Count + j;
                _w.WriteStartObject();
                _w.WriteString("id", DerivedId(key, "schedule", row));
                _w.WriteString("service_id", service.Id);
                _w.WriteString("valid_from", Date.Format(date));
                _w.WriteString("valid_to", Date.Format(date));
                _w.WriteString("freq", "WEEKLY");
                _w.WriteString("byday", Days[(int)date.DayOfWeek - 1].Code);
                _w.WriteString("opens_at", Time.Format(interval.Open));
                _w.WriteString("closes_at", Time.Format(interval.Close));
                _w.WriteNumber("timezone", offset);
                WriteZone(calendar.Zone, key, row);
                _w.WriteEndObject();
            }
        }

        _w.WriteEndArray();
    }

    private void WriteZone(DateTimeZone zone, string key, int row)
    {
        _w.WriteStartArray("attributes");
        if (_options.PrivateAttributes)
        {
            var scheduleId = DerivedId(key, "schedule", row);
            HsdsExportTerms.WriteAttribute(_w, "schedule:" + scheduleId, scheduleId, "schedule", 0, HsdsExportTerms.TimeZoneTaxonomy, zone.Id);
        }

        _w.WriteEndArray();
    }
}
