using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// A language a caller prefers, as a BCP 47 tag such as <c>en</c>, <c>es</c>, <c>zh-Hant</c> or
/// <c>pt-BR</c>. Stored in canonical case (language lowercase, script titlecase, region uppercase,
/// variants lowercase), so equality, which is by canonical value, is case-insensitive. Immutable.
/// </summary>
/// <remarks>
/// The accepted form is the common subset of BCP 47: <c>language[-script][-region](-variant)*</c>,
/// where language is 2 or 3 letters (ISO 639), script 4 letters (ISO 15924), region 2 letters
/// (ISO 3166-1) or 3 digits (UN M.49), and a variant 5 to 8 letters and digits, or a digit and 3
/// letters or digits. Extended language subtags, extensions, private use and grandfathered tags are
/// rejected. The check is structural: subtags are not looked up in the IANA registry.
/// </remarks>
public sealed class LanguageTag : IEquatable<LanguageTag>
{
    private const int MaxLength = 35;

    private LanguageTag(string value)
    {
        Value = value;
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        Language = dash < 0 ? value : value[..dash];
    }

    /// <summary>English, <c>en</c>.</summary>
    public static LanguageTag English { get; } = new("en");

    /// <summary>Spanish, <c>es</c>.</summary>
    public static LanguageTag Spanish { get; } = new("es");

    /// <summary>The tag in canonical case, for example <c>zh-Hant-TW</c>.</summary>
    public string Value { get; }

    /// <summary>The language subtag, for example <c>zh</c> for <c>zh-Hant-TW</c>.</summary>
    public string Language { get; }

    /// <summary>Parses and canonicalizes <paramref name="tag"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="tag"/> is not a tag of the accepted form.</exception>
    public static LanguageTag Parse(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!TryParse(tag, out var result))
        {
            throw new NhtrcValidationException("language tag", [new ValidationProblem(nameof(tag), ProblemMessage)]);
        }

        return result;
    }

    /// <summary>Parses and canonicalizes <paramref name="tag"/>; returns false instead of throwing when it is invalid or null.</summary>
    public static bool TryParse([NotNullWhen(true)] string? tag, [NotNullWhen(true)] out LanguageTag? result)
    {
        result = null;
        if (string.IsNullOrEmpty(tag) || tag.Length > MaxLength)
        {
            return false;
        }

        var parts = tag.Split('-');
        var builder = new StringBuilder(tag.Length);
        var i = 0;
        if (!IsLetters(parts[0], 2, 3))
        {
            return false;
        }

        builder.Append(parts[i++].ToLowerInvariant());
        if (i < parts.Length && IsLetters(parts[i], 4, 4))
        {
            builder.Append('-').Append(char.ToUpperInvariant(parts[i][0])).Append(parts[i][1..].ToLowerInvariant());
            i++;
        }

        if (i < parts.Length && (IsLetters(parts[i], 2, 2) || ContactRules.IsAsciiDigits(parts[i], 3)))
        {
            builder.Append('-').Append(parts[i++].ToUpperInvariant());
        }

        for (; i < parts.Length; i++)
        {
            if (!IsVariant(parts[i]))
            {
                return false;
            }

            builder.Append('-').Append(parts[i].ToLowerInvariant());
        }

        result = new LanguageTag(builder.ToString());
        return true;
    }

    /// <summary>True when both tags have the same canonical value (so <c>PT-br</c> equals <c>pt-BR</c>).</summary>
    public bool Equals(LanguageTag? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LanguageTag);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    /// <summary>Value equality; two nulls are equal.</summary>
    public static bool operator ==(LanguageTag? left, LanguageTag? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(LanguageTag? left, LanguageTag? right) => !(left == right);

    internal const string ProblemMessage = "must be a BCP 47 language tag such as en, es, zh-Hant or pt-BR.";

    private static bool IsLetters(string s, int min, int max)
    {
        if (s.Length < min || s.Length > max)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVariant(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return s.Length is >= 5 and <= 8 || (s.Length == 4 && char.IsAsciiDigit(s[0]));
    }
}
