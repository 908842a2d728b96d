using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace ReferralFinder.Pages;

/// <summary>What a visitor asked for, as text from the form or the JSON API, before it is checked.</summary>
public sealed class SearchInput
{
    public string? Zip { get; init; }

    public string? Latitude { get; init; }

    public string? Longitude { get; init; }

    public IReadOnlyList<string> Needs { get; init; } = [];

    public string? Age { get; init; }

    public string? Gender { get; init; }

    public string? Language { get; init; }

    public bool Urgent { get; init; }

    public int Count { get; init; } = 10;
}

/// <summary>Why a field of a search is invalid; the page words it in its language, the API in English.</summary>
public enum SearchError
{
    PlaceRequired,
    ZipFormat,
    ZipUnknown,
    Location,
    NeedsRequired,
    NeedUnknown,
    Age,
    Gender,
    Language,
    Count,
}

/// <summary>One invalid field: its name (as the form and the API spell it) and why.</summary>
public readonly record struct FieldError(string Field, SearchError Error);

/// <summary>
/// Turns a <see cref="SearchInput"/> into a referral query for the public, or the list of every invalid field.
/// The values themselves (a ZIP code, coordinates) never go into an error: only the field and the reason.
/// </summary>
public static class SearchValidator
{
    /// <summary>The languages a visitor can choose (the directory's, by how often it lists them).</summary>
    public static ImmutableArray<string> LanguageChoices { get; } = ["en", "es", "zh", "vi", "ko", "tl", "ht", "fr", "so", "ru", "ar", "pt", "hi", "ase"];

    public static ReferralQuery? TryBuild(SearchInput input, Instant at, List<FieldError> errors)
    {
        var place = Place(input, errors);

        var needs = ImmutableArray.CreateBuilder<ServiceType>();
        if (input.Needs.Count == 0)
        {
            errors.Add(new FieldError("needs", SearchError.NeedsRequired));
        }

        for (var i = 0; i < input.Needs.Count; i++)
        {
            if (WireNames.TryParse(input.Needs[i], out ServiceType need))
            {
                if (!needs.Contains(need))
                {
                    needs.Add(need);
                }
            }
            else
            {
                errors.Add(new FieldError(string.Create(CultureInfo.InvariantCulture, $"needs[{i}]"), SearchError.NeedUnknown));
            }
        }

        AgeRange? age = null;
        if (!string.IsNullOrWhiteSpace(input.Age))
        {
            if (int.TryParse(input.Age.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is >= 0 and <= 120)
            {
                age = AgeRange.Exactly(years);
            }
            else
            {
                errors.Add(new FieldError("age", SearchError.Age));
            }
        }

        Gender? gender = null;
        if (!string.IsNullOrWhiteSpace(input.Gender))
        {
            if (WireNames.TryParse(input.Gender.Trim(), out Gender g))
            {
                gender = g;
            }
            else
            {
                errors.Add(new FieldError("gender", SearchError.Gender));
            }
        }

        LanguageTag? language = null;
        if (!string.IsNullOrWhiteSpace(input.Language))
        {
            if (LanguageTag.TryParse(input.Language.Trim(), out var tag))
            {
                language = tag;
            }
            else
            {
                errors.Add(new FieldError("language", SearchError.Language));
            }
        }

        if (input.Count is < 1 or > 50)
        {
            errors.Add(new FieldError("count", SearchError.Count));
        }

        if (errors.Count > 0 || place is null)
        {
            return null;
        }

        return new ReferralQuery
        {
            Needs = needs.ToImmutable(),
            Place = place,
            Client = new ClientProfile { Age = age, Gender = gender },
            Language = language,
            Urgency = input.Urgent ? Urgency.Urgent : Urgency.NonUrgent,
            At = at,
            Count = input.Count,
            // A public page: confidential addresses never leave the SDK, whatever the configuration says.
            Audience = ReferralAudience.Public,
        };
    }

    private static ReferralPlace? Place(SearchInput input, List<FieldError> errors)
    {
        var hasLatitude = !string.IsNullOrWhiteSpace(input.Latitude);
        var hasLongitude = !string.IsNullOrWhiteSpace(input.Longitude);
        if (hasLatitude || hasLongitude)
        {
            if (double.TryParse(input.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(input.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
            {
                try
                {
                    return ReferralPlace.AtPoint(new GeoPoint(lat, lon));
                }
                catch (System.ArgumentException)
                {
                }
            }

            errors.Add(new FieldError(hasLatitude ? "latitude" : "longitude", SearchError.Location));
            return null;
        }

        var zip = input.Zip?.Trim();
        if (string.IsNullOrEmpty(zip))
        {
            errors.Add(new FieldError("zip", SearchError.PlaceRequired));
            return null;
        }

        if (zip.Length != 5 || !IsDigits(zip))
        {
            errors.Add(new FieldError("zip", SearchError.ZipFormat));
            return null;
        }

        if (!Gazetteer.Default.TryGetZip(zip, out var info))
        {
            errors.Add(new FieldError("zip", SearchError.ZipUnknown));
            return null;
        }

        return ReferralPlace.AtZip(info);
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
