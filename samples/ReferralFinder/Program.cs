// ReferralFinder: a partner web app that embeds Nhtrc.Sdk through its DI registration (docs/partner-app.md).
// A search page in English and Spanish, a JSON API, a health check and an OpenAPI document, with the referral
// directory from configuration (the embedded sample, a JSON file or an HSDS source), reloaded without downtime.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Referrals;
using NodaTime;
using ReferralFinder.Api;
using ReferralFinder.Hosting;
using ReferralFinder.Localization;
using ReferralFinder.Pages;

namespace ReferralFinder;

public sealed class Program
{
    private Program()
    {
    }

    public static async Task Main(string[] args) => await Build(args).RunAsync();

    /// <summary>The app, built but not started; <paramref name="configure"/> lets a test add its own settings or loggers.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        // The SDK: options under "Nhtrc" (the directory source and its reload), the HSDS source under "Nhtrc:OpenReferral".
        builder.Services.AddNhtrc(builder.Configuration.GetSection(NhtrcOptions.SectionName));
        builder.Services.AddNhtrcOpenReferral(builder.Configuration.GetSection(OpenReferralOptions.SectionName));
        builder.Services.AddHealthChecks().AddNhtrcDirectoryCheck();

        builder.Services.AddOptions<FinderOptions>().Bind(builder.Configuration.GetSection(FinderOptions.SectionName))
            .Validate(o => o.RateLimit.PermitLimit > 0 && o.RateLimit.WindowSeconds > 0, "ReferralFinder:RateLimit: PermitLimit and WindowSeconds must be positive.")
            .Validate(o => o.ResultCount is >= 1 and <= 50, "ReferralFinder:ResultCount must be from 1 to 50.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.HotlinePhone) && !string.IsNullOrWhiteSpace(o.HotlineText), "ReferralFinder: HotlinePhone and HotlineText must be set.")
            .Validate(o => Uri.TryCreate(o.QuickExitUrl, UriKind.Absolute, out var exit) && exit.Scheme == Uri.UriSchemeHttps, "ReferralFinder:QuickExitUrl must be an https URL.")
            .ValidateOnStart();
        builder.Services.AddProblemDetails();
        builder.Services.AddFinderRateLimiting();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(localization =>
        {
            CultureInfo[] cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("es")];
            localization.DefaultRequestCulture = new RequestCulture("en");
            localization.SupportedCultures = cultures;
            localization.SupportedUICultures = cultures;
            // ?lang=es, else the browser's languages; no cookie: the app stores nothing on the visitor's device.
            localization.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        var app = builder.Build();
        if (app.Services.GetRequiredService<ContactPipeline>().Audience != ReferralAudience.Public)
        {
            throw new InvalidOperationException("Nhtrc:Referrals:Audience must be Public in a public web app: an advocate's results carry confidential addresses.");
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRateLimiter();

        app.MapGet("/", (HttpContext context, IOptions<FinderOptions> options) => Page(context, options.Value, new SearchInput(), [], null, directoryMissing: false))
            .RequireRateLimiting(RateLimiting.PolicyName).ExcludeFromDescription();
        app.MapPost("/", SearchPageAsync).RequireRateLimiting(RateLimiting.PolicyName).ExcludeFromDescription();
        app.MapFinderApi();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapOpenApi();
        return app;
    }

    private static async Task<IResult> SearchPageAsync(
        HttpContext context, IOptions<FinderOptions> options, ReferralDirectoryHolder holder, IClock clock, ILogger<FinderPageLog> logger)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var input = new SearchInput
        {
            Zip = form?["zip"].ToString(),
            Latitude = form?["latitude"].ToString(),
            Longitude = form?["longitude"].ToString(),
            Needs = form is null ? [] : [.. form["needs"].Where(n => !string.IsNullOrEmpty(n)).Select(n => n!)],
            Age = form?["age"].ToString(),
            Gender = form?["gender"].ToString(),
            Language = form?["language"].ToString(),
            Urgent = form is not null && form["urgent"] == "true",
            Count = options.Value.ResultCount,
        };
        var errors = new List<FieldError>();
        var query = SearchValidator.TryBuild(input, clock.GetCurrentInstant(), errors);
        if (query is null)
        {
            var fields = string.Join(",", errors.Select(e => e.Field).Distinct());
            FinderLog.SearchRejected(logger, "page", fields);

            return Page(context, options.Value, input, errors, null, directoryMissing: false, StatusCodes.Status400BadRequest);
        }

        if (holder.Current is not { } directory)
        {
            return Page(context, options.Value, input, errors, null, directoryMissing: true, StatusCodes.Status503ServiceUnavailable);
        }

        var result = directory.Match(query);
        FinderLog.SearchAnswered(logger, "page", result.Matches.Length, result.EligibleCount, input.Urgent);
        return Page(context, options.Value, input, errors, result, directoryMissing: false);
    }

    private static IResult Page(HttpContext context, FinderOptions options, SearchInput input, List<FieldError> errors, ReferralResult? result, bool directoryMissing, int status = StatusCodes.Status200OK)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("en");
        var html = FinderPage.Render(UiText.For(culture), options, input, errors, result, directoryMissing);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The health report as JSON: the overall status and each check's status, description and data.</summary>
    private static async Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", entry.Description);
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }
}
