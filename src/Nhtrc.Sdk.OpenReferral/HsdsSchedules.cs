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
/// Reads a service's <c>schedules</c> as a calendar in the zone <see cref="HsdsTimeZones"/> resolves: each row with
/// <c>freq</c> WEEKLY (or none), <c>byday</c> as two-letter day codes and <c>opens_at</c>/<c>closes_at</c> adds that
/// interval to each day (several rows for a day are split hours; a close at or before the open runs overnight).
/// Other rows (monthly rules, ordinal days, missing times) are reported and not imported.
/// <para>Dated rows (docs/open-referral.md, "Dated schedules"): a row with both <c>valid_from</c> and
/// <c>valid_to</c> (inclusive) spanning at most <see cref="MaxDatedDays"/> days is mapped exactly, as dated
/// overrides of the calendar: on each of its dates whose weekday the row lists, the row's hours are added to the
/// weekly hours of that day; the service keeps its weekly hours on every other date (closed when every row is
/// dated). With <see cref="HsdsImportOptions.Clock"/> set, such a row that ended before today is reported (it still
/// maps: it only closes past dates). A row with only one bound, or a longer span, cannot be expressed by overrides:
/// with the clock set it is read as weekly hours when today (in the service's zone) is within its bounds and is
/// reported and skipped otherwise; without a clock it is read as weekly hours, as if valid.</para>
/// </summary>
internal static class HsdsSchedules
{
    /// <summary>The longest span of a dated row mapped exactly, in days.</summary>
    public const int MaxDatedDays = 400;

    /// <summary>The most days a service's exactly mapped dated rows may span in all; rows beyond it are reported and skipped.</summary>
    public const int MaxOverrideDates = 1200;

    private static readonly Dictionary<string, IsoDayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = IsoDayOfWeek.Monday, ["TU"] = IsoDayOfWeek.Tuesday, ["WE"] = IsoDayOfWeek.Wednesday, ["TH"] = IsoDayOfWeek.Thursday,
        ["FR"] = IsoDayOfWeek.Friday, ["SA"] = IsoDayOfWeek.Saturday, ["SU"] = IsoDayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, IsoDayOfWeek>.AlternateLookup<ReadOnlySpan<char>> DaysBySpan = Days.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly LocalTimePattern[] Times = [LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"), LocalTimePattern.CreateWithInvariantCulture("HH:mm")];

    /// <summary>
    /// The availability, or null when the service has no schedule rows (always open, as our default). A service's
    /// schedules that name no zone take <paramref name="placeZone"/>, the default zone of the state or territory of
    /// its first location, when it has one.
    /// </summary>
    public static ServiceAvailability? Read(JsonElement service, string path, string id, HsdsImportOptions options, DateTimeZone? placeZone, Action<string, string> warn)
    {
        var rowList = Items(service, "schedules", path).ToList();
        if (rowList.Count == 0)
        {
            return null;
        }

        var zone = HsdsTimeZones.ForService(rowList, options, placeZone, warn);
        LocalDate? today = options.Clock is { } clock ? clock.GetCurrentInstant().InZone(zone).Date : null;
        // The weekly rows' intervals by day (indexed by IsoDayOfWeek), and the days in the order first met.
        var byDay = new List<OpenInterval>?[8];
        var dayOrder = new List<IsoDayOfWeek>(7);
        SortedDictionary<LocalDate, List<OpenInterval>>? dated = null;
        var read = 0;
        var datedDays = 0;
        foreach (var (row, rowPath) in rowList)
        {
            var freq = GetString(row, "freq");
            var open = Time(GetString(row, "opens_at"));
            var close = Time(GetString(row, "closes_at"));
            var weekdays = Weekdays(GetString(row, "byday"));
            if ((freq is not null && !string.Equals(freq, "WEEKLY", StringComparison.OrdinalIgnoreCase)) ||
                open is null || close is null || weekdays is null)
            {
                warn(rowPath, "is not a weekly row (freq WEEKLY, byday day codes, opens_at and closes_at); it is not imported.");
                continue;
            }

            var interval = new OpenInterval(open.Value, close.Value);
            switch (Validity(row, rowPath, today, datedDays, warn))
            {
                case (Kind.Skip, _, _):
                    continue;
                case (Kind.Exact, var from, var to):
                    datedDays += Period.Between(from, to, PeriodUnits.Days).Days + 1;
                    for (var date = from; date <= to; date = date.PlusDays(1))
                    {
                        if (weekdays.Contains(date.DayOfWeek))
                        {
                            dated ??= new();
                            (dated.TryGetValue(date, out var list) ? list : dated[date] = []).Add(interval);
                        }
                    }

                    break;
                default:
                    foreach (var day in weekdays)
                    {
                        if (byDay[(int)day] is not { } list)
                        {
                            byDay[(int)day] = list = new List<OpenInterval>(2);
                            dayOrder.Add(day);
                        }

                        list.Add(interval);
                    }

                    break;
            }

            read++;
        }

        if (read == 0)
        {
            warn(path + ".schedules", "has no weekly row that could be read; the service is treated as always open.");
            return null;
        }

        var hours = WeeklyHours.Closed;
        foreach (var day in dayOrder)
        {
            hours = hours.With(day, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(byDay[(int)day]));
        }

        try
        {
            var overrides = dated?.Select(d => DateOverride.SpecialHours(d.Key, [.. hours[d.Key.DayOfWeek], .. d.Value]));
            return ServiceAvailability.By(new ServiceCalendar("hsds-" + id, zone, hours, overrides: overrides));
        }
        catch (Exception e) when (e is NhtrcValidationException or ArgumentException)
        {
            warn(path + ".schedules", "the weekly rows overlap or are invalid; the service is treated as always open.");
            return null;
        }
    }

    private enum Kind
    {
        Weekly,
        Exact,
        Skip,
    }

    private static (Kind Kind, LocalDate From, LocalDate To) Validity(JsonElement row, string rowPath, LocalDate? today, int datesSoFar, Action<string, string> warn)
    {
        var from = Date(row, "valid_from", rowPath, warn, out var badFrom);
        var to = Date(row, "valid_to", rowPath, warn, out var badTo);
        if (badFrom || badTo)
        {
            return (Kind.Skip, default, default);
        }

        if (from is null && to is null)
        {
            return (Kind.Weekly, default, default);
        }

        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                warn(rowPath + ".valid_to", "is before valid_from; the row is not imported.");
                return (Kind.Skip, default, default);
            }

            var span = Period.Between(f, t, PeriodUnits.Days).Days + 1;
            if (span <= MaxDatedDays)
            {
                if (datesSoFar + span > MaxOverrideDates)
                {
                    warn(rowPath, $"the service's dated rows span more than {Format(MaxOverrideDates)} days in all; the row is not imported.");
                    return (Kind.Skip, default, default);
                }

                if (today is { } now && t < now)
                {
                    warn(rowPath + ".valid_to", "is before today; the row only dates past days.");
                }

                return (Kind.Exact, f, t);
            }
        }

        if (today is { } day && ((from is { } a && day < a) || (to is { } b && day > b)))
        {
            warn(rowPath, "is not valid today (valid_from/valid_to) and is open-ended or longer than the dated rows mapped exactly; it is not imported.");
            return (Kind.Skip, default, default);
        }

        return (Kind.Weekly, default, default);
    }

    private static LocalDate? Date(JsonElement row, string name, string rowPath, Action<string, string> warn, out bool bad)
    {
        bad = false;
        if (!row.TryGetProperty(name, out var raw) || raw.ValueKind == JsonValueKind.Null ||
            (raw.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(raw.GetString())))
        {
            return null;
        }

        var result = raw.ValueKind == JsonValueKind.String ? LocalDatePattern.Iso.Parse(raw.GetString()!.Trim()) : null;
        if (result is null || !result.Success || result.Value.Year < ServiceCalendar.MinimumYear || result.Value.Year > ServiceCalendar.MaximumYear)
        {
            bad = true;
            warn($"{rowPath}.{name}", $"is not a date (YYYY-MM-DD) in the years {Format(ServiceCalendar.MinimumYear)}-{Format(ServiceCalendar.MaximumYear)}; the row is not imported.");
            return null;
        }

        return result.Value;
    }

    /// <summary>The distinct days of a <c>byday</c> list (comma-separated day codes, blanks ignored) in order; null when it lists none or a code that is not a day.</summary>
    private static List<IsoDayOfWeek>? Weekdays(string? byday)
    {
        var text = (byday ?? "").AsSpan();
        var days = new List<IsoDayOfWeek>(7);
        foreach (var range in text.Split(','))
        {
            var code = text[range].Trim();
            if (code.IsEmpty)
            {
                continue;
            }

            if (!DaysBySpan.TryGetValue(code, out var day))
            {
                return null;
            }

            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }

        return days.Count == 0 ? null : days;
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
