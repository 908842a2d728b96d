using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// The token toolkit of a document read straight from UTF-8 with <see cref="Utf8JsonReader"/>: it walks an
/// object's properties by <see cref="PropertyNames"/>, reads typed values, reports every problem at the JSON path
/// being read (kept as a <see cref="JsonPathStack"/>, formatted only for a problem) and reading goes on. A
/// document's reader derives from it and adds its schema; one instance reads on one thread.
/// </summary>
internal abstract class Utf8DocumentReader
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private char[] _text = new char[256];

    protected Utf8DocumentReader(ReadLimits limits)
    {
        Limits = limits;
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The bounds on the input; a bound passed throws <see cref="ReadLimitException"/>.</summary>
    public ReadLimits Limits { get; }

    /// <summary>How deep in the document the reader's root is (a reader of one organization's bytes starts at 2).</summary>
    public int DepthOffset { get; set; }

    /// <summary>Every problem found so far, in document order.</summary>
    public ProblemList Problems { get; } = new();

    /// <summary>Where the reader is.</summary>
    public JsonPathStack Path { get; } = new();

    /// <summary>
    /// Reads the next property of the object the reader is in (entered with <see cref="JsonPathStack.EnterObject"/>)
    /// and moves onto its value, with the property's name on the path; returns its index in <paramref name="names"/>,
    /// or -1 at the end of the object, whose slot it then leaves. Unknown properties and properties given a second
    /// time are reported and skipped (the first value stays). A null value counts as given: callers treat it as
    /// absent where the format allows.
    /// </summary>
    public int NextProperty(ref Utf8JsonReader json, PropertyNames names, ref uint seen)
    {
        Path.SetProperty(null);
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            // The property after the last one given is the likeliest next: seen's highest bit says which that was.
            var p = names.Find(ref json, seen == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount(seen));
            string? name = null;
            if (p < 0)
            {
                if (JsonTextCheck.Length(ref json) > Limits.MaxStringLength)
                {
                    throw new ReadLimitException(Path.Format(), JsonTextCheck.NameTooLong(Limits));
                }

                try
                {
                    name = json.GetString()!;
                    Problem(name, "is not a known property.");
                }
                catch (InvalidOperationException)
                {
                    Problem(JsonTextCheck.InvalidName);
                }
            }
            else if ((seen & (1u << p)) != 0)
            {
                Problem(names[p], JsonTextCheck.GivenTwice);
                name = names[p];
            }
            else
            {
                seen |= 1u << p;
                Path.SetProperty(names[p]);
                json.Read();
                return p;
            }

            json.Read();
            Path.SetProperty(name);
            Skip(ref json);
            Path.SetProperty(null);
        }

        Path.Pop();
        return -1;
    }

    /// <summary>
    /// Skips the value the reader is on, checking its text and the limits as every reader does
    /// (<see cref="JsonTextCheck.Value"/>).
    /// </summary>
    public void Skip(ref Utf8JsonReader json) => JsonTextCheck.Value(ref json, Path, Problems, Limits, DepthOffset);

    /// <summary>On an object's '{' or an array's '[': throws when it is nested past <see cref="ReadLimits.MaxDepth"/>.</summary>
    public void Enter(ref Utf8JsonReader json) => JsonTextCheck.CheckDepth(ref json, Path, Limits, DepthOffset);

    /// <summary>Before the item at <paramref name="index"/> of an array: throws past <see cref="ReadLimits.MaxListLength"/>.</summary>
    public void Item(int index)
    {
        if (index >= Limits.MaxListLength)
        {
            throw new ReadLimitException(Path.Format(), JsonTextCheck.TooManyItems(Limits));
        }
    }

    // True on an array's '['. Null is absent: false, nothing reported. Anything else is reported and skipped.
    public bool IsArray(ref Utf8JsonReader json, string what)
    {
        if (json.TokenType == JsonTokenType.StartArray)
        {
            Enter(ref json);
            return true;
        }

        WrongType(ref json, what, item: false);
        return false;
    }

    // True on an object's '{', like IsArray.
    public bool IsObject(ref Utf8JsonReader json, string what)
    {
        if (json.TokenType == JsonTokenType.StartObject)
        {
            Enter(ref json);
            return true;
        }

        WrongType(ref json, what, item: false);
        return false;
    }

    // A null property is absent (returns false); anything else, and a null array item, is reported as not
    // being what was expected, and skipped.
    public bool WrongType(ref Utf8JsonReader json, string what, bool item)
    {
        if (json.TokenType == JsonTokenType.Null && !item)
        {
            return false;
        }

        Problem(json.TokenType == JsonTokenType.Null ? $"must be {what}, not null." : $"must be {what}.");
        Skip(ref json);
        return true;
    }

    public string? String(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.String)
        {
            if (JsonTextCheck.Length(ref json) > Limits.MaxStringLength)
            {
                throw new ReadLimitException(Path.Format(), JsonTextCheck.TooLong(Limits));
            }

            try
            {
                return json.GetString();
            }
            catch (InvalidOperationException)
            {
                Problem(JsonTextCheck.InvalidText);
                return null;
            }
        }

        WrongType(ref json, "a string", item: false);
        return null;
    }

    // Service names, cities, location names and contact values repeat across a directory (100,000 synthetic
    // services have 32 service names and 16,000 cities); the model keeps one copy of each, and a repeat is
    // found without making a string for it.
    public string? Intern(ref Utf8JsonReader json)
    {
        if (!Text(ref json, "a string", out var text, item: false))
        {
            return null;
        }

        if (_stringsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        _strings.Add(value);
        return value;
    }

    // A string value, or an item of a string array, unescaped into a buffer that the next call reuses; false
    // when it is null or not a string (reported, except a null property, which is absent).
    public bool Text(ref Utf8JsonReader json, string what, out ReadOnlySpan<char> text, bool item = true)
    {
        if (json.TokenType != JsonTokenType.String)
        {
            WrongType(ref json, what, item);
            text = default;
            return false;
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes chars, and unescaping only shortens.
        var bytes = json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;
        if (bytes > Limits.MaxStringLength)
        {
            throw new ReadLimitException(Path.Format(), JsonTextCheck.TooLong(Limits));
        }

        if (_text.Length < bytes)
        {
            _text = new char[Math.Max(bytes, _text.Length * 2)];
        }

        try
        {
            text = _text.AsSpan(0, json.CopyString(_text));
            return true;
        }
        catch (InvalidOperationException)
        {
            Problem(JsonTextCheck.InvalidText);
            text = default;
            return false;
        }
    }

    public bool? Bool(ref Utf8JsonReader json)
    {
        if (json.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return json.TokenType == JsonTokenType.True;
        }

        WrongType(ref json, "true or false", item: false);
        return null;
    }

    public double? Number(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Number && json.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        WrongType(ref json, "a number", item: false);
        return null;
    }

    public int? Integer(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var value))
        {
            return value;
        }

        WrongType(ref json, "a whole number", item: false);
        return null;
    }

    public LocalDate? Date(ref Utf8JsonReader json)
    {
        if (!Text(ref json, "an ISO-8601 date such as 2026-03-01", out var text, item: false))
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        Problem("must be an ISO-8601 date such as 2026-03-01.");
        return null;
    }

    // The pattern parser costs about a microsecond, a tenth of a service's whole read; plain
    // yyyy-MM-dd is read by hand and anything else falls back to the pattern.
    public static bool TryParseDate(ReadOnlySpan<char> span, out LocalDate date)
    {
        if (span.Length == 10 && span[4] == '-' && span[7] == '-'
            && int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(span[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(span[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            date = new LocalDate(year, month, day);
            return true;
        }

        var parsed = LocalDatePattern.Iso.Parse(span.ToString());
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    // A null property is absent (the caller decides whether it is required); an array item must be a string.
    public T? Enum<T>(ref Utf8JsonReader json, bool item = false)
        where T : struct, Enum
    {
        if (!Text(ref json, "a string", out var text, item))
        {
            return null;
        }

        if (WireName<T>.TryParse(text, out var result))
        {
            return result;
        }

        Problem(DocumentFields.NotOneOf<T>(text));
        return null;
    }

    public ImmutableArray<T> EnumArray<T>(ref Utf8JsonReader json)
        where T : unmanaged, Enum
    {
        if (!IsArray(ref json, "an array of strings"))
        {
            return [];
        }

        // Enum lists are short: they are gathered on the stack, and a long (invalid) one spills to a list.
        Span<T> buffer = stackalloc T[16];
        List<T>? spill = null;
        var count = 0;
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            Item(i);
            Path.PushIndex(i);
            if (Enum<T>(ref json, item: true) is { } value)
            {
                if (count < buffer.Length)
                {
                    buffer[count++] = value;
                }
                else
                {
                    (spill ??= [.. buffer]).Add(value);
                }
            }

            Path.Pop();
        }

        return spill is not null ? [.. spill] : count == 0 ? [] : ImmutableArray.Create(buffer[..count]);
    }

    /// <summary>
    /// Reports a missing value of the current object, unless <paramref name="present"/> or a problem was already
    /// added at its path since <paramref name="since"/> (a value of the wrong type, or an invalid one, is not
    /// also "required").
    /// </summary>
    public void Require(bool present, string member, int since, string message = "is required.")
    {
        if (present)
        {
            return;
        }

        var location = Path.Format(member);
        var items = Problems.Items;
        for (var i = since; i < items.Count; i++)
        {
            if (items[i].Location == location)
            {
                return;
            }
        }

        Problems.Add(location, message);
    }

    public void Problem(string message) => Problems.Add(Path.Format(), message);

    public void Problem(string member, string message) => Problems.Add(Path.Format(member), message);

    // Copies a gathered list into an array of its exact size (the shared empty array when it is empty) and clears it.
    public static ImmutableArray<T> Done<T>(List<T> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var result = ImmutableArray.Create(CollectionsMarshal.AsSpan(list));
        list.Clear();
        return result;
    }
}
