using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Builds a golden description: one <c>label: value</c> per line, nested parts indented by two spaces, and
/// values formatted invariantly (NodaTime's ISO patterns, round-trip doubles, strings quoted with escapes) so the
/// text depends on nothing but the value described.
/// </summary>
internal sealed class DescriptionWriter
{
    /// <summary>What an absent value reads as.</summary>
    public const string None = "(none)";

    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string label, string value) => Indent().Append(label).Append(": ").Append(value).Append('\n');

    /// <summary>A list on one line in its model order, for example <c>types: [housing, legal services]</c>.</summary>
    public void Items(string label, IEnumerable<string> items) => Line(label, "[" + string.Join(", ", items) + "]");

    /// <summary>Writes <paramref name="label"/> alone on its line; the lines written until the result is disposed are nested under it.</summary>
    public IDisposable Part(string label)
    {
        Indent().Append(label).Append('\n');
        _depth++;
        return new Nesting(this);
    }

    /// <summary>
    /// A list of parts: a line with their count, then each under the label <c>itemLabel [i]</c>, described by
    /// <paramref name="describe"/>.
    /// </summary>
    public void Each<T>(string countLabel, string itemLabel, IReadOnlyList<T> items, Action<T> describe)
    {
        Line(countLabel, Number(items.Count));
        for (var i = 0; i < items.Count; i++)
        {
            using (Part(Item(itemLabel, i)))
            {
                describe(items[i]);
            }
        }
    }

    /// <summary>A list of one-line items: a line with their count, then <c>itemLabel [i]: value</c> for each.</summary>
    public void EachLine<T>(string countLabel, string itemLabel, IReadOnlyList<T> items, Func<T, string> value)
    {
        Line(countLabel, Number(items.Count));
        for (var i = 0; i < items.Count; i++)
        {
            Line(Item(itemLabel, i), value(items[i]));
        }
    }

    /// <summary>Appends the lines of another description, each indented to the current depth.</summary>
    public void Nested(string description)
    {
        foreach (var line in description.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Indent().Append(line).Append('\n');
        }
    }

    /// <summary>The label of the <paramref name="index"/>-th item of a list, for example <c>rule [3]</c>.</summary>
    public static string Item(string label, int index) => string.Create(CultureInfo.InvariantCulture, $"{label} [{index}]");

    public override string ToString() => _text.ToString();

    /// <summary>A string in double quotes, with backslash, quote and control characters escaped; <see cref="None"/> for null.</summary>
    public static string Text(string? value)
    {
        if (value is null)
        {
            return None;
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int? value) => value is { } v ? Number(v) : None;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    public static string Instant(Instant value) => InstantPattern.ExtendedIso.Format(value);

    public static string Instant(Instant? value) => value is { } v ? Instant(v) : None;

    public static string Date(LocalDate value) => LocalDatePattern.Iso.Format(value);

    public static string Date(LocalDate? value) => value is { } v ? Date(v) : None;

    public static string Time(LocalTime value) => LocalTimePattern.ExtendedIso.Format(value);

    public static string Duration(Duration value) => DurationPattern.Roundtrip.Format(value);

    public static string Point(GeoPoint point) => $"latitude {Number(point.Latitude)}, longitude {Number(point.Longitude)}";

    /// <summary>For example <c>09:00:00 to 17:00:00</c>, or <c>22:00:00 to 06:00:00 next day</c> when the period crosses midnight.</summary>
    public static string Interval(OpenInterval interval) =>
        $"{Time(interval.Open)} to {Time(interval.Close)}{(interval.CrossesMidnight ? " next day" : string.Empty)}";

    private StringBuilder Indent() => _text.Append(' ', 2 * _depth);

    private sealed class Nesting(DescriptionWriter writer) : IDisposable
    {
        public void Dispose() => writer._depth--;
    }
}
