using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Reads the calendars of a directory's services and interns them: most services repeat one of a few
/// calendars word for word, so the text itself is looked up first; a new text is deserialized by the
/// source-generated context and built, or found by its canonical definition (so differently written equal
/// definitions share one calendar). Problems go to the owning reader, at its path.
/// </summary>
internal sealed class DirectoryCalendarReader
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly Utf8DocumentReader _owner;
    private readonly ConcurrentDictionary<string, ServiceAvailability> _calendars;
    private readonly ConcurrentDictionary<string, ServiceAvailability>.AlternateLookup<ReadOnlySpan<char>> _calendarsBySpan;
    private readonly Dictionary<byte[], ServiceAvailability> _calendarTexts = new(Utf8TextComparer.Instance);
    private readonly Dictionary<byte[], ServiceAvailability>.AlternateLookup<ReadOnlySpan<byte>> _calendarTextsBySpan;
    private readonly StringBuilder _key = new();
    private char[] _keyBuffer = new char[256];

    // Readers working on parts of one document share the calendars (only valid ones are added, and two
    // equal keys build equal calendars), so identical definitions still share one calendar across threads.
    public DirectoryCalendarReader(Utf8DocumentReader owner, ConcurrentDictionary<string, ServiceAvailability> calendars)
    {
        _owner = owner;
        _calendars = calendars;
        _calendarsBySpan = _calendars.GetAlternateLookup<ReadOnlySpan<char>>();
        _calendarTextsBySpan = _calendarTexts.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>
    /// On the calendar's first token: most services repeat one of a few calendars word for word, so the text
    /// itself is looked up first; a new text is deserialized by the source-generated context and built (or
    /// found by its canonical definition, so differently written equal definitions share one calendar), and
    /// remembered if it was valid.
    /// </summary>
    public ServiceAvailability? Read(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            _owner.Problem("must be a calendar object.");
            _owner.Skip(ref json);
            return null;
        }

        var depth = _owner.DepthOffset + json.CurrentDepth;
        var start = checked((int)json.TokenStartIndex);
        json.Skip();
        var text = document[start..checked((int)json.BytesConsumed)];
        if (_calendarTextsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        // A new text is checked as every document is (text, properties given twice, limits) before it is deserialized.
        var found = _owner.Problems.Count;
        var check = new Utf8JsonReader(text, JsonTextCheck.Options(_owner.Limits, depth));
        check.Read();
        JsonTextCheck.Value(ref check, _owner.Path, _owner.Problems, _owner.Limits, depth);
        if (_owner.Problems.Count != found)
        {
            return null;
        }

        var path = _owner.Path.Format();
        ServiceCalendarDocument? c;
        try
        {
            var calendarJson = new Utf8JsonReader(text);
            c = JsonSerializer.Deserialize(ref calendarJson, DirectoryJsonContext.Default.ServiceCalendarDocument);
        }
        catch (JsonException e)
        {
            var inner = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path[1..];
            _owner.Problems.Add(path + inner, "is given twice or has a value of the wrong JSON type.");
            return null;
        }

        var before = _owner.Problems.Count;
        var result = Calendar(path, c!);
        if (_owner.Problems.Count == before)
        {
            _calendarTextsBySpan[text] = result;
        }

        return result;
    }

    private ServiceAvailability Calendar(string path, ServiceCalendarDocument c)
    {
        // The canonical text of the definition is the interning key. Only definitions that can be valid
        // are keyed (and only valid ones are added).
        var keyed = AppendCalendarKey(c);
        if (keyed)
        {
            if (_keyBuffer.Length < _key.Length)
            {
                _keyBuffer = new char[_key.Length * 2];
            }

            _key.CopyTo(0, _keyBuffer, _key.Length);
            if (_calendarsBySpan.TryGetValue(_keyBuffer.AsSpan(0, _key.Length), out var known))
            {
                return known;
            }
        }

        return Build(path, c, keyed);
    }

    // Apart from Availability so that the lambda's closure is only allocated when a calendar is built.
    private ServiceAvailability Build(string path, ServiceCalendarDocument c, bool keyed)
    {
        var key = _key.ToString();
        var calendar = ServiceCalendarDocumentReader.ToCalendar(_owner.Problems, path, c, () => DerivedCalendarId(key));
        if (calendar is null)
        {
            return ServiceAvailability.AlwaysOpen;
        }

        var availability = ServiceAvailability.By(calendar);
        return keyed ? _calendars.GetOrAdd(key, availability) : availability;
    }

    /// <summary>
    /// Puts the canonical form of <paramref name="c"/> in the key: every field in a fixed order, days in
    /// week order, each text prefixed with its length (so no text can imitate a separator) and null kept
    /// apart from empty. Equal keys mean equal definitions, hence equal calendars. Returns false when the
    /// definition has an unknown property or day, which is a problem the reader must report.
    /// </summary>
    private bool AppendCalendarKey(ServiceCalendarDocument c)
    {
        _key.Clear();
        AppendKeyText(c.Id);
        AppendKeyText(c.TimeZone);
        var ok = c.Unknown is null;
        if (c.WeeklyHours is null)
        {
            _key.Append('~');
        }
        else
        {
            var found = 0;
            _key.Append('{');
            for (var i = 0; i < Days.Length; i++)
            {
                if (c.WeeklyHours.TryGetValue(Days[i], out var intervals))
                {
                    found++;
                    _key.Append((char)('0' + i));
                    AppendKeyTexts(intervals);
                }
            }

            _key.Append('}');
            ok &= found == c.WeeklyHours.Count;
        }

        AppendKeyTexts(c.HolidayCalendars);
        if (c.Holidays is null)
        {
            _key.Append('~');
        }
        else
        {
            _key.Append(c.Holidays.Count).Append('h');
            foreach (var h in c.Holidays)
            {
                if (h is null)
                {
                    _key.Append('~');
                    continue;
                }

                ok &= h.Unknown is null;
                AppendKeyText(h.Name);
                AppendKeyText(h.Date);
                AppendKeyText(h.Observed);
            }
        }

        if (c.Overrides is null)
        {
            _key.Append('~');
        }
        else
        {
            _key.Append(c.Overrides.Count).Append('o');
            foreach (var o in c.Overrides)
            {
                if (o is null)
                {
                    _key.Append('~');
                    continue;
                }

                ok &= o.Unknown is null;
                AppendKeyText(o.Date);
                _key.Append(o.Closed switch { null => '~', true => 't', false => 'f' });
                AppendKeyTexts(o.Hours);
            }
        }

        return ok;
    }

    private void AppendKeyText(string? text)
    {
        if (text is null)
        {
            _key.Append('~');
        }
        else
        {
            _key.Append(text.Length).Append(':').Append(text);
        }
    }

    private void AppendKeyTexts(List<string?>? texts)
    {
        if (texts is null)
        {
            _key.Append('~');
            return;
        }

        _key.Append(texts.Count).Append('[');
        foreach (var text in texts)
        {
            AppendKeyText(text);
        }
    }

    /// <summary>
    /// The id of a directory calendar given without one: <c>calendar-</c> and the first 16 hex digits of
    /// the SHA-256 of its canonical key, so it depends only on the definition (services with the same
    /// definition share it, in any directory and on any run).
    /// </summary>
    private static string DerivedCalendarId(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "calendar-" + Convert.ToHexStringLower(hash[..8]);
    }
}
