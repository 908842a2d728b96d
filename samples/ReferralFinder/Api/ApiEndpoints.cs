using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;
using ReferralFinder.Hosting;
using ReferralFinder.Localization;
using ReferralFinder.Pages;

namespace ReferralFinder.Api;

/// <summary>
/// The JSON API behind the page. Bodies are read by the app (not bound by the framework) so that every invalid field
/// is named in a problem details response; nothing a visitor sent (a ZIP code, coordinates, a contact's personal
/// data) is logged or echoed.
/// </summary>
public static partial class ApiEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    public static void MapFinderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(RateLimiting.PolicyName);

        api.MapPost("/referrals/match", MatchAsync)
            .WithName("MatchReferrals")
            .WithSummary("Ranked, explained referral matches for the public (never a confidential address).")
            .Accepts<MatchRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/service-types", ServiceTypes)
            .WithName("ServiceTypes")
            .WithSummary("The service types a match can ask for, with their names in the asked language (?lang=es).")
            .Produces<List<ServiceTypeItem>>();

        api.MapPost("/deadlines", DeadlineAsync)
            .WithName("Deadline")
            .WithSummary("The response deadline of a contact's channel, urgency and receipt, on the hotline's policy.")
            .Accepts<DeadlineRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();

        api.MapPost("/triage", TriageAsync)
            .WithName("Triage")
            .WithSummary("A contact document in (docs/contacts.md), the contact outcome out: urgency, deadline, escalations, referrals. Personal data is neither logged nor echoed.")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
    }

    private static async Task<IResult> MatchAsync(HttpContext context, ReferralDirectoryHolder holder, IClock clock, ILogger<FinderPageLog> logger, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadJsonAsync(context.Request, ApiJsonContext.Default.MatchRequest, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var input = new SearchInput
        {
            Zip = request.Zip,
            Latitude = request.Latitude?.ToString("R", CultureInfo.InvariantCulture),
            Longitude = request.Longitude?.ToString("R", CultureInfo.InvariantCulture),
            Needs = request.Needs ?? [],
            Age = request.Age?.ToString(CultureInfo.InvariantCulture),
            Gender = request.Gender,
            Language = request.Language,
            Urgent = request.Urgent ?? false,
            Count = request.Count ?? 10,
        };
        var errors = new List<FieldError>();
        var query = SearchValidator.TryBuild(input, clock.GetCurrentInstant(), errors);
        if (query is null)
        {
            var fields = string.Join(",", errors.Select(e => e.Field).Distinct());
            FinderLog.SearchRejected(logger, "api", fields);

            return Problems.Invalid(errors);
        }

        if (holder.Current is not { } directory)
        {
            return Problems.DirectoryUnavailable();
        }

        var result = directory.Match(query);
        FinderLog.SearchAnswered(logger, "api", result.Matches.Length, result.EligibleCount, query.Urgency == Urgency.Urgent);
        return Results.Text(ReferralResultJson.Serialize(result), "application/json");
    }

    private static IResult ServiceTypes(HttpContext context)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("en");
        var text = UiText.For(culture);
        var items = System.Enum.GetValues<ServiceType>().Select(t => new ServiceTypeItem(WireNames.Of(t), text.ServiceTypeName(t))).ToList();
        return Results.Json(items, ApiJsonContext.Default.ListServiceTypeItem);
    }

    private static async Task<IResult> DeadlineAsync(HttpContext context, ResponseTimeService responseTimes, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadJsonAsync(context.Request, ApiJsonContext.Default.DeadlineRequest, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        var errors = new List<KeyValuePair<string, string>>();
        Instant receivedAt = default;
        if (request.ReceivedAt is null)
        {
            errors.Add(new("receivedAt", "Required: an ISO 8601 instant such as 2026-07-02T22:59:00Z."));
        }
        else if (InstantPattern.ExtendedIso.Parse(request.ReceivedAt) is { Success: true } parsed)
        {
            receivedAt = parsed.Value;
        }
        else
        {
            errors.Add(new("receivedAt", "Not an ISO 8601 instant such as 2026-07-02T22:59:00Z."));
        }

        if (!WireNames.TryParse(request.Channel, out ContactChannel channel))
        {
            errors.Add(new("channel", "Required: one of " + WireNames.Expected<ContactChannel>() + "."));
        }

        if (!WireNames.TryParse(request.Urgency, out Urgency urgency))
        {
            errors.Add(new("urgency", "Required: one of " + WireNames.Expected<Urgency>() + "."));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            return Results.Text(ResponseDeadlineJson.Serialize(responseTimes.ComputeDeadline(receivedAt, channel, urgency)), "application/json");
        }
        catch (System.ArgumentOutOfRangeException)
        {
            return Problems.Json("receivedAt", "Outside the years the hotline's calendar supports.");
        }
    }

    private static async Task<IResult> TriageAsync(HttpContext context, ContactPipeline pipeline, ReferralDirectoryHolder holder, IClock clock, ILogger<FinderPageLog> logger, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Problems.Json("$", "The body is missing or larger than 256 KB.");
        }

        Contact contact;
        try
        {
            contact = ContactJson.Parse(body);
        }
        catch (NhtrcValidationException e)
        {
            // The SDK's problems name the JSON path and what is wrong, never a value of the document.
            return Problems.Invalid(e.Problems);
        }

        var now = clock.GetCurrentInstant();
        if (contact.ReceivedAt > now)
        {
            return Problems.Json("$.receivedAt", "After the server's clock: a contact is triaged once it has been received.");
        }

        var outcome = pipeline.Process(contact, holder.Current, now);
        FinderLog.TriageAnswered(logger, outcome.Triage.Urgency);
        return Results.Text(ContactOutcomeJson.Serialize(outcome), "application/json");
    }

    /// <summary>The body read as <typeparamref name="T"/>, or the problem that says why it cannot be.</summary>
    private static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, Problems.Json("$", "The body is missing or larger than 256 KB."));
        }

        try
        {
            return JsonSerializer.Deserialize(body, type) is { } value ? (value, null) : (null, Problems.Json("$", "Expected a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, JsonProblem(e));
        }
    }

    private static IResult JsonProblem(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {e.BytePositionInLine + 1})") : "";
        return Problems.Json(path, "Not valid JSON here, an unknown member, or a value of the wrong type" + where + ".");
    }

    /// <summary>The body, or null when it is empty or larger than the limit.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? null : buffer.ToArray();
    }
}
