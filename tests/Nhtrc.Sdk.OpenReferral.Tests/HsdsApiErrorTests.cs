using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Nhtrc.Sdk.Validation;
using NodaTime;
using static Nhtrc.Sdk.OpenReferral.Tests.HsdsApiTesting;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>A misbehaving API fails the whole load with an error naming the endpoint, never the credentials.</summary>
public class HsdsApiErrorTests
{
    private static async Task<(NhtrcValidationException Error, HsdsApiTestServer Server)> Fails(Func<HttpContext, int, Task> handler, Func<HsdsApiOptions, HsdsApiOptions>? configure = null)
    {
        var calls = 0;
        var server = await HsdsApiTestServer.StartAsync(context => handler(context, Interlocked.Increment(ref calls)));
        var options = configure is null ? Fast(server.BaseUri) : configure(Fast(server.BaseUri));
        var logs = new CapturedLogs();
        var (source, provider) = Create(options, logs);
        try
        {
            var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => source.LoadAsync().AsTask());
            Assert.Equal(source.Name, e.Subject);
            Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
            Assert.NotEmpty(logs.Lines);
            return (e, server);
        }
        finally
        {
            await provider.DisposeAsync();
        }
    }

    private static Task Page(HttpContext context, int page) =>
        HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText(FixtureServices, page, 5));

    private static int PageOf(HttpContext context) => int.Parse(context.Request.Query["page"].ToString());

    [Fact]
    public async Task A_500_then_a_200_is_retried_and_the_load_succeeds()
    {
        var failed = 0;
        await using var server = await HsdsApiTestServer.StartAsync(context =>
        {
            if (PageOf(context) == 2 && Interlocked.Increment(ref failed) == 1)
            {
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return Page(context, PageOf(context));
        });
        var (source, provider) = Create(Fast(server.BaseUri));
        await using var _ = provider;
        var load = await source.LoadAsync();
        Assert.Equal(HsdsReader.Parse(FixtureText, source.Name, Import).Report.CountOf("services"), load.Report.CountOf("services"));
        Assert.Equal(2, server.Requests.Count(r => r.Contains("page=2&", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Always_500_fails_after_the_retries_naming_the_endpoint()
    {
        var (e, server) = await Fails((context, _) =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        await using var _ = server;
        var problem = Assert.Single(e.Problems);
        Assert.Equal("GET /services?page=1&per_page=5&full=true", problem.Location);
        Assert.Equal("failed with HTTP 503 after 2 retries.", problem.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Refused_credentials_are_named_without_echoing_them_and_not_retried(int status)
    {
        var (e, server) = await Fails((context, _) =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync("bad key " + context.Request.Headers["X-Api-Key"]);
        });
        await using var _ = server;
        Assert.Contains($"refused the credentials (HTTP {status})", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_json_body_that_ends_early_on_page_3_fails_the_whole_load_with_the_page()
    {
        var (e, server) = await Fails((context, _) =>
        {
            var text = HsdsApiTestServer.PageText(FixtureServices, PageOf(context), 5);
            return HsdsApiTestServer.Json(context, PageOf(context) == 3 ? text[..(text.Length / 2)] : text);
        });
        await using var _ = server;
        var problem = Assert.Single(e.Problems);
        Assert.Equal("GET /services?page=3&per_page=5&full=true $", problem.Location);
        Assert.Contains("is not well-formed JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_closed_inside_the_body_is_a_truncated_answer()
    {
        var (e, server) = await Fails(async (context, _) =>
        {
            var text = Encoding.UTF8.GetBytes(HsdsApiTestServer.PageText(FixtureServices, PageOf(context), 5));
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = text.Length;
            await context.Response.Body.WriteAsync(text.AsMemory(0, text.Length / 3));
            await context.Response.Body.FlushAsync();
            await Task.Delay(100);
            context.Abort();
        });
        await using var _ = server;
        Assert.Contains("broke off its answer (truncated", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_page_is_the_wrong_content_type()
    {
        var (e, server) = await Fails((context, _) => HsdsApiTestServer.Json(context, "<html><body>Maintenance</body></html>", "text/html; charset=utf-8"));
        await using var _ = server;
        Assert.Equal("answered with content type text/html, not application/json (an error page or the wrong URI?).", Assert.Single(e.Problems).Message);
    }

    [Fact]
    public async Task A_server_that_ignores_page_is_a_paging_loop()
    {
        // No metadata at all: the same records again on page 2.
        var (e, server) = await Fails((context, _) =>
            HsdsApiTestServer.Json(context, $$"""{ "contents": [{{string.Join(",", FixtureServices.Take(5))}}] }"""));
        await using var _ = server;
        var problem = Assert.Single(e.Problems);
        Assert.Equal("GET /services?page=2&per_page=5&full=true", problem.Location);
        Assert.Equal("repeats the records of page 1 (a paging loop).", problem.Message);
    }

    [Fact]
    public async Task A_page_number_other_than_the_one_asked_for_is_a_paging_loop()
    {
        var (e, server) = await Fails((context, _) =>
            HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText(FixtureServices, PageOf(context), 5, pageNumber: 1)));
        await using var _ = server;
        Assert.Equal("answered page_number 1 when asked for page 2 (a paging loop).", Assert.Single(e.Problems).Message);
    }

    [Fact]
    public async Task A_total_pages_that_changes_between_pages_fails()
    {
        var (e, server) = await Fails((context, _) =>
            HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText(FixtureServices, PageOf(context), 5, totalPages: PageOf(context) == 1 ? 5 : 6)));
        await using var _ = server;
        Assert.StartsWith("says total_pages 6 where page 1 said 5", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_total_pages_beyond_max_pages_fails_before_reading_on()
    {
        var (e, server) = await Fails((context, _) => Page(context, PageOf(context)), o => o with { MaxPages = 3 });
        await using var _ = server;
        Assert.Equal("says total_pages 5, more than MaxPages (3).", Assert.Single(e.Problems).Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Endless_new_pages_without_metadata_stop_at_max_pages()
    {
        var (e, server) = await Fails(
            (context, call) => HsdsApiTestServer.Json(
                context,
                $$"""{ "contents": [{{FixtureServices[0].Replace("00000000-0000-4000-8000-010000000001", $"00000000-0000-4000-8000-0900000000{call:D2}", StringComparison.Ordinal)}}] }"""),
            o => o with { MaxPages = 4 });
        await using var _ = server;
        var problem = Assert.Single(e.Problems);
        Assert.Equal("GET /services?page=4&per_page=5&full=true", problem.Location);
        Assert.StartsWith("is not the last page after MaxPages (4) pages", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_page_before_the_last_is_inconsistent_paging()
    {
        var (e, server) = await Fails((context, _) =>
            HsdsApiTestServer.Json(context, PageOf(context) == 2 ? """{ "total_pages": 5, "page_number": 2, "last_page": false, "contents": [] }""" : HsdsApiTestServer.PageText(FixtureServices, PageOf(context), 5)));
        await using var _ = server;
        Assert.Equal("is empty but not the last page (inconsistent paging).", Assert.Single(e.Problems).Message);
    }

    [Fact]
    public async Task A_server_sleeping_past_the_attempt_timeout_fails_quickly_after_the_retries()
    {
        var clock = Stopwatch.StartNew();
        var (e, server) = await Fails(
            async (context, _) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted),
            o => o with { AttemptTimeout = Duration.FromMilliseconds(150), RequestTimeout = Duration.FromSeconds(3) });
        await using var _ = server;
        Assert.StartsWith("did not answer within the timeouts (AttemptTimeout", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_body_that_stalls_fails_at_the_page_timeout()
    {
        var (e, server) = await Fails(
            async (context, _) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{ "total_pages": 5, "contents": [""");
                await context.Response.Body.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            },
            o => o with { AttemptTimeout = Duration.FromMilliseconds(200), RequestTimeout = Duration.FromMilliseconds(400), PageTimeout = Duration.FromMilliseconds(600) });
        await using var _ = server;
        Assert.StartsWith("did not send the whole answer within PageTimeout", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_the_server_is_slow()
    {
        await using var server = await HsdsApiTestServer.StartAsync(async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var (source, provider) = Create(Fast(server.BaseUri));
        await using var _ = provider;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.LoadAsync(cancel.Token).AsTask());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_named()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (source, provider) = Create(Fast(new Uri($"http://127.0.0.1:{port}/hsds")));
        await using var _ = provider;
        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => source.LoadAsync().AsTask());
        Assert.Equal("cannot be reached (ConnectionError).", Assert.Single(e.Problems).Message);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_is_not_hsds_3_on_page_2_fails_the_whole_load_with_the_page()
    {
        var legacy = FixtureServices.Select((r, i) => i == 7 ? r.Replace("\"status\":", "\"regular_schedule\": [], \"status\":", StringComparison.Ordinal) : r).ToArray();
        var (e, server) = await Fails((context, _) => HsdsApiTestServer.Json(context, HsdsApiTestServer.PageText(legacy, PageOf(context), 5)));
        await using var _ = server;
        var problem = Assert.Single(e.Problems);
        Assert.Equal("GET /services?page=2&per_page=5&full=true $.contents[2].regular_schedule", problem.Location);
        Assert.Contains("is not HSDS 3.0", problem.Message, StringComparison.Ordinal);
    }
}
