using System;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// The validation rules of the resource model, shared by the constructors and the JSON reader so both report
/// the same messages. Each returns null when the value is valid, else a message.
/// </summary>
internal static class ResourceRules
{
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 4000;
    public const int MaxLinkLength = 2048;

    /// <summary>A stable slug: lowercase ASCII letters and digits in groups separated by single hyphens.</summary>
    public static string? Slug(string? id)
    {
        var ok = id is not null && id.Length is > 0 and <= MaxIdLength && id[0] != '-' && id[^1] != '-';
        for (var i = 0; ok && i < id!.Length; i++)
        {
            var c = id[i];
            ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && id[i - 1] != '-');
        }

        return ok
            ? null
            : $"must be a slug of 1 to {MaxIdLength} lowercase ASCII letters and digits in groups separated by single hyphens, such as sample-labor-toolkit.";
    }

    public static string? Title(string? title) => Text(title, MaxTitleLength);

    public static string? Summary(string? summary) => Text(summary, MaxSummaryLength);

    /// <summary>An absolute https link with a host and no user information.</summary>
    public static string? Link(Uri? link) =>
        link is not null
        && link.IsAbsoluteUri
        && link.Scheme == Uri.UriSchemeHttps
        && link.Host.Length > 0
        && link.UserInfo.Length == 0
        && link.OriginalString.Length <= MaxLinkLength
            ? null
            : LinkMessage;

    public static string? Link(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) ? Link(uri) : LinkMessage;

    public static string? Defined<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? null : $"is not a defined {typeof(T).Name} value.";

    private const string LinkMessage = "must be an absolute https link such as https://example.org/toolkit, at most 2048 characters, without user information.";

    private static string? Text(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? "must not be blank."
        : text.Length > maxLength ? $"must be at most {maxLength} characters."
        : null;
}
