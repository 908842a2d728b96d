using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads a service's <c>schedules</c> as weekly hours in the source's IANA zone: each row with <c>freq</c> WEEKLY
/// (or none), <c>byday</c> as two-letter day codes and <c>opens_at</c>/<c>closes_at</c> adds that interval to each
/// day (several rows for a day are split hours; a close at or before the open runs overnight). Other rows
/// (monthly rules, ordinal days, missing times) are reported and not imported; valid_from/valid_to are not read yet.
/// </summary>
internal static class HsdsSchedules
{
    private static readonly Dictionary<string, IsoDayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = IsoDayOfWeek.Monday, ["TU"] = IsoDayOfWeek.Tuesday, ["WE"] = IsoDayOfWeek.Wednesday, ["TH"] = IsoDayOfWeek.Thursday,
        ["FR"] = IsoDayOfWeek.Friday, ["SA"] = IsoDayOfWeek.Saturday, ["SU"] = IsoDayOfWeek.Sunday,
    };

    private static readonly LocalTimePattern[] Times = [LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"), LocalTimePattern.CreateWithInvariantCulture("HH:mm")];

    /// <summary>The availability, or null when the service has no schedule rows (always open, as our default).</summary>
    public static ServiceAvailability? Read(JsonElement service, string path, string id, DateTimeZone zone, Action<string, string> warn)
    {
        var byDay = new Dictionary<IsoDayOfWeek, List<OpenInterval>>();
        var rows = 0;
        foreach (var (row, rowPath) in Items(service, "schedules", path))
        {
            rows++;
            var freq = GetString(row, "freq");
            var open = Time(GetString(row, "opens_at"));
            var close = Time(GetString(row, "closes_at"));
            var days = (GetString(row, "byday") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if ((freq is not null && !string.Equals(freq, "WEEKLY", StringComparison.OrdinalIgnoreCase)) ||
                open is null || close is null || days.Length == 0 || days.Any(d => !Days.ContainsKey(d)))
            {
                warn(rowPath, "is not a weekly row (freq WEEKLY, byday day codes, opens_at and closes_at); it is not imported.");
                continue;
            }

            foreach (var day in days)
            {
                var list = byDay.TryGetValue(Days[day], out var existing) ? existing : byDay[Days[day]] = [];
                list.Add(new OpenInterval(open.Value, close.Value));
            }
        }

        if (rows == 0)
        {
            return null;
        }

        if (byDay.Count == 0)
        {
            warn(path + ".schedules", "has no weekly row that could be read; the service is treated as always open.");
            return null;
        }

        var hours = WeeklyHours.Closed;
        foreach (var (day, intervals) in byDay)
        {
            hours = hours.With(day, [.. intervals.OrderBy(i => i.Open)]);
        }

        try
        {
            return ServiceAvailability.By(new ServiceCalendar("hsds-" + id, zone, hours));
        }
        catch (Exception e) when (e is NhtrcValidationException or ArgumentException)
        {
            warn(path + ".schedules", "the weekly rows overlap or are invalid; the service is treated as always open.");
            return null;
        }
    }

    private static LocalTime? Time(string? text)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var pattern in Times)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                return result.Value;
            }
        }

        return null;
    }
}
