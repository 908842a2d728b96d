using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// One check of a live HSDS 3.0 API (<see cref="HsdsFeedCheck.CheckApiAsync"/>): the root, each list endpoint page by
/// page, then <c>/{id}</c> for the ids the lists returned; every answer streamed through <see cref="HsdsFeedDocument"/>
/// and every failure a problem of its endpoint. The paging rules are those of <see cref="HsdsApiDirectorySource"/>
/// (docs/open-referral.md, "Paging"). One request at a time, in a fixed order, so the result is deterministic. Not
/// thread-safe; one per check.
/// </summary>
internal sealed class HsdsFeedApiCheck
{
    private readonly IHttpClientFactory _factory;
    private readonly string _clientName;
    private readonly HsdsApiOptions _api;
    private readonly HsdsFeedCheckOptions _options;
    private readonly string _base;
    private readonly HsdsFeedProblems _problems;

    public HsdsFeedApiCheck(IHttpClientFactory factory, string clientName, HsdsApiOptions api, HsdsFeedCheckOptions options)
    {
        _factory = factory;
        _clientName = clientName;
        _api = api;
        _options = options;
        _base = api.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _problems = new HsdsFeedProblems("hsds-api:" + api.BaseUri.Authority + api.BaseUri.AbsolutePath.TrimEnd('/'), options.Limits.MaxProblems);
    }

    private enum Outcome
    {
        Read,
        NotOffered,
        Failed,
        Unreachable,
    }

    public async Task<HsdsFeedCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (await RootAsync(cancellationToken).ConfigureAwait(false) == Outcome.Unreachable)
        {
            // Every other endpoint would fail the same way, each after its retries.
            return _problems.Result("GET /");
        }

        var lists = new List<(HsdsEndpointSchema Endpoint, List<string> Ids)>();
        foreach (var endpoint in HsdsSchemas.Default.Endpoints)
        {
            lists.Add((endpoint, await ListAsync(endpoint, cancellationToken).ConfigureAwait(false)));
        }

        foreach (var (endpoint, ids) in lists)
        {
            foreach (var id in ids.Take(_options.MaxIds ?? int.MaxValue))
            {
                await ItemAsync(endpoint, id, cancellationToken).ConfigureAwait(false);
            }
        }

        return _problems.Result("GET /");
    }

    /// <summary><c>GET /</c>: the version object, which must say HSDS 3.0.</summary>
    private async Task<Outcome> RootAsync(CancellationToken cancellationToken)
    {
        const string Endpoint = "/";
        var location = "GET " + Endpoint;
        string? version = null;
        var outcome = await GetAsync(Endpoint, optional: false, async (body, token) =>
        {
            var shape = await HsdsFeedCheck.CheckDocumentAsync(
                body, location, ndjson: false, _options, _problems, token, new HsdsEndpointSchema(HsdsRecordKind.Service, "root", "/", true, HsdsSchemas.RootUri, HsdsSchemas.RootUri), count: false,
                onRecord: r => version = r.ValueKind == JsonValueKind.Object && r.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null).ConfigureAwait(false);
            if (shape is HsdsFeedDocument.Shape.Page or HsdsFeedDocument.Shape.Array)
            {
                _problems.Add(location, "$", "type", "must be the API's version object (version, profile, openapi_url), not a list.");
            }
        }, cancellationToken).ConfigureAwait(false);
        _problems.Called(location, 1, 0);
        if (outcome == Outcome.Read && !(version is "3.0" || version?.StartsWith("3.0.", StringComparison.Ordinal) == true))
        {
            _problems.Add(location, "$.version", "hsds-version", version is null ? "is missing: the root must say which HSDS version the API serves (3.0)." : "is not HSDS 3.0: the root must say version 3.0.");
        }

        return outcome;
    }

    /// <summary>Pages through one list endpoint; returns the ids of its records.</summary>
    private async Task<List<string>> ListAsync(HsdsEndpointSchema endpoint, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        var summary = "GET " + endpoint.Path;
        long? totalPages = null;
        long? totalItems = null;
        long items = 0;
        for (var page = 1; ; page++)
        {
            var path = $"{endpoint.Path}?page={Format(page)}&per_page={Format(_api.PerPage)}";
            var location = "GET " + path;
            var pageIds = new List<string>();
            var facts = new PageFacts();
            var outcome = await GetAsync(path, optional: !endpoint.Required && page == 1, async (body, token) =>
            {
                var shape = await HsdsFeedCheck.CheckDocumentAsync(
                    body, location, ndjson: false, _options, _problems, token, endpoint, list: true,
                    onRecord: r => pageIds.Add(r.ValueKind == JsonValueKind.Object && r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : ""),
                    onEnvelope: facts.Read).ConfigureAwait(false);
                if (shape is HsdsFeedDocument.Shape.Array or HsdsFeedDocument.Shape.Record)
                {
                    _problems.Add(location, "$", "type", "must be a Page (total_items, total_pages, page_number, size, first_page, last_page, empty, contents), not " +
                        (shape == HsdsFeedDocument.Shape.Array ? "an array." : "one record."));
                }

                facts.Shape = shape;
            }, cancellationToken).ConfigureAwait(false);
            if (outcome == Outcome.NotOffered)
            {
                _problems.Called(summary, 1, 0, offered: false);
                return ids;
            }

            _problems.Called(summary, 1, pageIds.Count);
            ids.AddRange(pageIds.Where(id => id.Length > 0));
            if (outcome == Outcome.Failed || facts.Shape != HsdsFeedDocument.Shape.Page)
            {
                return ids;
            }

            items += pageIds.Count;
            if (PagingProblem(facts, page, pageIds, sequences, ref totalPages) is { } problem)
            {
                _problems.Add(location, "$", "paging", problem);
                return ids;
            }

            totalItems ??= facts.TotalItems;
            var last = facts.LastPage ?? (totalPages is { } t ? page >= t : pageIds.Count == 0);
            if (totalPages is { } said && (last ? page < said : page >= said))
            {
                _problems.Add(location, "$", "paging", $"is {(last ? "the last page" : "not the last page")} but total_pages says {Format(said)} (inconsistent paging).");
                return ids;
            }

            if (pageIds.Count == 0 && !last)
            {
                _problems.Add(location, "$", "paging", "is empty but not the last page (inconsistent paging).");
                return ids;
            }

            if (last)
            {
                break;
            }

            if (page >= _api.MaxPages)
            {
                _problems.Add(location, "$", "paging", $"is not the last page after MaxPages ({Format(_api.MaxPages)}) pages (a paging loop, or MaxPages is too low).");
                return ids;
            }
        }

        if (totalItems is { } total && total != items)
        {
            _problems.Add(summary, "$.total_items", "paging", $"says {Format(total)} but the pages held {Format(items)} records (the list changed while it was paged, or the paging is broken).");
        }

        return ids;
    }

    private string? PagingProblem(PageFacts facts, int page, List<string> pageIds, Dictionary<string, int> sequences, ref long? totalPages)
    {
        if (facts.PageNumber is { } number && number != page)
        {
            return $"answered page_number {Format(number)} when asked for page {Format(page)} (a paging loop).";
        }

        if (pageIds.Count > 0 && !sequences.TryAdd(string.Join('\n', pageIds), page))
        {
            return $"repeats the records of page {Format(sequences[string.Join('\n', pageIds)])} (a paging loop).";
        }

        if (facts.TotalPages is { } total)
        {
            if (totalPages is { } first && first != total)
            {
                return $"says total_pages {Format(total)} where page 1 said {Format(first)} (the list changed while it was paged, or the paging is broken).";
            }

            if (total > _api.MaxPages)
            {
                return $"says total_pages {Format(total)}, more than MaxPages ({Format(_api.MaxPages)}).";
            }

            totalPages = total;
        }

        return null;
    }

    /// <summary><c>GET {path}/{id}</c>: one full record, which must be the one asked for.</summary>
    private async Task ItemAsync(HsdsEndpointSchema endpoint, string id, CancellationToken cancellationToken)
    {
        var path = endpoint.Path + "/" + Uri.EscapeDataString(id);
        var location = "GET " + path;
        var records = 0;
        await GetAsync(path, optional: false, async (body, token) =>
        {
            var answered = (string?)null;
            var shape = await HsdsFeedCheck.CheckDocumentAsync(
                body, location, ndjson: false, _options, _problems, token, endpoint,
                onRecord: r =>
                {
                    records++;
                    answered = r.ValueKind == JsonValueKind.Object && r.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                }).ConfigureAwait(false);
            if (shape is HsdsFeedDocument.Shape.Page or HsdsFeedDocument.Shape.Array)
            {
                _problems.Add(location, "$", "type", $"must be one {endpoint.Entity} record, not a list.");
            }
            else if (shape == HsdsFeedDocument.Shape.Record && answered is not null && answered != id)
            {
                _problems.Add(location, "$.id", "id", "is not the id asked for: the answer is another record.");
            }
        }, cancellationToken).ConfigureAwait(false);
        _problems.Called("GET " + endpoint.Path + "/{id}", 1, records);
    }

    /// <summary>Requests <paramref name="path"/> and hands its body to <paramref name="read"/>; every failure becomes a problem.</summary>
    private async Task<Outcome> GetAsync(string path, bool optional, Func<Stream, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        var location = "GET " + path;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_api.PageTimeout.ToTimeSpan());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base + path, UriKind.Absolute));
        request.Headers.Accept.ParseAdd("application/json");
        foreach (var (name, value) in _api.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var answered = false;
        try
        {
            var client = _factory.CreateClient(_clientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            answered = true;
            if (optional && response.StatusCode == HttpStatusCode.NotFound)
            {
                return Outcome.NotOffered;
            }

            if (StatusProblem(response) is { } status)
            {
                _problems.Add(location, "$", "http", status);
                return Outcome.Failed;
            }

            if (ContentTypeProblem(response) is { } type)
            {
                _problems.Add(location, "$", "content-type", type);
                return Outcome.Failed;
            }

            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await read(body, timeout.Token).ConfigureAwait(false);
            }

            return Outcome.Read;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            _problems.Add(location, "$", "timeout", $"did not answer within the timeouts (AttemptTimeout {_api.AttemptTimeout}, {Format(_api.MaxRetries)} retries, RequestTimeout {_api.RequestTimeout}).");
        }
        catch (OperationCanceledException)
        {
            _problems.Add(location, "$", "timeout", $"did not send the whole answer within PageTimeout ({_api.PageTimeout}).");
        }
        catch (Polly.ExecutionRejectedException e)
        {
            _problems.Add(location, "$", "http", $"was not called: the resilience handler refused the request ({e.GetType().Name}, too many recent failures or requests).");
        }
        catch (Exception e) when (answered && e is HttpRequestException or IOException)
        {
            _problems.Add(location, "$", "http", $"broke off its answer (truncated: {(e is HttpRequestException h ? h.HttpRequestError : HttpRequestError.ResponseEnded)}).");
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            _problems.Add(location, "$", "http", $"cannot be reached ({e.HttpRequestError}).");
            return Outcome.Unreachable;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            _problems.Add(location, "$", "http", $"closed the connection before answering, after {Format(_api.MaxRetries)} retries ({(e is HttpRequestException h ? h.HttpRequestError : HttpRequestError.Unknown)}).");
        }

        return Outcome.Failed;
    }

    private string? StatusProblem(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and <= 299)
        {
            return null;
        }

        var status = $"HTTP {Format(code)}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"refused the credentials ({status}): check the API key or headers.",
            HttpStatusCode.NotFound => $"does not exist ({status}).",
            _ when code >= 500 || code is 408 or 429 => $"failed with {status} after {Format(_api.MaxRetries)} retries.",
            _ => $"refused the request ({status}).",
        };
    }

    private static string? ContentTypeProblem(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is null || type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var plain = type.Length <= 100 && type.All(static c => char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '-' or '.' or '_');
        return $"answered with content type {(plain ? type : "(unreadable)")}, not application/json (an error page or the wrong URI?).";
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The paging metadata of one page's envelope, when given with the types the Page schema says.</summary>
    private sealed class PageFacts
    {
        public HsdsFeedDocument.Shape? Shape { get; set; }

        public long? PageNumber { get; private set; }

        public long? TotalPages { get; private set; }

        public long? TotalItems { get; private set; }

        public bool? LastPage { get; private set; }

        public void Read(JsonElement envelope)
        {
            PageNumber = Integer(envelope, "page_number");
            TotalPages = Integer(envelope, "total_pages");
            TotalItems = Integer(envelope, "total_items");
            LastPage = envelope.TryGetProperty("last_page", out var last) && last.ValueKind is JsonValueKind.True or JsonValueKind.False ? last.GetBoolean() : null;
        }

        private static long? Integer(JsonElement e, string name) =>
            e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
    }
}
