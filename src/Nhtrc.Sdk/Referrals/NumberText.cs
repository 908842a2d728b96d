using System;
using System.Globalization;
using System.Threading;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Invariant text for the numbers in match reasons, without custom format strings (which cost more than
/// the rest of a match): points in hundredths (<c>24.67</c>, <c>12.5</c>, <c>15</c>), kilometres in tenths,
/// ISO dates. Common values are cached; the caches are filled racily with identical strings, which is safe.
/// </summary>
internal static class NumberText
{
    private const int CachedHundredths = 10_001;
    private const int CachedTenths = 50_001;

    private static readonly string?[] Hundredths = new string?[CachedHundredths];
    private static readonly string?[] Tenths = new string?[CachedTenths];

    /// <summary><paramref name="value"/> rounded to 0.01, trailing zeros dropped: <c>24.67</c>, <c>12.5</c>, <c>15</c>.</summary>
    public static string Points(double value)
    {
        var hundredths = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero);
        if (hundredths is >= 0 and < CachedHundredths)
        {
            return Volatile.Read(ref Hundredths[hundredths]) ?? (Hundredths[hundredths] = Format(hundredths, 100));
        }

        return Format(hundredths, 100);
    }

    /// <summary><paramref name="value"/> rounded to 0.1, a trailing zero dropped: <c>3.2</c>, <c>12</c>.</summary>
    public static string Kilometers(double value)
    {
        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        if (tenths is >= 0 and < CachedTenths)
        {
            return Volatile.Read(ref Tenths[tenths]) ?? (Tenths[tenths] = Format(tenths, 10));
        }

        return Format(tenths, 10);
    }

    /// <summary>The ISO date, for example <c>2026-03-01</c>.</summary>
    public static string Date(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    private static string Format(long scaled, int scale)
    {
        var whole = scaled / scale;
        var fraction = Math.Abs(scaled % scale);
        if (fraction == 0)
        {
            return (scaled < 0 && whole == 0 ? "-0" : whole.ToString(CultureInfo.InvariantCulture));
        }

        var sign = scaled < 0 && whole == 0 ? "-" : "";
        if (scale == 100)
        {
            return fraction % 10 == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{fraction / 10}")
                : string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{fraction:D2}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{fraction}");
    }
}
