using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Nhtrc.Sdk.Validation;
using ReferralFinder.Localization;
using ReferralFinder.Pages;

namespace ReferralFinder.Api;

/// <summary>
/// RFC 9457 problem details for the API: a 400 names every invalid field (JSON path or field name) with the reason,
/// never the value sent.
/// </summary>
public static class Problems
{
    public const string ValidationType = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1";

    public static IResult Invalid(IEnumerable<KeyValuePair<string, string>> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Key, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Value).Distinct().ToArray(), System.StringComparer.Ordinal),
            detail: "One or more fields are invalid; each is named in errors.",
            title: "The request is invalid.",
            type: ValidationType);

    public static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        Invalid(errors.Select(e => new KeyValuePair<string, string>(e.Field, e.Error == SearchError.Count ? "count is a whole number from 1 to 50." : FinderPage.Message(e.Error, UiText.English))));

    public static IResult Invalid(IEnumerable<ValidationProblem> problems) =>
        Invalid(problems.Select(p => new KeyValuePair<string, string>(p.Location, p.Message)));

    public static IResult Json(string path, string message) => Invalid([new KeyValuePair<string, string>(string.IsNullOrEmpty(path) ? "$" : path, message)]);

    public static IResult DirectoryUnavailable() => TypedResults.Problem(
        title: "The referral directory has not loaded yet.",
        detail: "Try again shortly; GET /health shows the directory's state.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
