using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Nhtrc.Sdk.OpenReferral.Tests.HsdsScheduleZoneTests;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsScheduleDatedTests
{
    private static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];
    private static readonly DateTimeZone Denver = DateTimeZoneProviders.Tzdb["America/Denver"];

    private static bool OpenAt(ReferralDirectoryLoadView load, int fixture, DateTimeZone zone, int y, int m, int d, int h, int min = 0) =>
        load.Load.Directory.GetService(FixtureId(fixture)).Availability.IsOpen(new LocalDateTime(y, m, d, h, min).InZoneLeniently(zone).ToInstant());

    /// <summary>A load with its fixture helper (keeps the call sites short).</summary>
    public sealed record ReferralDirectoryLoadView(Referrals.ReferralDirectoryLoad Load);

    private static string Service(string schedules) => $$"""
        { "id": "a", "name": "Fictional service", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{ "id": "1", "name": "TX" }], "schedules": [{{schedules}}] }
        """;

    private static string Row(string byday, string open, string close, string extra = "") =>
        $$"""{ "id": "r", "freq": "WEEKLY", "byday": "{{byday}}", "opens_at": "{{open}}", "closes_at": "{{close}}" {{extra}} }""";

    private static HsdsImportOptions At(int y, int m, int d) =>
        Options with { Clock = new FixedClock(Instant.FromUtc(y, m, d, 18, 0)), TimeZone = DateTimeZone.Utc };

    [Fact]
    public void The_seasonal_overnight_shelter_is_open_only_in_its_season_including_the_last_night()
    {
        var load = new ReferralDirectoryLoadView(Fixtures());
        Assert.False(OpenAt(load, 17, Chicago, 2026, 11, 14, 21));
        Assert.False(OpenAt(load, 17, Chicago, 2026, 11, 15, 19, 59));
        Assert.True(OpenAt(load, 17, Chicago, 2026, 11, 15, 20));
        Assert.True(OpenAt(load, 17, Chicago, 2026, 11, 20, 3));
        Assert.False(OpenAt(load, 17, Chicago, 2026, 11, 20, 12));
        Assert.True(OpenAt(load, 17, Chicago, 2027, 1, 1, 7, 59)); // the night of Dec 31 runs into Jan 1
        Assert.False(OpenAt(load, 17, Chicago, 2027, 1, 1, 21));
        Assert.False(OpenAt(load, 17, Chicago, 2026, 6, 1, 22));
        Assert.DoesNotContain(load.Load.Report.Issues, i => i.Path.Contains("schedules", StringComparison.Ordinal));
    }

    [Fact]
    public void The_tax_season_service_is_open_on_its_weekdays_between_the_dates_only()
    {
        var load = new ReferralDirectoryLoadView(Fixtures());
        Assert.False(OpenAt(load, 23, Denver, 2026, 1, 13, 17)); // Tuesday before valid_from
        Assert.True(OpenAt(load, 23, Denver, 2026, 1, 20, 16));  // Tuesday, valid_from
        Assert.False(OpenAt(load, 23, Denver, 2026, 1, 21, 17)); // Wednesday
        Assert.True(OpenAt(load, 23, Denver, 2026, 4, 14, 19, 59));
        Assert.False(OpenAt(load, 23, Denver, 2026, 4, 16, 17)); // Thursday after valid_to
        var calendar = load.Load.Directory.GetService(FixtureId(23)).Availability.Calendar!;
        Assert.True(calendar.WeeklyHours.IsAlwaysClosed);
        Assert.Equal(25, calendar.Overrides.Length); // Tuesdays and Thursdays from 2026-01-20 to 2026-04-15
    }

    [Fact]
    public void With_a_clock_a_dated_row_that_ended_is_reported_but_still_dates_its_days()
    {
        var options = Options with { Clock = new FixedClock(Instant.FromUtc(2026, 12, 3, 12, 0)) };
        var load = new ReferralDirectoryLoadView(Fixtures(options));
        Assert.Contains(load.Load.Report.Issues, i => i.RecordId == FixtureId(23) && i.Path.EndsWith(".schedules[0].valid_to", StringComparison.Ordinal));
        Assert.DoesNotContain(load.Load.Report.Issues, i => i.RecordId == FixtureId(17) && i.Path.Contains("schedules", StringComparison.Ordinal));
        Assert.False(OpenAt(load, 23, Denver, 2026, 12, 8, 17));
        Assert.True(OpenAt(load, 17, Chicago, 2026, 12, 3, 21));
    }

    [Theory]
    [InlineData("\"valid_from\": \"2026-05-01\"", 2026, 4, 1, false)]
    [InlineData("\"valid_from\": \"2026-05-01\"", 2026, 6, 1, true)]
    [InlineData("\"valid_to\": \"2026-05-01\"", 2026, 6, 1, false)]
    [InlineData("\"valid_to\": \"2026-05-01\"", 2026, 5, 1, true)]
    [InlineData("\"valid_from\": \"2020-01-01\", \"valid_to\": \"2030-01-01\"", 2026, 6, 1, true)]
    [InlineData("\"valid_from\": \"2020-01-01\", \"valid_to\": \"2025-01-01\"", 2026, 6, 1, false)]
    public void With_a_clock_an_open_ended_or_long_row_is_read_when_valid_today_and_skipped_otherwise(string dates, int y, int m, int d, bool read)
    {
        var load = HsdsReader.Parse(Service(Row("MO,TU,WE,TH,FR,SA,SU", "09:00", "17:00", ", " + dates)), "t", At(y, m, d));
        var availability = load.Directory.GetService("a").Availability;
        Assert.Equal(!read, availability.IsAlwaysOpen);
        if (read)
        {
            Assert.Empty(load.Report.Issues);
            Assert.True(availability.Calendar!.Overrides.IsEmpty);
            Assert.False(availability.IsOpen(Instant.FromUtc(2031, 3, 3, 8, 0)));
            Assert.True(availability.IsOpen(Instant.FromUtc(2031, 3, 3, 9, 0)));
        }
        else
        {
            Assert.Equal(["$.schedules[0]", "$.schedules"], load.Report.Issues.Select(i => i.Path).ToArray());
        }

        // Without a clock the same row is read as if valid.
        var undated = HsdsReader.Parse(Service(Row("MO,TU,WE,TH,FR,SA,SU", "09:00", "17:00", ", " + dates)), "t", Options with { TimeZone = DateTimeZone.Utc });
        Assert.Empty(undated.Report.Issues);
        Assert.True(undated.Directory.GetService("a").Availability.IsOpen(Instant.FromUtc(2031, 3, 3, 9, 0)));
    }

    [Theory]
    [InlineData("\"valid_from\": \"2026-05-02\", \"valid_to\": \"2026-05-01\"", "$.schedules[0].valid_to")]
    [InlineData("\"valid_from\": \"May 1\"", "$.schedules[0].valid_from")]
    [InlineData("\"valid_to\": 20260501", "$.schedules[0].valid_to")]
    [InlineData("\"valid_to\": \"1700-01-01\"", "$.schedules[0].valid_to")]
    public void Bad_dates_are_reported_and_the_row_not_imported(string dates, string path)
    {
        var load = HsdsReader.Parse(Service(Row("MO", "09:00", "17:00", ", " + dates) + "," + Row("TU", "09:00", "10:00")), "t", Options);
        Assert.Equal([path], load.Report.Issues.Select(i => i.Path).ToArray());
        var calendar = load.Directory.GetService("a").Availability.Calendar!;
        Assert.True(calendar.WeeklyHours[IsoDayOfWeek.Monday].IsEmpty);
        Assert.True(calendar.Overrides.IsEmpty);
    }

    [Fact]
    public void Too_many_dated_days_are_reported()
    {
        var rows = Enumerable.Range(0, 4).Select(i => Row("MO", "09:00", "10:00", $", \"valid_from\": \"{2020 + i}-01-01\", \"valid_to\": \"{2020 + i}-12-31\""));
        var load = HsdsReader.Parse(Service(string.Join(",", rows)), "t", Options);
        Assert.Equal(["$.schedules[3]"], load.Report.Issues.Select(i => i.Path).ToArray());
        Assert.Equal(52 * 3, load.Directory.GetService("a").Availability.Calendar!.Overrides.Length); // the Mondays of 2020-2022
    }

    // ---- dated rows against a naive reference ----

    private sealed record Spec(IsoDayOfWeek[] Days, LocalTime Open, LocalTime Close, LocalDate? From, LocalDate? To);

    private static Spec RandomSpec(Random random, bool dated)
    {
        var days = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && random.Next(2) == 0).ToArray();
        if (days.Length == 0)
        {
            days = [IsoDayOfWeek.Wednesday];
        }

        var open = new LocalTime(random.Next(24), random.Next(4) * 15);
        var close = new LocalTime(random.Next(24), random.Next(4) * 15);
        LocalDate? from = dated ? new LocalDate(2026, 1, 1).PlusDays(random.Next(300)) : null;
        return new Spec(days, open, close, from, from?.PlusDays(random.Next(1, 60)));
    }

    private static bool Contains(Spec s, LocalDate date, LocalTime time, bool spill)
    {
        if (!s.Days.Contains(date.DayOfWeek) || (s.From is { } f && date < f) || (s.To is { } t && date > t))
        {
            return false;
        }

        var crosses = s.Close <= s.Open;
        return spill ? crosses && time < s.Close : crosses ? time >= s.Open : time >= s.Open && time < s.Close;
    }

    // Longhand: open at a local date and time when a row applying that day covers the time, or a row applying the
    // day before runs overnight past it.
    private static bool NaiveOpen(IEnumerable<Spec> specs, LocalDateTime at) =>
        specs.Any(s => Contains(s, at.Date, at.TimeOfDay, spill: false) || Contains(s, at.Date.PlusDays(-1), at.TimeOfDay, spill: true));

    [Property(MaxTest = 200)]
    public Property Dated_rows_map_exactly_like_a_naive_reference() => Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
    {
        var random = new Random(seed);
        var specs = Enumerable.Range(0, random.Next(0, 3)).Select(_ => RandomSpec(random, false))
            .Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => RandomSpec(random, true))).ToList();
        static string Text(LocalTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
        var rows = specs.Select(s => Row(string.Join(",", s.Days.Select(d => d.ToString()[..2].ToUpperInvariant())), Text(s.Open), Text(s.Close),
            s.From is { } f ? $", \"valid_from\": \"{f:yyyy-MM-dd}\", \"valid_to\": \"{s.To:yyyy-MM-dd}\"" : ""));
        var load = HsdsReader.Parse(Service(string.Join(",", rows)), "t", Options with { TimeZone = DateTimeZone.Utc });
        var availability = load.Directory.GetService("a").Availability;
        var mismatches = 0;
        for (var i = 0; i < 300; i++)
        {
            var anchor = specs[random.Next(specs.Count)].From ?? new LocalDate(2026, 6, 1);
            var at = anchor.PlusDays(random.Next(-3, 64)).At(new LocalTime(random.Next(24), random.Next(60)));
            if (availability.IsOpen(at.InUtc().ToInstant()) != NaiveOpen(specs, at))
            {
                mismatches++;
            }
        }

        return (mismatches == 0 && load.Report.Issues.IsEmpty).Label($"seed {seed}: {mismatches} mismatches, {load.Report.Issues.Length} issues");
    });

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
