using System;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Describes a policy's configuration as text a test can compare: which rule applies to each urgency on each channel,
/// with its target and due time, on which calendar (zone, weekly hours, holiday calendars, overrides). Like
/// Polly.Testing's pipeline descriptor, it lets a test assert the configuration itself rather than only its effects.
/// </summary>
public static class PolicyDescription
{
    /// <summary>
    /// The description of <paramref name="policy"/>, one fact a line (<c>\n</c> between lines, none at the end), for
    /// example:
    /// <code>
    /// policy nhtrc-default
    /// calendar nhtrc-business-hours: America/New_York; Mon 09:00-19:00; ...; holidays us-federal; no overrides
    /// urgent phone: urgent-live, target immediate, due immediate
    /// ...
    /// non-urgent webForm: non-urgent, target close of business day 1, due close of business day 3
    /// </code>
    /// </summary>
    /// <param name="policy">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string Describe(ResponsePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = new StringBuilder();
        text.Append("policy ").Append(policy.Id).Append('\n');
        text.Append(DescribeCalendar(policy.BusinessCalendar));
        foreach (var urgency in new[] { Urgency.Urgent, Urgency.NonUrgent })
        {
            foreach (var channel in Enum.GetValues<ContactChannel>())
            {
                var rule = policy.GetRule(channel, urgency);
                text.Append('\n').Append(urgency == Urgency.Urgent ? "urgent " : "non-urgent ").Append(WireNames.Of(channel))
                    .Append(": ").Append(rule.Id).Append(", target ").Append(rule.Target).Append(", due ").Append(rule.Due);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The one-line description of <paramref name="calendar"/>: <c>calendar ID: ZONE; WEEKLY HOURS; holidays IDS;
    /// overrides DATE HOURS, ...</c> (<c>no holidays</c>, <c>no overrides</c> when there are none).
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static string DescribeCalendar(ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var weekly = calendar.WeeklyHours.IsAlwaysClosed ? "closed every day" : calendar.WeeklyHours.ToString();
        var holidays = calendar.HolidayCalendars.IsEmpty ? "no holidays" : "holidays " + string.Join(", ", calendar.HolidayCalendars.Select(h => h.Id));
        var overrides = calendar.Overrides.IsEmpty ? "no overrides" : "overrides " + string.Join(", ", calendar.Overrides.Select(o => o.ToString()));
        return $"calendar {calendar.Id}: {calendar.Zone.Id}; {weekly}; {holidays}; {overrides}";
    }
}
