using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

/// <summary>
/// The default policy's deadlines against a naive reference: the minute-by-minute calendar model built from the
/// raw definition (Monday-Friday 09:00-19:00 New York) and a naive day-by-day US federal holiday calendar.
/// </summary>
public sealed class DefaultPolicyPropertyTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly NaiveBusinessCalendar Naive = BuildNaive();

    public static Arbitrary<Instant> Receipts() => Arb.From(
        from day in Gen.Choose(0, (2060 - 1990) * 365)
        from minute in Gen.Frequency(
            (3, Gen.Choose(0, (24 * 60) - 1)),
            (2, Gen.Elements(9 * 60 - 1, 9 * 60, 19 * 60 - 1, 19 * 60, 23 * 60 + 59, 0, 120, 180)))
        select NewYork.AtLeniently(new LocalDate(1990, 1, 1).PlusDays(day).AtMidnight().PlusMinutes(minute)).ToInstant());

    [Property(Arbitrary = [typeof(DefaultPolicyPropertyTests)], MaxTest = 300)]
    public bool Deadlines_MatchTheNaiveReference(Instant received)
    {
        var policy = ResponsePolicy.NhtrcDefault;
        return System.Enum.GetValues<ContactChannel>().All(channel =>
        {
            var urgent = policy.ComputeDeadline(received, channel, Urgency.Urgent);
            var nonUrgent = policy.ComputeDeadline(received, channel, Urgency.NonUrgent);
            var urgentDue = channel.IsLive() ? received : received + Duration.FromHours(12);
            return urgent.TargetBy == urgentDue && urgent.DueBy == urgentDue
                && nonUrgent.TargetBy == Naive.CloseOfNthBusinessDayAfter(received, 1)
                && nonUrgent.DueBy == Naive.CloseOfNthBusinessDayAfter(received, 3)
                && nonUrgent.TargetBy > received && nonUrgent.TargetBy <= nonUrgent.DueBy;
        });
    }

    [Property(Arbitrary = [typeof(DefaultPolicyPropertyTests)], MaxTest = 200)]
    public bool Explanation_NamesEveryObservedHolidaySkippedOnAWeekday(Instant received)
    {
        var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);
        var from = received.InZone(NewYork).Date;
        var to = deadline.DueBy.InZone(NewYork).Date;
        var holidays = new NaiveUsFederalHolidayCalendar();
        for (var date = from.PlusDays(1); date <= to; date = date.PlusDays(1))
        {
            if (date.DayOfWeek < IsoDayOfWeek.Saturday && holidays.TryGetObservedHoliday(date, out var holiday)
                && !deadline.Explanation.Contains(holiday.Name, System.StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The package's minute-by-minute reference for the default policy's calendar, holidays 1989-2061 from the naive holiday calendar.</summary>
    internal static NaiveBusinessCalendar BuildNaive()
    {
        var holidays = Enumerable.Range(1989, 2062 - 1989)
            .SelectMany(y => new NaiveUsFederalHolidayCalendar().GetObservedHolidays(y))
            .Select(h => h.ObservedDate);
        return new NaiveBusinessCalendar(new CalendarDefinition(NewYork, WeeklyHours.MondayToFriday(new OpenInterval(new LocalTime(9, 0), new LocalTime(19, 0))), holidays, []));
    }
}
