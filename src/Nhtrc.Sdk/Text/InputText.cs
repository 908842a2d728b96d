using System;

namespace Nhtrc.Sdk.Text;

/// <summary>Quotes lookup keys in messages without ever echoing what could be caller text.</summary>
internal static class InputText
{
    private const int MaxEchoedLength = 12;
    internal const int MaxQuotedToken = 40;

    /// <summary>
    /// <c>'fax'</c>: a token of a field that holds no personal data (an enum name, an interval), quoted to help
    /// fix the document, and cut to 40 characters so a narrative typed into the wrong field never ends up whole
    /// in a log.
    /// </summary>
    public static string Token(ReadOnlySpan<char> token) =>
        token.Length <= MaxQuotedToken ? $"'{token}'" : $"'{Shortened(token)}...'";

    /// <summary>The first <see cref="MaxQuotedToken"/> characters of a longer token, never half of a surrogate pair.</summary>
    internal static ReadOnlySpan<char> Shortened(ReadOnlySpan<char> token) =>
        token[..(char.IsHighSurrogate(token[MaxQuotedToken - 1]) ? MaxQuotedToken - 1 : MaxQuotedToken)];

    /// <summary>
    /// <c>'10001'</c> for short code-like values (ASCII letters, digits, '-' and '.'); otherwise only the length,
    /// because a malformed key may be a name or phone number typed into the wrong field.
    /// </summary>
    public static string Describe(string value)
    {
        if (value.Length == 0)
        {
            return "an empty value";
        }

        if (value.Length > MaxEchoedLength)
        {
            return $"a {value.Length}-character value";
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.'))
            {
                return $"a {value.Length}-character value";
            }
        }

        return $"'{value}'";
    }

    /// <summary>The number a string of ASCII digits spells, such as 2108 for the ZIP code <c>02108</c>; check it with <see cref="IsDigits"/> first.</summary>
    public static int DigitsValue(string digits)
    {
        var number = 0;
        foreach (var c in digits)
        {
            number = (number * 10) + (c - '0');
        }

        return number;
    }

    /// <summary>True when <paramref name="value"/> is exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool IsDigits(string value, int length)
    {
        if (value.Length != length)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
