using System;
using System.Collections.Generic;
using System.Globalization;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Scheduling.Json;

/// <summary>Reads and writes service calendars in the document format of docs/deadlines.md.</summary>
internal static class ServiceCalendarDocumentReader
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public const string Subject = "service calendar document";

    /// <summary>Reads a calendar document on its own (docs/deadlines.md): its <c>id</c> is required.</summary>
    public static ServiceCalendar ToCalendar(ServiceCalendarDocument? d)
    {
        var problems = new ProblemList();
        var calendar = ToCalendar(problems, "$", d);
        problems.ThrowIfAny(Subject);
        return calendar!;
    }

    /// <summary>Builds the calendar, or adds every problem under <paramref name="path"/> and returns null.</summary>
    /// <param name="problems">Where problems are added.</param>
    /// <param name="path">The JSON path of the calendar document.</param>
    /// <param name="d">The document.</param>
    /// <param name="deriveId">
    /// Gives the id when the document has no <c>id</c> (a referral directory derives one from the
    /// definition); null, as for response policies, makes <c>id</c> required.
    /// </param>
    public static ServiceCalendar? ToCalendar(ProblemList problems, string path, ServiceCalendarDocument? d, Func<string>? deriveId = null)
    {
        if (d is null)
        {
            problems.Add(path, "must be an object.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var id = d.Id ?? deriveId?.Invoke();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(path + ".id", deriveId is null ? "is required." : "must not be blank; leave it out to derive one from the definition.");
        }

        DateTimeZone? zone = null;
        if (string.IsNullOrWhiteSpace(d.TimeZone))
        {
            problems.Add(path + ".timeZone", "is required (an IANA time zone id such as America/New_York).");
        }
        else if ((zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(d.TimeZone)) is null)
        {
            problems.Add(path + ".timeZone", $"'{d.TimeZone}' is not a time zone of the tz database.");
        }

        var weekly = WeeklyHours.Closed;
        if (d.WeeklyHours is null)
        {
            problems.Add(path + ".weeklyHours", "is required (an object of day names to lists such as [\"09:00-19:00\"]).");
        }
        else
        {
            foreach (var (name, hours) in d.WeeklyHours)
            {
                var index = Array.IndexOf(DayNames, name);
                var dayPath = DocumentFields.PropertyPath(path + ".weeklyHours", name);
                if (index < 0)
                {
                    problems.Add(dayPath, $"is not a day; use {string.Join(", ", DayNames)}.");
                    continue;
                }

                if (Intervals(problems, dayPath, hours) is { } intervals)
                {
                    weekly = weekly.With((IsoDayOfWeek)(index + 1), intervals);
                }
            }
        }

        var holidayCalendars = new List<HolidayCalendar>();
        var names = d.HolidayCalendars ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == HolidayCalendar.UsFederal.Id)
            {
                // Listed twice, a calendar closes nothing more, but every date would be looked up in it again.
                if (holidayCalendars.Contains(HolidayCalendar.UsFederal))
                {
                    problems.Add($"{path}.holidayCalendars[{i}]", $"repeats {HolidayCalendar.UsFederal.Id}; list each holiday calendar once.");
                }
                else
                {
                    holidayCalendars.Add(HolidayCalendar.UsFederal);
                }
            }
            else
            {
                problems.Add($"{path}.holidayCalendars[{i}]", $"'{names[i]}' is not a known holiday calendar; use us-federal, or list dates under holidays.");
            }
        }

        var holidays = new List<Holiday>();
        var holidayDocuments = d.Holidays ?? [];
        for (var i = 0; i < holidayDocuments.Count; i++)
        {
            var itemPath = $"{path}.holidays[{i}]";
            var h = holidayDocuments[i];
            if (h is null)
            {
                problems.Add(itemPath, "must be an object.");
                continue;
            }

            DocumentFields.Unknown(problems, itemPath, h.Unknown);
            if (string.IsNullOrWhiteSpace(h.Name))
            {
                problems.Add(itemPath + ".name", "is required.");
            }

            var actual = LocalDateValue(problems, itemPath + ".date", h.Date, required: true);
            var observed = LocalDateValue(problems, itemPath + ".observed", h.Observed, required: false) ?? actual;
            if (actual is not null && observed is not null && !string.IsNullOrWhiteSpace(h.Name))
            {
                holidays.Add(new Holiday(h.Name, actual.Value, observed.Value));
            }
        }

        var overrides = new List<DateOverride>();
        var seen = new Dictionary<LocalDate, int>();
        var overrideDocuments = d.Overrides ?? [];
        for (var i = 0; i < overrideDocuments.Count; i++)
        {
            var itemPath = $"{path}.overrides[{i}]";
            var o = overrideDocuments[i];
            if (o is null)
            {
                problems.Add(itemPath, "must be an object.");
                continue;
            }

            DocumentFields.Unknown(problems, itemPath, o.Unknown);
            var date = LocalDateValue(problems, itemPath + ".date", o.Date, required: true);
            if (date is { } day && !seen.TryAdd(day, i))
            {
                problems.Add(itemPath + ".date", $"{Date.Format(day)} already has an override at overrides[{seen[day]}].");
                date = null;
            }

            var closed = o.Closed == true;
            if (closed == (o.Hours is not null))
            {
                problems.Add(itemPath, "needs exactly one of \"closed\": true or \"hours\": [...].");
                continue;
            }

            if (date is null)
            {
                continue;
            }

            if (closed)
            {
                overrides.Add(DateOverride.Closed(date.Value));
            }
            else if (Intervals(problems, itemPath + ".hours", o.Hours) is { } hours)
            {
                if (hours.Length == 0)
                {
                    problems.Add(itemPath + ".hours", "must not be empty; use \"closed\": true to close the date.");
                }
                else
                {
                    overrides.Add(DateOverride.SpecialHours(date.Value, hours));
                }
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        if (holidays.Count > 0)
        {
            try
            {
                holidayCalendars.Add(HolidayCalendar.FromDates(id + "-holidays", holidays));
            }
            catch (NhtrcValidationException e)
            {
                foreach (var problem in e.Problems)
                {
                    problems.Add($"{path}.{problem.Location}", problem.Message);
                }

                return null;
            }
        }

        try
        {
            return new ServiceCalendar(id!, zone!, weekly, holidayCalendars, overrides);
        }
        catch (NhtrcValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                problems.Add($"{path}.{problem.Location}", problem.Message);
            }

            return null;
        }
    }

    /// <summary>The document of <paramref name="calendar"/>; throws when a holiday calendar cannot be written.</summary>
    public static ServiceCalendarDocument ToDocument(ServiceCalendar calendar)
    {
        var weekly = new Dictionary<string, List<string?>?>();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var hours = calendar.WeeklyHours[day];
            if (!hours.IsEmpty)
            {
                weekly[DayNames[(int)day - 1]] = Texts(hours);
            }
        }

        var names = new List<string?>();
        var holidays = new List<HolidayDocument?>();
        foreach (var holidayCalendar in calendar.HolidayCalendars)
        {
            AddHolidays(calendar, holidayCalendar, names, holidays);
        }

        var overrides = new List<DateOverrideDocument?>();
        foreach (var item in calendar.Overrides)
        {
            overrides.Add(item.IsClosed
                ? new DateOverrideDocument { Date = Date.Format(item.Date), Closed = true }
                : new DateOverrideDocument { Date = Date.Format(item.Date), Hours = Texts(item.Hours) });
        }

        return new ServiceCalendarDocument
        {
            Id = calendar.Id,
            TimeZone = calendar.Zone.Id,
            WeeklyHours = weekly,
            HolidayCalendars = names.Count > 0 ? names : null,
            Holidays = holidays.Count > 0 ? holidays : null,
            Overrides = overrides.Count > 0 ? overrides : null,
        };
    }

    private static void AddHolidays(ServiceCalendar calendar, HolidayCalendar holidayCalendar, List<string?> names, List<HolidayDocument?> holidays)
    {
        switch (holidayCalendar)
        {
            case UsFederalHolidayCalendar:
                if (!names.Contains(holidayCalendar.Id))
                {
                    names.Add(holidayCalendar.Id);
                }

                break;
            case DatedHolidayCalendar dated:
                foreach (var holiday in dated.AllHolidays)
                {
                    holidays.Add(new HolidayDocument
                    {
                        Name = holiday.Name,
                        Date = Date.Format(holiday.ActualDate),
                        Observed = holiday.IsMoved ? Date.Format(holiday.ObservedDate) : null,
                    });
                }

                break;
            case UnionHolidayCalendar union:
                foreach (var member in union.Members)
                {
                    AddHolidays(calendar, member, names, holidays);
                }

                break;
            default:
                throw new NhtrcValidationException(
                    $"service calendar '{calendar.Id}'",
                    [new ValidationProblem("holidayCalendars", $"'{holidayCalendar.Id}' is a custom holiday calendar type that cannot be written as a document; use HolidayCalendar.FromDates.")]);
        }
    }

    private static List<string?> Texts(System.Collections.Immutable.ImmutableArray<OpenInterval> hours)
    {
        var texts = new List<string?>(hours.Length);
        foreach (var interval in hours)
        {
            texts.Add(interval.ToString());
        }

        return texts;
    }

    private static OpenInterval[]? Intervals(ProblemList problems, string path, List<string?>? hours)
    {
        if (hours is null)
        {
            problems.Add(path, "must be a list such as [\"09:00-19:00\"].");
            return null;
        }

        var result = new OpenInterval[hours.Count];
        var ok = true;
        for (var i = 0; i < hours.Count; i++)
        {
            if (!OpenInterval.TryParse(hours[i], out result[i]))
            {
                problems.Add($"{path}[{i}]", $"'{hours[i]}' is not an open interval of the form HH:mm-HH:mm (09:00-19:00, 22:00-06:00, 00:00-24:00).");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private static LocalDate? LocalDateValue(ProblemList problems, string path, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(path, "is required (a date such as 2026-07-03).");
            }

            return null;
        }

        var parsed = Date.Parse(value);
        if (!parsed.Success)
        {
            problems.Add(path, $"'{value}' is not a date of the form yyyy-MM-dd.");
            return null;
        }

        if (parsed.Value.Year is < ServiceCalendar.MinimumYear or > ServiceCalendar.MaximumYear)
        {
            problems.Add(path, string.Create(
                CultureInfo.InvariantCulture,
                $"is in year {parsed.Value.Year}, outside the years {ServiceCalendar.MinimumYear} to {ServiceCalendar.MaximumYear} a service calendar supports."));
            return null;
        }

        return parsed.Value;
    }

    /// <summary>
    /// <c>PT39H</c>, <c>PT1H30M</c>, <c>PT0.5S</c>, <c>PT0S</c> (never days); a negative duration has a leading minus.
    /// Any duration NodaTime holds, since it works on whole days and the rest rather than a long of nanoseconds.
    /// </summary>
    internal static string FormatIsoDuration(Duration duration)
    {
        const long NanosPerSecond = 1_000_000_000L;
        if (duration == Duration.MinValue)
        {
            // Its negation does not exist: exactly 2^24 days.
            return "-PT" + (Duration.MinValue.Days * -24L).ToString(CultureInfo.InvariantCulture) + "H";
        }

        var sign = duration < Duration.Zero ? "-" : string.Empty;
        var magnitude = duration < Duration.Zero ? -duration : duration;
        var secondsOfDay = magnitude.NanosecondOfDay / NanosPerSecond;
        var fraction = magnitude.NanosecondOfDay % NanosPerSecond;
        var (h, m, s) = (((long)magnitude.Days * 24) + (secondsOfDay / 3600), secondsOfDay / 60 % 60, secondsOfDay % 60);
        var text = sign + "PT";
        text += h > 0 ? h.ToString(CultureInfo.InvariantCulture) + "H" : string.Empty;
        text += m > 0 ? m.ToString(CultureInfo.InvariantCulture) + "M" : string.Empty;
        if (s > 0 || fraction > 0 || (h == 0 && m == 0))
        {
            text += s.ToString(CultureInfo.InvariantCulture)
                + (fraction > 0 ? "." + fraction.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0') : string.Empty)
                + "S";
        }

        return text;
    }
}
