using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>A real Kestrel server on 127.0.0.1, port 0, serving what each test's handler answers under <c>/hsds/</c>.</summary>
internal sealed class HsdsApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HsdsApiTestServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary>The API root, <c>http://127.0.0.1:PORT/hsds/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request's path and query, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every request's headers (name: value), in order.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Headers { get; } = new();

    /// <summary>Starts a server; only <c>/hsds/services...</c> reaches <paramref name="handler"/> unless <paramref name="anyPath"/>.</summary>
    public static async Task<HsdsApiTestServer> StartAsync(Func<HttpContext, Task> handler, bool anyPath = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        HsdsApiTestServer? server = null;
        app.Run(async context =>
        {
            server!.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            server.Headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            if (!anyPath && !context.Request.Path.StartsWithSegments("/hsds/services", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }

            await handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new HsdsApiTestServer(app, new Uri(address.TrimEnd('/') + "/hsds/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static Task Json(HttpContext context, string body, string contentType = "application/json")
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    /// <summary>Answers a paged list of <paramref name="records"/> as an HSDS 3.0 API does (page, per_page, and the metadata).</summary>
    public static Task Page(HttpContext context, IReadOnlyList<string> records)
    {
        var perPage = int.Parse(context.Request.Query["per_page"].ToString(), CultureInfo.InvariantCulture);
        var page = int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture);
        return Json(context, PageText(records, page, perPage));
    }

    public static string PageText(IReadOnlyList<string> records, int page, int perPage, int? totalPages = null, int? pageNumber = null)
    {
        var total = totalPages ?? Math.Max(1, (records.Count + perPage - 1) / perPage);
        var slice = records.Skip((page - 1) * perPage).Take(perPage).ToList();
        return $$"""
            { "total_items": {{records.Count}}, "total_pages": {{total}}, "page_number": {{pageNumber ?? page}}, "size": {{slice.Count}},
              "first_page": {{(page == 1 ? "true" : "false")}}, "last_page": {{(page >= total ? "true" : "false")}}, "empty": {{(records.Count == 0 ? "true" : "false")}},
              "contents": [{{string.Join(",\n", slice)}}] }
            """;
    }

    public static string NdJson(IEnumerable<string> records) => string.Concat(records.Select(r => Compact(r) + "\n"));

    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>Helpers shared by the live-API tests.</summary>
internal static class HsdsApiTesting
{
    public const string Secret = "s3cr3t-Fictional-Key-7f1e";

    public static readonly HsdsImportOptions Import = new()
    {
        DefaultTypes = [ServiceType.CaseManagement],
        DefaultLastVerified = new LocalDate(2026, 1, 1),
    };

    public static readonly string[] FixtureServices = LoadFixtureServices();

    public static string FixtureText { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json"));

    private static string[] LoadFixtureServices()
    {
        using var list = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json")));
        return [.. list.RootElement.GetProperty("contents").EnumerateArray().Select(e => e.GetRawText())];
    }

    /// <summary>Settings for tests: millisecond retry delays, timeouts of seconds (only the slow-server tests shorten them).</summary>
    public static HsdsApiOptions Fast(Uri baseUri, int perPage = 5) => new(baseUri)
    {
        Import = Import,
        PerPage = perPage,
        AttemptTimeout = Duration.FromSeconds(5),
        RequestTimeout = Duration.FromSeconds(15),
        PageTimeout = Duration.FromSeconds(20),
        MaxRetries = 2,
        RetryDelay = Duration.FromMilliseconds(1),
        Headers = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("X-Api-Key", Secret),
    };

    public static (HsdsApiDirectorySource Source, ServiceProvider Provider) Create(HsdsApiOptions options, CapturedLogs? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddHsdsApiClient("hsds", options);
        var provider = services.BuildServiceProvider();
        return (new HsdsApiDirectorySource(provider.GetRequiredService<IHttpClientFactory>(), "hsds", options), provider);
    }
}

/// <summary>Keeps every log line at every level, with its structured values, to prove no secret is logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Lines.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
        }
    }
}
