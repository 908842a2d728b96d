using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// The text and size checks every document reader makes, with one wording for all of them: invalid UTF-8 in a
/// string or property name, a property given twice in one object, and the <see cref="ReadLimits"/> on depth, list
/// length and string length. The source-generated readers run <see cref="Value"/> over the whole document before
/// deserializing; the directory reader makes the same checks inline and uses <see cref="Value"/> only for what it
/// skips and for calendars. A limit stops reading (<see cref="ReadLimitException"/>); the other problems are listed
/// and reading goes on.
/// </summary>
internal static class JsonTextCheck
{
    public const string InvalidText = "is not valid UTF-8 text.";
    public const string InvalidName = "has a property name that is not valid UTF-8 text.";
    public const string GivenTwice = "is given twice; give each property once.";

    public static string TooDeep(ReadLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"is nested more than {limits.MaxDepth} levels deep, past ReadLimits.MaxDepth.");

    public static string TooManyItems(ReadLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"has more than {limits.MaxListLength} items, past ReadLimits.MaxListLength.");

    public static string TooLong(ReadLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"is longer than {limits.MaxStringLength} bytes, past ReadLimits.MaxStringLength.");

    public static string NameTooLong(ReadLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"has a property name longer than {limits.MaxStringLength} bytes, past ReadLimits.MaxStringLength.");

    public static string TooLarge(ReadLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"is larger than {limits.MaxDocumentBytes} bytes, past ReadLimits.MaxDocumentBytes.");

    public static string MoreProblems(int more, ReadLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"has {more} more problems, not listed: ReadLimits.MaxProblems is {limits.MaxProblems}.");

    /// <summary>Reader options that let a reader go one level past <see cref="ReadLimits.MaxDepth"/>, so the limit is reported, not the reader's own error.</summary>
    public static JsonReaderOptions Options(ReadLimits limits, int depthOffset = 0) =>
        new() { MaxDepth = Math.Max(1, limits.MaxDepth - depthOffset + 1) };

    /// <summary>True when the current string or property name is valid text (UTF-8, and its escapes name whole characters).</summary>
    public static bool IsValidText(ref Utf8JsonReader json)
    {
        if (!json.ValueIsEscaped && !json.HasValueSequence)
        {
            return Utf8.IsValid(json.ValueSpan);
        }

        var length = json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            json.CopyString(buffer);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The bytes of the current string or property name, as written.</summary>
    public static int Length(ref Utf8JsonReader json) =>
        json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;

    /// <summary>Throws the depth limit when the container the reader is on would be nested past it.</summary>
    public static void CheckDepth(ref Utf8JsonReader json, JsonPathStack path, ReadLimits limits, int depthOffset)
    {
        if (depthOffset + json.CurrentDepth >= limits.MaxDepth)
        {
            throw new ReadLimitException(path.Format(), TooDeep(limits));
        }
    }

    /// <summary>
    /// On a value's first token, reads through its last, checking every string, property name, object and array in
    /// it; <paramref name="path"/> is the value's path, and is left so. <paramref name="depthOffset"/> is how deep the
    /// reader's root is in the document.
    /// </summary>
    public static void Value(ref Utf8JsonReader json, JsonPathStack path, ProblemList problems, ReadLimits limits, int depthOffset)
    {
        var start = json.CurrentDepth;
        var frames = new List<Frame>();
        while (true)
        {
            var token = json.TokenType;
            if (token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray) && frames.Count > 0 && !frames[^1].IsObject)
            {
                var frame = frames[^1];
                if (frame.Count == limits.MaxListLength)
                {
                    throw new ReadLimitException(path.Format(), TooManyItems(limits));
                }

                if (frame.Count == 0)
                {
                    path.PushIndex(0);
                }
                else
                {
                    path.SetIndex(frame.Count);
                }

                frame.Count++;
            }

            switch (token)
            {
                case JsonTokenType.StartObject:
                    CheckDepth(ref json, path, limits, depthOffset);
                    frames.Add(new Frame(isObject: true));
                    path.EnterObject();
                    break;
                case JsonTokenType.StartArray:
                    CheckDepth(ref json, path, limits, depthOffset);
                    frames.Add(new Frame(isObject: false));
                    break;
                case JsonTokenType.EndObject:
                    frames.RemoveAt(frames.Count - 1);
                    path.Pop();
                    break;
                case JsonTokenType.EndArray:
                    if (frames[^1].Count > 0)
                    {
                        path.Pop();
                    }

                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    Name(ref json, frames[^1], path, problems, limits);
                    break;
                case JsonTokenType.String:
                    String(ref json, path, problems, limits);
                    break;
            }

            if (json.CurrentDepth == start && token is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
            {
                return;
            }

            if (!json.Read())
            {
                return;
            }
        }
    }

    /// <summary>Checks a string value: its length (a limit, thrown) and its text (a problem at its path).</summary>
    public static void String(ref Utf8JsonReader json, JsonPathStack path, ProblemList problems, ReadLimits limits)
    {
        if (Length(ref json) > limits.MaxStringLength)
        {
            throw new ReadLimitException(path.Format(), TooLong(limits));
        }

        if (!IsValidText(ref json))
        {
            problems.Add(path.Format(), InvalidText);
        }
    }

    /// <summary>
    /// Checks a property name of the object whose slot is on top of <paramref name="path"/>, and names the slot:
    /// the name, or null for a name that is not valid text.
    /// </summary>
    private static void Name(ref Utf8JsonReader json, Frame frame, JsonPathStack path, ProblemList problems, ReadLimits limits)
    {
        path.SetProperty(null);
        if (Length(ref json) > limits.MaxStringLength)
        {
            throw new ReadLimitException(path.Format(), NameTooLong(limits));
        }

        string name;
        try
        {
            name = json.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problems.Add(path.Format(), InvalidName);
            return;
        }

        if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
        {
            problems.Add(path.Format(name), GivenTwice);
        }

        path.SetProperty(name);
    }

    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;

        public int Count { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}

/// <summary>A <see cref="ReadLimits"/> bound was passed: reading stops, and the reader lists this problem after those it found.</summary>
internal sealed class ReadLimitException(string location, string problem) : Exception(problem)
{
    public ValidationProblem Problem { get; } = new(location, problem);
}
