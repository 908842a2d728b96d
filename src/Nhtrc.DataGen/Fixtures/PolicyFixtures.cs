using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// Response policies written by <see cref="ResponsePolicyJson.Serialize"/>, plus <see cref="ResponsePolicy.NhtrcDefault"/>.
/// Each urgency's channels are split at random into rules, with targets of every kind; the business calendar is
/// a known one by id or an inline calendar (split, overnight and all-day hours, US federal and dated holidays,
/// closed and special-hours overrides) in one of several IANA zones.
/// </summary>
internal static class PolicyFixtures
{
    private const int Seed = 2_000_000;

    private static readonly string[] Zones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
        "Pacific/Honolulu", "America/Puerto_Rico", "America/St_Johns", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu",
        "Australia/Lord_Howe", "Pacific/Chatham", "UTC", "Etc/GMT+5",
    ];

    private static readonly string[] HolidayNames = ["Founders Day", "Staff Training Day", "Community Day", "Winter Closure", "Día de la Fundación"];

    public static IReadOnlyList<FixtureDocument> Build(int count)
    {
        var documents = new List<FixtureDocument>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var policy = Policy(i, new FixtureRandom(Seed + i));
            documents.Add(new FixtureDocument(string.Create(CultureInfo.InvariantCulture, $"policy-{i:D3}.json"), ResponsePolicyJson.Serialize(policy)));
        }

        documents.Add(new FixtureDocument("nhtrc-default.json", ResponsePolicyJson.Serialize(ResponsePolicy.NhtrcDefault)));
        return documents;
    }

    private static ResponsePolicy Policy(int i, FixtureRandom r)
    {
        var rules = new List<ResponseRule>();
        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            var channels = r.Shuffle(Enum.GetValues<ContactChannel>());
            var groups = r.Between(1, channels.Count);
            for (var g = 0; g < groups; g++)
            {
                // Group g takes every groups-th channel from g, so each group has at least one.
                var members = channels.Where((_, k) => k % groups == g).ToArray();
                var (target, due) = Targets(r);
                var id = string.Create(CultureInfo.InvariantCulture, $"{(urgency == Urgency.Urgent ? "urgent" : "non-urgent")}-{g + 1}");
                rules.Add(new ResponseRule(id, members, urgency, target, due));
            }
        }

        var ordered = r.Chance(50) ? rules : r.Shuffle(rules);
        return new ResponsePolicy(string.Create(CultureInfo.InvariantCulture, $"fixture-policy-{i:D3}"), Calendar(i, r), ordered);
    }

    private static (ResponseTarget Target, ResponseTarget Due) Targets(FixtureRandom r)
    {
        var target = Target(r);
        if (r.Chance(30))
        {
            return (target, target);
        }

        // Due is measured the same way and not earlier, or measured another way (no order is required then).
        var due = r.Chance(60)
            ? target.Kind switch
            {
                ResponseTargetKind.Immediate => ResponseTarget.Immediate,
                ResponseTargetKind.Elapsed => ResponseTarget.Elapsed(target.Amount + Duration.FromMinutes(r.Between(0, 48 * 60))),
                ResponseTargetKind.BusinessTime => ResponseTarget.BusinessTime(target.Amount + Duration.FromMinutes(r.Between(0, 16 * 60))),
                _ => ResponseTarget.BusinessDays(target.Days + r.Between(0, 5)),
            }
            : Target(r);
        return due.Kind == target.Kind && (due.Amount < target.Amount || due.Days < target.Days) ? (due, target) : (target, due);
    }

    private static ResponseTarget Target(FixtureRandom r) => r.Next(4) switch
    {
        0 => ResponseTarget.Immediate,
        1 => ResponseTarget.Elapsed(Amount(r)),
        2 => ResponseTarget.BusinessTime(Amount(r)),
        _ => ResponseTarget.BusinessDays(r.Between(1, 10)),
    };

    // Whole hours, hours and minutes, or now and then seconds and a fraction, up to a few days.
    private static Duration Amount(FixtureRandom r) => r.Next(6) switch
    {
        0 => Duration.FromMinutes(r.Between(1, 59)),
        1 => Duration.FromMinutes(r.Between(61, 72 * 60)),
        2 => Duration.FromSeconds(r.Between(1, 86_400)) + Duration.FromMilliseconds(r.Between(0, 999)),
        _ => Duration.FromHours(r.Between(1, 96)),
    };

    private static ServiceCalendar Calendar(int i, FixtureRandom r)
    {
        switch (i % 10)
        {
            case 0:
                return KnownServiceCalendars.NhtrcBusinessHours;
            case 5:
                return KnownServiceCalendars.AlwaysOpen;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"fixture-calendar-{i:D3}");
        var holidayCalendars = new List<HolidayCalendar>();
        if (r.Chance(50))
        {
            holidayCalendars.Add(HolidayCalendar.UsFederal);
        }

        if (r.Chance(50))
        {
            holidayCalendars.Add(HolidayCalendar.FromDates(id + "-closures", Holidays(r)));
        }

        return new ServiceCalendar(id, DateTimeZoneProviders.Tzdb[r.Pick(Zones)], Weekly(r), holidayCalendars, Overrides(r));
    }

    private static WeeklyHours Weekly(FixtureRandom r)
    {
        var hours = WeeklyHours.Closed;
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var weekend = day >= IsoDayOfWeek.Saturday;
            hours = hours.With(day, Day(r, weekend));
        }

        // A calendar that never opens has no business time; give such a draw regular weekday hours.
        return hours.IsAlwaysClosed ? WeeklyHours.MondayToFriday(Interval(9, 0, 17, 0)) : hours;
    }

    private static OpenInterval[] Day(FixtureRandom r, bool weekend) => r.Next(weekend ? 12 : 10) switch
    {
        0 => [OpenInterval.AllDay],
        1 => [Interval(8, 0, 12, 0), Interval(13, 0, 17, 30)],
        2 => [Interval(22, 0, 6, 0)],
        3 => [Interval(9, 0, 17, 0), Interval(20, 0, 2, 0)],
        4 => [Interval(r.Between(6, 10), 15 * r.Next(4), r.Between(16, 21), 15 * r.Next(4))],
        5 => [Interval(13, 0, 17, 0), Interval(9, 0, 12, 0), Interval(11, 0, 14, 0)],
        6 or 7 => [Interval(9, 0, 17, 0)],
        8 => [Interval(7, 30, 19, 0)],
        _ => [],
    };

    private static OpenInterval Interval(int openHour, int openMinute, int closeHour, int closeMinute) =>
        new(new LocalTime(openHour, openMinute), new LocalTime(closeHour, closeMinute));

    private static List<Holiday> Holidays(FixtureRandom r)
    {
        var holidays = new List<Holiday>();
        var seen = new HashSet<(LocalDate, string)>();
        for (var n = r.Between(1, 6); n > 0; n--)
        {
            var actual = new LocalDate(r.Between(2024, 2030), r.Between(1, 12), r.Between(1, 28));
            var observed = r.Chance(30) ? actual.PlusDays(r.Chance(50) ? 1 : -1) : actual;
            var name = r.Pick(HolidayNames);
            if (seen.Add((observed, name)))
            {
                holidays.Add(new Holiday(name, actual, observed));
            }
        }

        return holidays;
    }

    private static List<DateOverride> Overrides(FixtureRandom r)
    {
        var overrides = new List<DateOverride>();
        var dates = new HashSet<LocalDate>();
        for (var n = r.Chance(30) ? 0 : r.Between(1, 5); n > 0; n--)
        {
            var date = new LocalDate(r.Between(2024, 2030), r.Between(1, 12), r.Between(1, 28));
            if (!dates.Add(date))
            {
                continue;
            }

            overrides.Add(r.Chance(50)
                ? DateOverride.Closed(date)
                : DateOverride.SpecialHours(date, r.Chance(50) ? [Interval(10, 0, 14, 0)] : [Interval(18, 0, 23, 0), Interval(9, 0, 12, 0)]));
        }

        return overrides;
    }
}
