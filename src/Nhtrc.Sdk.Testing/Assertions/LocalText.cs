using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Testing;

/// <summary>How assertion messages write instants and durations: in the calendar's zone, as deadline explanations do.</summary>
internal static class LocalText
{
    private static readonly ZonedDateTimePattern Moment =
        ZonedDateTimePattern.Create("ddd d MMM uuuu HH:mm x", CultureInfo.InvariantCulture, null, null, default);

    private static readonly ZonedDateTimePattern PreciseMoment =
        ZonedDateTimePattern.Create("ddd d MMM uuuu HH:mm:ss.FFFFFFFFF x", CultureInfo.InvariantCulture, null, null, default);

    /// <summary><c>Tue 7 Jul 2026 19:05 EDT</c>; seconds and fractions only when there are any.</summary>
    public static string At(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        return local.TimeOfDay.Second == 0 && local.TimeOfDay.NanosecondOfSecond == 0 ? Moment.Format(local) : PreciseMoment.Format(local);
    }

    /// <summary><c>2h</c>, <c>1h30m</c>, <c>45m</c>, <c>-3h</c>, <c>0m</c>, <c>1m30.5s</c>.</summary>
    public static string Span(Duration duration)
    {
        var negative = duration < Duration.Zero;
        var d = negative ? -duration : duration;
        var totalMinutes = (long)d.TotalMinutes;
        var seconds = (d - Duration.FromMinutes(totalMinutes)).TotalSeconds;
        var (h, m) = (totalMinutes / 60, totalMinutes % 60);
        var text = new StringBuilder(negative ? "-" : string.Empty);
        if (h != 0)
        {
            text.Append(h.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (m != 0 || (h == 0 && seconds == 0))
        {
            text.Append(m.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (seconds != 0)
        {
            text.Append(seconds.ToString("0.#########", CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }

    /// <summary><c>non-urgent email</c>.</summary>
    public static string Request(ContactChannel channel, Urgency urgency) =>
        (urgency == Urgency.Urgent ? "urgent " : "non-urgent ") + WireNames.Of(channel);

    /// <summary><c>rule 'non-urgent' of policy 'nhtrc-default': non-urgent email received ...</c></summary>
    public static string Why(ResponseDeadline deadline) =>
        $"rule '{deadline.Rule.Id}' of policy '{deadline.Policy.Id}': {deadline.Explanation}";

    public static string Events(IEnumerable<SlaEvent> events, DateTimeZone zone) =>
        string.Join(", ", events.Select(e => WireNames.Of(e.Kind) + " " + At(e.At, zone)));
}
