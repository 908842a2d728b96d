using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// An instant that a generator chose on a calendar, with the place it was chosen near (an opening, a closing, a clock
/// change, a holiday's eve, a year's end, a leap day, or a random minute) and the zone to show it in, so that a
/// counterexample says where it is: <c>Sun 8 Mar 2026 03:01 EDT (2026-03-08T07:01:00Z), 1m after the clock change</c>.
/// Immutable.
/// </summary>
public sealed class CalendarInstant
{
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.Create("ddd d MMM uuuu HH:mm x", CultureInfo.InvariantCulture, null, null, default);

    /// <summary>Creates a calendar instant.</summary>
    /// <param name="place">The instant it was chosen near.</param>
    /// <param name="offset">How far from <paramref name="place"/> it is (negative: before).</param>
    /// <param name="placeName">What <paramref name="place"/> is, such as <c>the clock change</c>.</param>
    /// <param name="zone">The zone to show it in.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CalendarInstant(Instant place, Duration offset, string placeName, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(placeName);
        ArgumentNullException.ThrowIfNull(zone);
        Place = place;
        Offset = offset;
        PlaceName = placeName;
        Zone = zone;
    }

    /// <summary>The instant itself: <see cref="Place"/> plus <see cref="Offset"/>.</summary>
    public Instant Instant => Place + Offset;

    /// <summary>The instant it was chosen near.</summary>
    public Instant Place { get; }

    /// <summary>How far from <see cref="Place"/> it is.</summary>
    public Duration Offset { get; }

    /// <summary>What <see cref="Place"/> is.</summary>
    public string PlaceName { get; }

    /// <summary>The zone it is shown in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Returns local time, UTC and place, for example <c>Mon 9 Mar 2026 08:59 EDT (2026-03-09T12:59:00Z), 1m before the opening</c>.</summary>
    public override string ToString()
    {
        var where = Offset == Duration.Zero ? "at " + PlaceName
            : $"{LocalText.Span(Offset < Duration.Zero ? -Offset : Offset)} {(Offset < Duration.Zero ? "before" : "after")} {PlaceName}";
        return $"{Local.Format(Instant.InZone(Zone))} ({InstantPattern.ExtendedIso.Format(Instant)}), {where}";
    }
}
