using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Nhtrc.Sdk.OpenReferral.Tests.HsdsApiTesting;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The feed checker against a real Kestrel server on 127.0.0.1:0: a good API checks clean, a bad one is reported endpoint by endpoint.</summary>
public class HsdsFeedApiCheckTests
{
    internal const string Root = """{ "version": "3.0", "profile": "https://example.org/profile", "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json" }""";

    internal static readonly string[] Organizations = LoadOrganizations();

    private static string[] LoadOrganizations() =>
    [
        .. FixtureServices.Select(s => JsonNode.Parse(s)!["organization"]).OfType<JsonNode>()
            .GroupBy(o => (string)o["id"]!).Select(g => g.First().ToJsonString()),
    ];

    private static string IdOf(string record) => (string)JsonNode.Parse(record)!["id"]!;

    /// <summary>Answers a good HSDS 3.0 API: the root, /services and /organizations with their /{id}; the rest 404.</summary>
    internal static Task Good(HttpContext context, Func<string, string?>? services = null)
    {
        var path = context.Request.Path.Value!["/hsds".Length..];
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["/services"] = FixtureServices, ["/organizations"] = Organizations };
        if (path == "/")
        {
            return HsdsApiTestServer.Json(context, Root);
        }

        if (lists.TryGetValue(path, out var records))
        {
            return HsdsApiTestServer.Page(context, records);
        }

        var slash = path.LastIndexOf('/');
        if (slash > 0 && lists.TryGetValue(path[..slash], out records))
        {
            var id = Uri.UnescapeDataString(path[(slash + 1)..]);
            var record = records.FirstOrDefault(r => IdOf(r) == id);
            if (record is not null)
            {
                return HsdsApiTestServer.Json(context, path.StartsWith("/services/", StringComparison.Ordinal) && services is not null ? services(record) ?? record : record);
            }
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    internal static async Task<HsdsFeedCheckResult> CheckAsync(Uri baseUri, HsdsFeedCheckOptions? options = null, int perPage = 5, int maxPages = 100, Func<HsdsApiOptions, HsdsApiOptions>? configure = null)
    {
        var api = Fast(baseUri, perPage) with { MaxPages = maxPages };
        api = configure is null ? api : configure(api);
        var services = new ServiceCollection();
        services.AddHsdsApiClient("check", api);
        await using var provider = services.BuildServiceProvider();
        return await HsdsFeedCheck.CheckApiAsync(provider.GetRequiredService<IHttpClientFactory>(), "check", api, options);
    }

    [Fact]
    public async Task A_good_api_checks_clean_lists_first_then_every_id_and_optional_endpoints_not_offered()
    {
        await using var server = await HsdsApiTestServer.StartAsync(c => Good(c), anyPath: true);

        var result = await CheckAsync(server.BaseUri);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal($"hsds-api:{server.BaseUri.Authority}/hsds", result.Source);
        Assert.Equal(
        [
            new HsdsFeedEndpoint("GET /", 1, 0, true),
            new HsdsFeedEndpoint("GET /services", 5, 24, true),
            new HsdsFeedEndpoint("GET /organizations", 5, 22, true),
            new HsdsFeedEndpoint("GET /service_at_locations", 1, 0, false),
            new HsdsFeedEndpoint("GET /taxonomies", 1, 0, false),
            new HsdsFeedEndpoint("GET /taxonomy_terms", 1, 0, false),
            new HsdsFeedEndpoint("GET /services/{id}", 24, 24, true),
            new HsdsFeedEndpoint("GET /organizations/{id}", 22, 22, true),
        ],
            result.Endpoints.ToArray());
        Assert.Equal((24 + 24, 22 + 22), (result.Records["service"], result.Records["organization"]));
        var requests = server.Requests.ToList();
        Assert.Equal("/hsds/", requests[0]);
        Assert.Equal("/hsds/services?page=1&per_page=5", requests[1]);
        var firstId = requests.FindIndex(r => r.StartsWith("/hsds/services/", StringComparison.Ordinal));
        Assert.True(firstId > requests.FindLastIndex(r => r.Contains("?page=", StringComparison.Ordinal)), "every list is paged before any /{id}");
        Assert.All(server.Headers, h => Assert.Equal(Secret, h["X-Api-Key"]));
        Assert.DoesNotContain(Secret, string.Join("\n", result.Problems) + result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxIds_limits_the_ids_fetched_per_list()
    {
        await using var server = await HsdsApiTestServer.StartAsync(c => Good(c), anyPath: true);

        var result = await CheckAsync(server.BaseUri, new HsdsFeedCheckOptions { MaxIds = 2 });

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Endpoints.Single(e => e.Endpoint == "GET /services/{id}").Calls);
        Assert.Equal(2, server.Requests.Count(r => r.StartsWith("/hsds/organizations/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_bad_api_is_reported_endpoint_by_endpoint_and_the_check_goes_on()
    {
        var broken = IdOf(FixtureServices[3]);
        var failing = IdOf(Organizations[1]);
        await using var server = await HsdsApiTestServer.StartAsync(context =>
        {
            var path = context.Request.Path.Value!["/hsds".Length..];
            switch (path)
            {
                case "/":
                    return HsdsApiTestServer.Json(context, """{ "version": "3.0" }""");
                case "/service_at_locations":
                    // An empty page 1 of 3.
                    return HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText([], 1, 5, totalPages: 3));
                case "/taxonomies":
                    return HsdsApiTestServer.Json(context, "<html>down for maintenance</html>", "text/html");
            }

            if (path == "/organizations/" + failing)
            {
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return Good(context, record =>
            {
                if (IdOf(record) != broken)
                {
                    return null;
                }

                var node = JsonNode.Parse(record)!;
                node["phones"]![0]!.AsObject().Remove("number");
                return node.ToJsonString();
            });
        }, anyPath: true);

        var result = await CheckAsync(server.BaseUri);

        Assert.Equal(
        [
            "GET /service_at_locations?page=1&per_page=5 $ (paging): is empty but not the last page (inconsistent paging).",
            "GET /taxonomies?page=1&per_page=5 $ (content-type): answered with content type text/html, not application/json (an error page or the wrong URI?).",
            $"GET /services/{broken} $.phones[0].number (required): is required by the phone schema but missing.",
            $"GET /organizations/{failing} $ (http): failed with HTTP 500 after 2 retries.",
        ],
            result.Problems.Select(p => p.ToString()));
        Assert.False(result.Endpoints.Single(e => e.Endpoint == "GET /taxonomy_terms").Offered);
    }

    [Fact]
    public async Task A_server_repeating_page_one_is_a_paging_loop_and_MaxPages_stops_a_list_that_never_ends()
    {
        await using var server = await HsdsApiTestServer.StartAsync(context =>
        {
            var path = context.Request.Path.Value!["/hsds".Length..];
            var page = int.Parse(context.Request.Query["page"].ToString() is { Length: > 0 } p ? p : "0", CultureInfo.InvariantCulture);
            return path switch
            {
                "/" => HsdsApiTestServer.Json(context, Root),

                // The same records on every page, numbered as asked: only the repeat gives the loop away.
                "/services" => HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText(FixtureServices, 1, 5, totalPages: 1000, pageNumber: page)),

                // Different records on every page, forever.
                "/organizations" => HsdsApiTestServer.Json(context, $$"""{ "page_number": {{page}}, "last_page": false, "contents": [{ "id": "o{{page}}", "name": "Org {{page}}", "description": "d" }] }"""),
                _ => Good(context),
            };
        }, anyPath: true);

        var result = await CheckAsync(server.BaseUri, new HsdsFeedCheckOptions { MaxIds = 0 }, maxPages: 4);

        Assert.Equal(
        [
            "GET /services?page=1&per_page=5 $ (paging): says total_pages 1000, more than MaxPages (4).",
            "GET /organizations?page=4&per_page=5 $ (paging): is not the last page after MaxPages (4) pages (a paging loop, or MaxPages is too low).",
        ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_repeated_page_is_reported_as_a_paging_loop()
    {
        await using var server = await HsdsApiTestServer.StartAsync(context =>
        {
            var path = context.Request.Path.Value!["/hsds".Length..];
            var page = int.Parse(context.Request.Query["page"].ToString() is { Length: > 0 } p ? p : "0", CultureInfo.InvariantCulture);
            return path == "/services"
                ? HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText(FixtureServices, 1, 5, totalPages: 5, pageNumber: page))
                : Good(context);
        }, anyPath: true);

        var result = await CheckAsync(server.BaseUri, new HsdsFeedCheckOptions { MaxIds = 0 });

        Assert.Equal("GET /services?page=2&per_page=5 $ (paging): repeats the records of page 1 (a paging loop).", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_root_that_is_not_hsds_3_a_missing_services_list_truncated_json_and_a_wrong_record_are_problems()
    {
        await using var server = await HsdsApiTestServer.StartAsync(context =>
        {
            var path = context.Request.Path.Value!["/hsds".Length..];
            if (path == "/")
            {
                return HsdsApiTestServer.Json(context, """{ "version": "2.0.1" }""");
            }

            if (path == "/organizations")
            {
                return HsdsApiTestServer.Json(context, """{ "total_items": 1, "contents": [{ "id": "o1", "name": "Org", "description": "d" }""");
            }

            if (path.StartsWith("/organizations/", StringComparison.Ordinal))
            {
                return HsdsApiTestServer.Json(context, Organizations[0]);
            }

            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }, anyPath: true);

        var result = await CheckAsync(server.BaseUri);

        Assert.Equal(
        [
            "GET / $.version (hsds-version): is not HSDS 3.0: the root must say version 3.0.",
            "GET /services?page=1&per_page=5 $ (http): does not exist (HTTP 404).",
            "GET /organizations?page=1&per_page=5 $.contents[1] (json): is not well-formed JSON (line 1).",
            "GET /organizations/o1 $.id (id): is not the id asked for: the answer is another record.",
        ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_slow_answer_a_stalled_body_and_a_connection_closed_inside_a_body_are_problems_of_their_endpoints()
    {
        var slow = IdOf(FixtureServices[0]);
        var stalled = IdOf(FixtureServices[1]);
        var cut = IdOf(FixtureServices[2]);
        await using var server = await HsdsApiTestServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!["/hsds".Length..];
            if (path == "/services/" + slow)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            else if (path == "/services/" + stalled)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{ "id": """);
                await context.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }
            else if (path == "/services/" + cut)
            {
                var text = System.Text.Encoding.UTF8.GetBytes(FixtureServices[2]);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = text.Length;
                await context.Response.Body.WriteAsync(text.AsMemory(0, text.Length / 3));
                await context.Response.Body.FlushAsync();
                await Task.Delay(100);
                context.Abort();
            }
            else
            {
                await Good(context);
            }
        }, anyPath: true);

        var result = await CheckAsync(
            server.BaseUri,
            new HsdsFeedCheckOptions { MaxIds = 4 },
            configure: o => o with { AttemptTimeout = NodaTime.Duration.FromMilliseconds(150), RequestTimeout = NodaTime.Duration.FromMilliseconds(500), PageTimeout = NodaTime.Duration.FromMilliseconds(800), MaxRetries = 1 });

        Assert.Equal(
        [
            ($"GET /services/{slow}", "timeout"),
            ($"GET /services/{stalled}", "timeout"),
            ($"GET /services/{cut}", "http"),
        ],
            result.Problems.Select(p => (p.Location, p.Keyword)).ToArray());
        Assert.StartsWith("did not answer within the timeouts (AttemptTimeout", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("did not send the whole answer within PageTimeout", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("broke off its answer (truncated", result.Problems[2].Message, StringComparison.Ordinal);
        Assert.Equal(4, result.Endpoints.Single(e => e.Endpoint == "GET /services/{id}").Calls);
    }

    [Fact]
    public async Task The_api_key_is_sent_with_every_request_and_never_in_a_problem_a_result_or_a_log_line()
    {
        await using var server = await HsdsApiTestServer.StartAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path.Value!.EndsWith("/services", StringComparison.Ordinal) ? 401 : 503;
            return Task.CompletedTask;
        }, anyPath: true);
        var api = Fast(server.BaseUri);
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddHsdsApiClient("check", api);
        await using var provider = services.BuildServiceProvider();

        var result = await HsdsFeedCheck.CheckApiAsync(provider.GetRequiredService<IHttpClientFactory>(), "check", api);

        Assert.Contains(result.Problems, p => p.Location == "GET /services?page=1&per_page=5" && p.Message.StartsWith("refused the credentials (HTTP 401)", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Location == "GET /" && p.Message == "failed with HTTP 503 after 2 retries.");
        Assert.All(server.Headers, h => Assert.Equal(Secret, h["X-Api-Key"]));
        Assert.NotEmpty(logs.Lines);
        var everything = string.Join("\n", result.Problems) + result + string.Join("\n", logs.Lines);
        Assert.DoesNotContain(Secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_cannot_be_reached_is_one_problem_and_nothing_else_is_called()
    {
        Uri gone;
        await using (var server = await HsdsApiTestServer.StartAsync(c => Good(c), anyPath: true))
        {
            gone = server.BaseUri;
        }

        var result = await CheckAsync(gone);

        Assert.Equal("GET / $ (http): cannot be reached (ConnectionError).", Assert.Single(result.Problems).ToString());
        Assert.Equal([new HsdsFeedEndpoint("GET /", 1, 0, true)], result.Endpoints.ToArray());
    }

    [Fact]
    public async Task Cancelling_stops_the_check()
    {
        await using var server = await HsdsApiTestServer.StartAsync(c => Good(c), anyPath: true);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var api = Fast(server.BaseUri);
        var services = new ServiceCollection();
        services.AddHsdsApiClient("check", api);
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HsdsFeedCheck.CheckApiAsync(provider.GetRequiredService<IHttpClientFactory>(), "check", api, null, cancel.Token).AsTask());
    }
}
