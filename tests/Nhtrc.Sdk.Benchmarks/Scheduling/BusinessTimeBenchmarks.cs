using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using Nhtrc.Sdk.Scheduling;

namespace Nhtrc.Sdk.Benchmarks.Scheduling;

/// <summary>
/// Business-time arithmetic on the default NHTRC calendar (Monday-Friday 09:00-19:00 America/New_York, closed on
/// US federal holidays) over spans of 1 day, 1 year and 30 years, with warm year tables. Each category's
/// baseline is its 1-day variant, so the Ratio column shows whether the cost depends on the span.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BusinessTimeBenchmarks
{
    private static readonly Duration OneDay = Duration.FromDays(1);
    private static readonly Duration OneYear = Duration.FromDays(365);
    private static readonly Duration ThirtyYears = Duration.FromDays(10_957);

    private ServiceCalendar calendar = null!;
    private Instant start;
    private Instant closedAt;
    private Duration businessDay;
    private Duration businessYear;
    private Duration businessThirtyYears;

    [GlobalSetup]
    public void Setup()
    {
        calendar = new ServiceCalendar(
            "nhtrc-business-hours",
            DateTimeZoneProviders.Tzdb["America/New_York"],
            WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-19:00")),
            [HolidayCalendar.UsFederal]);

        // Tuesday 2026-03-03 10:17:23 in New York (open); Saturday 2026-03-07 12:00 (closed).
        var zone = calendar.Zone;
        start = zone.AtStrictly(new LocalDateTime(2026, 3, 3, 10, 17, 23)).ToInstant();
        closedAt = zone.AtStrictly(new LocalDateTime(2026, 3, 7, 12, 0)).ToInstant();

        // Warm-up: builds the year tables for every span measured below.
        businessDay = calendar.BusinessTimeBetween(start, start + OneDay);
        businessYear = calendar.BusinessTimeBetween(start, start + OneYear);
        businessThirtyYears = calendar.BusinessTimeBetween(start, start + ThirtyYears);
        _ = calendar.AddBusinessTime(start, businessThirtyYears);
        _ = calendar.CloseOfNthBusinessDayAfter(start, 3);
        _ = calendar.NextOpening(closedAt);

        if (NaiveBusinessTime.Between(calendar, start, start + OneYear) != businessYear)
        {
            throw new InvalidOperationException("The naive baseline disagrees with the calendar over one year.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Between")]
    public Duration Between_1Day() => calendar.BusinessTimeBetween(start, start + OneDay);

    [Benchmark, BenchmarkCategory("Between")]
    public Duration Between_1Year() => calendar.BusinessTimeBetween(start, start + OneYear);

    [Benchmark, BenchmarkCategory("Between")]
    public Duration Between_30Years() => calendar.BusinessTimeBetween(start, start + ThirtyYears);

    [Benchmark, BenchmarkCategory("Between")]
    public Duration NaiveBetween_1Day() => NaiveBusinessTime.Between(calendar, start, start + OneDay);

    [Benchmark, BenchmarkCategory("Between")]
    public Duration NaiveBetween_1Year() => NaiveBusinessTime.Between(calendar, start, start + OneYear);

    [Benchmark(Baseline = true), BenchmarkCategory("Add")]
    public Instant Add_1Day() => calendar.AddBusinessTime(start, businessDay);

    [Benchmark, BenchmarkCategory("Add")]
    public Instant Add_1Year() => calendar.AddBusinessTime(start, businessYear);

    [Benchmark, BenchmarkCategory("Add")]
    public Instant Add_30Years() => calendar.AddBusinessTime(start, businessThirtyYears);

    /// <summary>A calendar made afresh and asked for 30 years at once: its year tables are built on demand, 31 of them.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Cold")]
    public Duration ThirtyYears_OnANewCalendar() => new ServiceCalendar(
            "nhtrc-business-hours",
            calendar.Zone,
            WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-19:00")),
            [HolidayCalendar.UsFederal])
        .BusinessTimeBetween(start, start + ThirtyYears);

    [Benchmark(Baseline = true), BenchmarkCategory("Query")]
    public bool IsOpen() => calendar.IsOpen(start);

    [Benchmark, BenchmarkCategory("Query")]
    public Instant? NextOpening() => calendar.NextOpening(closedAt);

    [Benchmark, BenchmarkCategory("Query")]
    public Instant CloseOfNthBusinessDayAfter() => calendar.CloseOfNthBusinessDayAfter(start, 3);
}
