using System;
using System.Globalization;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// A daily open period in local time, half-open: open at <see cref="Open"/>, closed from <see cref="Close"/>.
/// When <see cref="Close"/> is not after <see cref="Open"/> the period crosses midnight and closes on the
/// next day (22:00-06:00); when they are equal it lasts 24 hours, so <c>00:00-24:00</c> (also the default
/// value) is a whole day. The period belongs to the date it opens on.
/// </summary>
public readonly struct OpenInterval : IEquatable<OpenInterval>
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>Creates an open period; any two times are valid (see the type's remarks for midnight).</summary>
    public OpenInterval(LocalTime open, LocalTime close)
    {
        Open = open;
        Close = close;
    }

    /// <summary>A whole day, 00:00-24:00.</summary>
    public static OpenInterval AllDay => new(LocalTime.Midnight, LocalTime.Midnight);

    /// <summary>The local time the period opens.</summary>
    public LocalTime Open { get; }

    /// <summary>The local time the period closes, on the next day when <see cref="CrossesMidnight"/>.</summary>
    public LocalTime Close { get; }

    /// <summary>True when the period closes on the day after it opens (including a 24-hour period).</summary>
    public bool CrossesMidnight => Close <= Open;

    /// <summary>The length on a day without a clock change: between a nanosecond and 24 hours.</summary>
    public Duration NominalLength => Duration.FromNanoseconds(CrossesMidnight
        ? NanosecondsPerDay - (Open.NanosecondOfDay - Close.NanosecondOfDay)
        : Close.NanosecondOfDay - Open.NanosecondOfDay);

    private const long NanosecondsPerDay = 86_400_000_000_000L;

    /// <summary>
    /// Parses <c>HH:mm-HH:mm</c>, for example <c>09:00-19:00</c>, <c>22:00-06:00</c> or <c>00:00-24:00</c>
    /// (24:00 is accepted as a closing time only and means midnight).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The text is not of that form (the SDK's one exception for bad text).</exception>
    public static OpenInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var interval))
        {
            return interval;
        }

        throw new NhtrcValidationException("open interval", [new ValidationProblem(
            "text", $"{InputText.Token(text)} is not an open interval of the form HH:mm-HH:mm (for example 09:00-19:00, 22:00-06:00 or 00:00-24:00).")]);
    }

    /// <summary>Parses <c>HH:mm-HH:mm</c> as <see cref="Parse"/> does, without throwing.</summary>
    public static bool TryParse(string? text, out OpenInterval interval)
    {
        interval = default;
        if (text is null)
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return false;
        }

        var openText = text[..dash].Trim();
        var closeText = text[(dash + 1)..].Trim();
        var open = TimePattern.Parse(openText);
        if (!open.Success)
        {
            return false;
        }

        LocalTime close;
        if (closeText == "24:00")
        {
            close = LocalTime.Midnight;
        }
        else
        {
            var parsed = TimePattern.Parse(closeText);
            if (!parsed.Success)
            {
                return false;
            }

            close = parsed.Value;
        }

        interval = new OpenInterval(open.Value, close);
        return true;
    }

    /// <summary>Value equality of both times.</summary>
    public bool Equals(OpenInterval other) => Open == other.Open && Close == other.Close;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpenInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Open, Close);

    /// <summary>Returns <c>HH:mm-HH:mm</c> (seconds shown when present); a close at midnight prints as 24:00 when the period opens at midnight.</summary>
    public override string ToString()
    {
        var close = Close == LocalTime.Midnight && Open == LocalTime.Midnight ? "24:00" : Format(Close);
        return Format(Open) + "-" + close;
    }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(OpenInterval left, OpenInterval right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(OpenInterval left, OpenInterval right) => !left.Equals(right);

    private static string Format(LocalTime time) => time.Second == 0 && time.NanosecondOfSecond == 0
        ? time.ToString("HH':'mm", CultureInfo.InvariantCulture)
        : time.ToString("HH':'mm':'ss.FFFFFFFFF", CultureInfo.InvariantCulture);
}
