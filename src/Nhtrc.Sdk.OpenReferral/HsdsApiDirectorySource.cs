using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// A directory source reading a live HSDS 3.0 API: <c>/services</c> page by page with full detail
/// (<see cref="HsdsApiFormat.Paged"/>) or as one NDJSON answer (<see cref="HsdsApiFormat.NdJson"/>), each body
/// streamed record by record into one import, so a failure on any page fails the whole load and nothing is
/// half-imported. Requests go through the named <see cref="HttpClient"/> of an <see cref="IHttpClientFactory"/>,
/// registered with <see cref="HsdsApiServiceCollectionExtensions.AddHsdsApiClient"/> (timeouts and retries). When
/// <see cref="HsdsApiOptions.Clock"/> is set, reloads ask only for what changed (<c>modified_after</c>) and merge it over
/// the previous load; deletions are seen only by the full load every <see cref="HsdsApiOptions.FullReloadEvery"/>
/// loads. Every failure is an <see cref="NhtrcValidationException"/> naming the endpoint and the problem, never the
/// credentials. Thread-safe; concurrent loads each build a whole snapshot.
/// </summary>
public sealed class HsdsApiDirectorySource : IReferralDirectorySource
{
    private readonly IHttpClientFactory _factory;
    private readonly string _clientName;
    private readonly HsdsApiOptions _options;
    private readonly string _services;
    private State? _state;

    /// <summary>Creates a source for the API of <paramref name="options"/>.</summary>
    /// <param name="factory">Creates the HTTP client.</param>
    /// <param name="clientName">The name the client was registered with (<see cref="HsdsApiServiceCollectionExtensions.AddHsdsApiClient"/>).</param>
    /// <param name="options">The API and how to read it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientName"/> is null or empty.</exception>
    /// <exception cref="NhtrcValidationException">A setting is out of range.</exception>
    public HsdsApiDirectorySource(IHttpClientFactory factory, string clientName, HsdsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _factory = factory;
        _clientName = clientName;
        _options = options;
        _services = options.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/services";
        Name = "hsds-api:" + options.BaseUri.Authority + options.BaseUri.AbsolutePath.TrimEnd('/');
    }

    /// <summary>"hsds-api:", the API's host and port and its path; never its credentials.</summary>
    public string Name { get; }

    /// <summary>
    /// Reads the API: a full load, or with <see cref="HsdsApiOptions.Clock"/> set and a previous load to build on, the
    /// services modified since merged over it (a modified service replaces its previous version, a new one is added).
    /// </summary>
    /// <param name="cancellationToken">Stops the load.</param>
    /// <returns>The directory and the import report.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The API failed (an HTTP error after the retries, refused credentials, a timeout, a wrong content type), or its
    /// answer is not HSDS 3.0, not well-formed, inconsistently paged or past a read limit; nothing is imported.
    /// </exception>
    public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = Volatile.Read(ref _state);
        var started = _options.Clock?.GetCurrentInstant();
        var incremental = state is not null && started is not null && state.LoadsSinceFull + 1 < _options.FullReloadEvery;
        var since = incremental ? state!.Started - _options.ModifiedAfterOverlap : (Instant?)null;
        var load = _options.Format == HsdsApiFormat.NdJson
            ? await LoadNdJsonAsync(since, cancellationToken).ConfigureAwait(false)
            : await LoadPagesAsync(since, cancellationToken).ConfigureAwait(false);
        if (incremental)
        {
            load = HsdsApiMerge.Merge(state!.Load, load, Name, _options.Import.Gazetteer);
        }

        if (started is not null)
        {
            Volatile.Write(ref _state, new State(load, started.Value, incremental ? state!.LoadsSinceFull + 1 : 0));
        }

        return load;
    }

    /// <inheritdoc/>
    public override string ToString() => $"HsdsApiDirectorySource {Name}";

    private async Task<ReferralDirectoryLoad> LoadNdJsonAsync(Instant? since, CancellationToken cancellationToken)
    {
        var import = new HsdsImport(Name, _options.Import);
        var endpoint = "/services?format=ndjson&full=true" + ModifiedAfter(since);
        await ReadAsync(endpoint, import, ndjson: true, null, cancellationToken).ConfigureAwait(false);
        return import.Build();
    }

    private async Task<ReferralDirectoryLoad> LoadPagesAsync(Instant? since, CancellationToken cancellationToken)
    {
        var import = new HsdsImport(Name, _options.Import);
        var pages = new List<List<string?>>();
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        long? totalPages = null;
        long? totalItems = null;
        long items = 0;
        for (var page = 1; ; page++)
        {
            var endpoint = $"/services?page={Format(page)}&per_page={Format(_options.PerPage)}&full=true{ModifiedAfter(since)}";
            var facts = new PageFacts();
            await ReadAsync(endpoint, import, ndjson: false, facts, cancellationToken).ConfigureAwait(false);
            var scan = facts.Scan!;
            pages.Add(scan.Ids);
            items += scan.Ids.Count;
            if (scan.PageNumber is { } number && number != page)
            {
                throw Failed(endpoint, $"answered page_number {Format(number)} when asked for page {Format(page)} (a paging loop).");
            }

            if (scan.Ids.Count > 0 && !sequences.TryAdd(string.Join('\n', scan.Ids), page))
            {
                throw Failed(endpoint, $"repeats the records of page {Format(sequences[string.Join('\n', scan.Ids)])} (a paging loop).");
            }

            if (scan.TotalPages is { } total)
            {
                if (totalPages is { } first && first != total)
                {
                    throw Failed(endpoint, $"says total_pages {Format(total)} where page 1 said {Format(first)} (the list changed while it was paged, or the paging is broken); load again.");
                }

                if (total > _options.MaxPages)
                {
                    throw Failed(endpoint, $"says total_pages {Format(total)}, more than MaxPages ({Format(_options.MaxPages)}).");
                }

                totalPages = total;
            }

            totalItems ??= scan.TotalItems;
            var last = scan.LastPage ?? (totalPages is { } t ? page >= t : scan.Ids.Count == 0);
            if (totalPages is { } pagesSaid && (last ? page < pagesSaid : page >= pagesSaid))
            {
                throw Failed(endpoint, $"is {(last ? "the last page" : "not the last page")} but total_pages says {Format(pagesSaid)} (inconsistent paging).");
            }

            if (scan.Ids.Count == 0 && !last)
            {
                throw Failed(endpoint, "is empty but not the last page (inconsistent paging).");
            }

            if (last)
            {
                break;
            }

            if (page >= _options.MaxPages)
            {
                throw Failed(endpoint, $"is not the last page after MaxPages ({Format(_options.MaxPages)}) pages (a paging loop, or MaxPages is too low).");
            }
        }

        if (totalItems is { } said && said != items)
        {
            throw Failed("/services", $"total_items says {Format(said)} but the pages held {Format(items)} records (the list changed while it was paged); load again.");
        }

        return NamePages(import.Build(), pages);
    }

    /// <summary>Requests one endpoint and streams its body into <paramref name="import"/>.</summary>
    private async Task ReadAsync(string endpoint, HsdsImport import, bool ndjson, PageFacts? facts, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PageTimeout.ToTimeSpan());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_services + endpoint["/services".Length..], UriKind.Absolute));
        request.Headers.Accept.ParseAdd(ndjson ? "application/x-ndjson, application/json;q=0.9" : "application/json");
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var answered = false;
        try
        {
            var client = _factory.CreateClient(_clientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            answered = true;
            CheckStatus(endpoint, response);
            CheckContentType(endpoint, response, ndjson);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var scan = new HsdsApiPageStream(body, _options.Import.Limits.MaxDepth);
                facts?.Scan = scan;
                try
                {
                    await HsdsJsonRecords.ReadAsync(scan, Name, _options.Import, import, ndjson, timeout.Token).ConfigureAwait(false);
                }
                catch (NhtrcValidationException e)
                {
                    throw new NhtrcValidationException(Name, e.Problems.Select(p => new ValidationProblem($"GET {endpoint} {p.Location}", p.Message)));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            throw Failed(endpoint, $"did not answer within the timeouts (AttemptTimeout {_options.AttemptTimeout}, {Format(_options.MaxRetries)} retries, RequestTimeout {_options.RequestTimeout}).");
        }
        catch (OperationCanceledException)
        {
            throw Failed(endpoint, $"did not send the whole answer within PageTimeout ({_options.PageTimeout}).");
        }
        catch (Polly.ExecutionRejectedException e)
        {
            throw Failed(endpoint, $"was not called: the resilience handler refused the request ({e.GetType().Name}, too many recent failures or requests).");
        }
        catch (Exception e) when (answered && e is HttpRequestException or System.IO.IOException)
        {
            throw Failed(endpoint, $"broke off its answer (truncated: {(e is HttpRequestException h ? h.HttpRequestError : HttpRequestError.ResponseEnded)}).");
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            throw Failed(endpoint, $"cannot be reached ({e.HttpRequestError}).");
        }
        catch (Exception e) when (e is HttpRequestException or System.IO.IOException)
        {
            throw Failed(endpoint, $"closed the connection before answering, after {Format(_options.MaxRetries)} retries ({(e is HttpRequestException h ? h.HttpRequestError : HttpRequestError.Unknown)}).");
        }
    }

    private void CheckStatus(string endpoint, HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and <= 299)
        {
            return;
        }

        var status = $"HTTP {Format(code)}";
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Failed(endpoint, $"refused the credentials ({status}): check the API key or headers of the source."),
            HttpStatusCode.NotFound => Failed(endpoint, $"does not exist ({status}): check BaseUri."),
            _ when code >= 500 || code is 408 or 429 => Failed(endpoint, $"failed with {status} after {Format(_options.MaxRetries)} retries."),
            _ => Failed(endpoint, $"refused the request ({status})."),
        };
    }

    private void CheckContentType(string endpoint, HttpResponseMessage response, bool ndjson)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if (type is null)
        {
            return;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var lines = type.ToUpperInvariant() is "APPLICATION/X-NDJSON" or "APPLICATION/NDJSON" or "APPLICATION/JSONL" or "APPLICATION/X-JSONLINES" or "APPLICATION/JSON-SEQ";
        if (!(json || (ndjson && lines)))
        {
            var wanted = ndjson ? "application/x-ndjson or application/json" : "application/json";
            throw Failed(endpoint, $"answered with content type {(IsPlainMediaType(type) ? type : "(unreadable)")}, not {wanted} (an error page or the wrong URI?).");
        }
    }

    private static bool IsPlainMediaType(string type) =>
        type.Length <= 100 && type.All(static c => char.IsAsciiLetterOrDigit(c) || c is '/' or '+' or '-' or '.' or '_');

    /// <summary>Puts the page into the path of every issue of a record of <c>contents</c>: <c>page 3 $.contents[2].phones[0]</c>.</summary>
    private static ReferralDirectoryLoad NamePages(ReferralDirectoryLoad load, List<List<string?>> pages)
    {
        if (load.Report.Issues.IsEmpty)
        {
            return load;
        }

        const string Prefix = "$.contents[";
        var issues = load.Report.Issues.Select(issue =>
        {
            if (!issue.Path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return issue;
            }

            var close = issue.Path.IndexOf(']', Prefix.Length);
            if (close < 0 || !int.TryParse(issue.Path.AsSpan(Prefix.Length, close - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return issue;
            }

            var candidates = Enumerable.Range(0, pages.Count).Where(p => index < pages[p].Count).ToList();
            var byId = candidates.Where(p => pages[p][index] == issue.RecordId).ToList();
            var page = byId.Count == 1 ? byId[0] : candidates.Count == 1 ? candidates[0] : -1;
            return page < 0
                ? issue
                : new DirectoryImportIssue(issue.Severity, issue.Source, issue.RecordId, $"page {Format(page + 1)} {issue.Path}", issue.Message);
        });
        return new ReferralDirectoryLoad(load.Directory, new DirectoryImportReport(load.Report.Source, load.Report.Counts, issues));
    }

    private NhtrcValidationException Failed(string endpoint, string message) =>
        new(Name, [new ValidationProblem("GET " + endpoint, message)]);

    private static string ModifiedAfter(Instant? since) =>
        since is { } instant ? "&modified_after=" + Uri.EscapeDataString(InstantPattern.General.Format(instant)) : "";

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class PageFacts
    {
        public HsdsApiPageStream? Scan { get; set; }
    }

    private sealed record State(ReferralDirectoryLoad Load, Instant Started, int LoadsSinceFull);
}
