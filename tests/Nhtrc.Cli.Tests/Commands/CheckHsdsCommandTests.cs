using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Nhtrc.Cli.Commands;

namespace Nhtrc.Cli.Tests.Commands;

public sealed class CheckHsdsCommandTests : IDisposable
{
    private const string Secret = "s3cr3t-Fictional-Check-Key-42";

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional");

    private readonly string _folder = Directory.CreateTempSubdirectory("nhtrc-check-hsds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CheckHsdsCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_clean_feed_prints_its_summary_and_exits_zero()
    {
        var (exitCode, stdout, stderr) = Run(Path.Combine(Fixtures, "service_list.json"));

        Assert.Equal((0, "", "hsds:service_list.json: checked 24 service records; 0 problems\n"), (exitCode, stderr, stdout));
    }

    [Fact]
    public void The_fixture_csv_package_checks_clean()
    {
        var (exitCode, stdout, _) = Run(Path.Combine(Fixtures, "csv"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("hsds:csv: checked ", stdout, StringComparison.Ordinal);
        Assert.Contains("24 service", stdout, StringComparison.Ordinal);
        Assert.EndsWith("; 0 problems\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_with_problems_prints_each_on_its_own_line_and_exits_two()
    {
        var list = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "service_list.json")))!;
        list["contents"]![1]!["phones"]![0]!.AsObject().Remove("number");
        list["contents"]![2]!["status"] = "open";
        var feed = Path.Combine(_folder, "feed.json");
        File.WriteAllText(feed, list.ToJsonString());

        var (exitCode, stdout, stderr) = Run(feed);

        Assert.Equal((2, ""), (exitCode, stderr));
        Assert.Equal(
            "hsds:feed.json: checked 24 service records; 2 problems\n" +
            "problem\tfeed.json\t$.contents[1].phones[0].number\trequired\tis required by the phone schema but missing.\n" +
            "problem\tfeed.json\t$.contents[2].status\tenum\tmust be one of \"active\", \"inactive\", \"defunct\", \"temporarily closed\".\n",
            stdout);
    }

    [Fact]
    public void Json_output_lists_every_result_with_its_problems()
    {
        var feed = Path.Combine(_folder, "feed.ndjson");
        File.WriteAllText(feed, """{ "id": "s1", "name": "n", "status": "active" }""" + "\nnot json\n");

        var (exitCode, stdout, _) = Run(feed, Path.Combine(Fixtures, "second-feed.json"), "--json");

        Assert.Equal(2, exitCode);
        var sources = JsonNode.Parse(stdout)!["sources"]!.AsArray();
        Assert.Equal(2, sources.Count);
        Assert.Equal(("hsds:feed.ndjson", false, 1), ((string)sources[0]!["source"]!, (bool)sources[0]!["valid"]!, (int)sources[0]!["records"]!["service"]!));
        var problem = Assert.Single(sources[0]!["problems"]!.AsArray())!;
        Assert.Equal(("feed.ndjson", "line 2", "json"), ((string)problem["location"]!, (string)problem["path"]!, (string)problem["keyword"]!));
        Assert.True((bool)sources[1]!["valid"]!);
    }

    [Fact]
    public void A_file_that_is_not_json_is_one_problem_with_its_line_not_a_crash()
    {
        var feed = Path.Combine(_folder, "page.html");
        File.WriteAllText(feed, "<html>\n</html>\n");

        var (exitCode, stdout, _) = Run(feed, "--kind", "organization");

        Assert.Equal(2, exitCode);
        Assert.EndsWith("problem\tpage.html\t$\tjson\tis not well-formed JSON (line 1).\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "nhtrc check-hsds: Give at least one SOURCE or --sources FILE.")]
    [InlineData(new[] { "x.json", "--per-page", "0" }, "nhtrc check-hsds: --per-page: '0' is not a whole number from 1 to 10000.")]
    [InlineData(new[] { "x.json", "--kind", "location" }, "nhtrc check-hsds: Argument 'location' not recognized. Must be one of:")]
    public void Bad_arguments_exit_two_with_a_message(string[] args, string message)
    {
        var (exitCode, stdout, stderr) = Run(args);

        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_url_with_a_query_is_refused_without_echoing_it()
    {
        var (exitCode, stdout, stderr) = Run("http://127.0.0.1:9/hsds/?api_key=" + Secret);

        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Contains("must have no query or fragment", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_two()
    {
        var (exitCode, stdout, stderr) = Run(Path.Combine(_folder, "none.json"));

        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Equal($"nhtrc check-hsds: '{Path.Combine(_folder, "none.json")}' is neither a file, a folder nor an http(s) URL.\n", stderr);
    }

    [Fact]
    public async Task A_protected_api_is_checked_with_the_headers_of_a_sources_file_which_are_never_printed()
    {
        var services = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures, "service_list.json")))!["contents"]!.AsArray().Select(s => s!.ToJsonString()).ToArray();
        var keys = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            keys.Enqueue(context.Request.Headers["X-Api-Key"].ToString());
            if (context.Request.Headers["X-Api-Key"] != Secret)
            {
                context.Response.StatusCode = 401;
                return;
            }

            var path = context.Request.Path.Value!["/hsds".Length..];
            context.Response.ContentType = "application/json";
            if (path == "/")
            {
                await context.Response.WriteAsync("""{ "version": "3.0" }""");
            }
            else if (path == "/services")
            {
                var page = int.Parse(context.Request.Query["page"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
                var slice = services.Skip((page - 1) * 10).Take(10).ToArray();
                await context.Response.WriteAsync($$"""{ "total_items": {{services.Length}}, "total_pages": 3, "page_number": {{page}}, "last_page": {{(page == 3 ? "true" : "false")}}, "contents": [{{string.Join(",", slice)}}] }""");
            }
            else if (path.StartsWith("/services/", StringComparison.Ordinal) && services.FirstOrDefault(s => (string)JsonNode.Parse(s)!["id"]! == Uri.UnescapeDataString(path["/services/".Length..])) is { } record)
            {
                await context.Response.WriteAsync(record);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.StartAsync();
        var address = app.Urls.First().TrimEnd('/') + "/hsds/";
        var sources = Path.Combine(_folder, "sources.json");
        File.WriteAllText(sources, $$"""{ "sources": [{ "key": "partner", "url": "{{address}}", "headers": { "X-Api-Key": "{{Secret}}" } }] }""");

        var (exitCode, stdout, stderr) = Run("--sources", sources, "--per-page", "10", "--max-ids", "3");

        Assert.Equal((0, ""), (exitCode, stderr));
        var authority = new Uri(address).Authority;
        Assert.Equal(
            $"hsds-api:{authority}/hsds: checked 27 service records; 0 problems\n" +
            "  GET /: 1 calls, 0 records\n" +
            "  GET /services: 3 calls, 24 records\n" +
            "  GET /organizations: not offered\n" +
            "  GET /service_at_locations: not offered\n" +
            "  GET /taxonomies: not offered\n" +
            "  GET /taxonomy_terms: not offered\n" +
            "  GET /services/{id}: 3 calls, 3 records\n",
            stdout);
        Assert.All(keys, k => Assert.Equal(Secret, k));
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);

        // Without the key, every endpoint refuses: each refusal is a problem of its endpoint.
        (exitCode, stdout, _) = Run(address, "--max-ids", "0");
        Assert.Equal(2, exitCode);
        Assert.Contains("problem\tGET /\t$\thttp\trefused the credentials (HTTP 401): check the API key or headers.\n", stdout, StringComparison.Ordinal);
        Assert.Contains("problem\tGET /services?page=1&per_page=100\t$\thttp\trefused the credentials (HTTP 401): check the API key or headers.\n", stdout, StringComparison.Ordinal);
    }
}
