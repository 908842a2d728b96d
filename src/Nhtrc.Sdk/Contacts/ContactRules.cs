using System;
using System.Collections.Frozen;
using NodaTime;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// The validation rules of the contact model, shared by the constructors and the JSON reader so both
/// report the same messages. Each returns null when the value is valid, else a message that never
/// contains the value.
/// </summary>
internal static class ContactRules
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;
    public const int MaxNarrativeLength = 20_000;
    public const int MaxEmailLength = 254;

    // USPS codes of the states, DC, the inhabited territories and the military "states".
    private static readonly FrozenSet<string> StateCodes = FrozenSet.Create(StringComparer.Ordinal,
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
        "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "DC", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP");

    public static string? Required(object? value) => value is null ? "is required." : null;

    public static string? Defined<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? null : $"is not a defined {typeof(T).Name} value.";

    public static string? Zip(string? zip) =>
        zip is null || IsAsciiDigits(zip, 5) ? null : "must be a 5-digit ZIP code.";

    public static string? CountyFips(string? fips) =>
        fips is null || (IsAsciiDigits(fips, 5) && fips != "00000") ? null : "must be a 5-digit county FIPS code (2-digit state + 3-digit county).";

    public static string? State(string? state) =>
        state is null || StateCodes.Contains(state.ToUpperInvariant()) ? null : "must be a USPS state or territory code such as TX or PR.";

    public static string? Latitude(double latitude) =>
        double.IsFinite(latitude) && latitude is >= -90 and <= 90 ? null : "must be a latitude in degrees from -90 to 90.";

    public static string? Longitude(double longitude) =>
        double.IsFinite(longitude) && longitude is >= -180 and <= 180 ? null : "must be a longitude in degrees from -180 to 180.";

    /// <summary>An opaque id: 1 to 128 ASCII letters, digits, '.', '_', ':' or '-'.</summary>
    public static string? OpaqueId(string? id) =>
        id is not null && id.Length is > 0 and <= MaxIdLength && IsIdChars(id)
            ? null
            : $"must be 1 to {MaxIdLength} ASCII letters, digits, '.', '_', ':' or '-'.";

    /// <summary>A consent recipient: an opaque id of an organization or agency; '*' is not accepted.</summary>
    public static string? Recipient(string? recipient) =>
        recipient == "*"
            ? "must name one organization or agency; '*' (any recipient) is not accepted because consent is specific."
            : OpaqueId(recipient);

    /// <summary>A camelCase identifier such as <c>emergencyShelter</c>: an ASCII lowercase letter, then letters and digits.</summary>
    public static string? CamelCaseId(string? id)
    {
        var ok = id is not null && id.Length is > 0 and <= 64 && char.IsAsciiLetterLower(id[0]);
        for (var i = 1; ok && i < id!.Length; i++)
        {
            ok = char.IsAsciiLetterOrDigit(id[i]);
        }

        return ok ? null : "must be a camelCase identifier of up to 64 ASCII letters and digits, such as emergencyShelter.";
    }

    public static string? Name(string? name) => Text(name, MaxNameLength);

    public static string? Address(string? address) => Text(address, MaxAddressLength);

    public static string? Narrative(string? narrative) => Text(narrative, MaxNarrativeLength);

    /// <summary>A phone number: 7 to 15 digits, optionally a leading '+', and spaces, '-', '.', '(' or ')'.</summary>
    public static string? Phone(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = 0;
        var ok = phone.Length <= 32;
        for (var i = 0; ok && i < phone.Length; i++)
        {
            var c = phone[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else
            {
                ok = c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0);
            }
        }

        return ok && digits is >= 7 and <= 15
            ? null
            : "must be a phone number of 7 to 15 digits, optionally with a leading '+' and spaces, '-', '.', '(' or ')'.";
    }

    /// <summary>An email address: one '@' between a non-empty local part and a dotted domain, no whitespace.</summary>
    public static string? Email(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var ok = email.Length <= MaxEmailLength
            && at > 0
            && at == email.LastIndexOf('@')
            && email.IndexOf('.', at + 1) > at + 1
            && !email.EndsWith('.')
            && !email.AsSpan().ContainsAny(" \t\r\n");
        return ok ? null : $"must be an email address (a local part, one '@' and a dotted domain) of at most {MaxEmailLength} characters.";
    }

    public static string? Interval(Instant grantedAt, Instant? expiresAt) =>
        expiresAt is { } e && e <= grantedAt ? "must be later than grantedAt." : null;

    public static string? Revocation(Instant grantedAt, Instant? revokedAt) =>
        revokedAt is { } r && r < grantedAt ? "must not be earlier than grantedAt." : null;

    private static string? Text(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "must not be empty or blank; omit it instead.";
        }

        return text.Length <= maxLength ? null : $"must be at most {maxLength} characters.";
    }

    internal static bool IsAsciiDigits(string s, int length)
    {
        if (s.Length != length)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdChars(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or ':' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
