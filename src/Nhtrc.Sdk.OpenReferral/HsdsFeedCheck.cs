using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Checks an HSDS 3.0 feed against the official schemas, which ship embedded in this package (Hsds/NOTICE.md, CC BY-SA
/// 4.0), and reports every problem with where it is, the rule and a message (docs/open-referral.md, "Checking a feed"):
/// a JSON or NDJSON document, a CSV data package, or a live API (its root, every page of each list endpoint, then
/// <c>/{id}</c> for the ids the lists returned, the way the Open Referral UK validator does). A feed with problems is a
/// result, not an exception: only cancellation, and for a file an unreadable path, throw. Records are checked one at a
/// time, so memory holds one record (a CSV package: one table). The schemas are built once; every method is
/// thread-safe, and the same feed always gives the same result.
/// </summary>
public static class HsdsFeedCheck
{
    /// <summary>
    /// Checks a file: HSDS 3.0 JSON (one compiled service, organization or service_at_location, an array of them, or a
    /// page of them), NDJSON when the name ends in <c>.ndjson</c> or <c>.jsonl</c> (one record a line), or, for a folder,
    /// a CSV data package (each CSV file against its entity schema).
    /// </summary>
    /// <param name="path">The file or folder.</param>
    /// <param name="options">Settings; <see cref="HsdsFeedCheckOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What the check found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<HsdsFeedCheckResult> CheckFileAsync(string path, HsdsFeedCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= HsdsFeedCheckOptions.Default;
        cancellationToken.ThrowIfCancellationRequested();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (Directory.Exists(path))
        {
            return HsdsCsvCheck.Check(path, "hsds:" + name, options, cancellationToken);
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var ndjson = Path.GetExtension(path).ToUpperInvariant() is ".NDJSON" or ".JSONL";
            return await CheckStreamAsync(stream, name, ndjson, options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks an HSDS 3.0 JSON (or, with <paramref name="ndjson"/>, NDJSON) text read from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The text, UTF-8 (a byte order mark is skipped); read to its end, not disposed.</param>
    /// <param name="name">What the problems are located at, such as the file's name.</param>
    /// <param name="ndjson">True for newline-delimited JSON, one record a line.</param>
    /// <param name="options">Settings; <see cref="HsdsFeedCheckOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What the check found; its source is <c>hsds:</c> and <paramref name="name"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<HsdsFeedCheckResult> CheckStreamAsync(Stream utf8Json, string name, bool ndjson = false, HsdsFeedCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentException.ThrowIfNullOrEmpty(name);
        options ??= HsdsFeedCheckOptions.Default;
        var problems = new HsdsFeedProblems("hsds:" + name, options.Limits.MaxProblems);
        await CheckDocumentAsync(utf8Json, name, ndjson, options, problems, cancellationToken).ConfigureAwait(false);
        return problems.Result(name);
    }

    /// <summary>
    /// Checks a live HSDS 3.0 API: <c>GET /</c> (the version object; it must say 3.0), then each list endpoint of the
    /// OpenAPI (<c>/services</c>, which an API must offer; <c>/organizations</c>, <c>/service_at_locations</c>,
    /// <c>/taxonomies</c>, <c>/taxonomy_terms</c>, which answer 404 when not offered) page by page, each page as a
    /// <c>Page</c> whose <c>contents</c> match the list schema openapi.json names, then <c>/{id}</c> for the ids the lists
    /// returned (at most <see cref="HsdsFeedCheckOptions.MaxIds"/> a list), each against the full-record schema. Requests
    /// go one at a time through the named client of <paramref name="factory"/> registered with
    /// <see cref="HsdsApiServiceCollectionExtensions.AddHsdsApiClient"/> (timeouts, retries), with
    /// <see cref="HsdsApiOptions.Headers"/> (never written anywhere), <see cref="HsdsApiOptions.PerPage"/>,
    /// <see cref="HsdsApiOptions.MaxPages"/> and <see cref="HsdsApiOptions.PageTimeout"/>. An HTTP error, a wrong content
    /// type, a truncated or malformed answer, a timeout or a paging loop is a problem of its endpoint; the check goes on
    /// with the next one.
    /// </summary>
    /// <param name="factory">Creates the HTTP client.</param>
    /// <param name="clientName">The name the client was registered with.</param>
    /// <param name="api">The API and how to call it.</param>
    /// <param name="options">Settings; <see cref="HsdsFeedCheckOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What the check found; its source is <c>hsds-api:</c>, the API's host, port and path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factory"/> or <paramref name="api"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="clientName"/> is null or empty.</exception>
    /// <exception cref="Validation.NhtrcValidationException">A setting of <paramref name="api"/> is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<HsdsFeedCheckResult> CheckApiAsync(
        IHttpClientFactory factory, string clientName, HsdsApiOptions api, HsdsFeedCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        ArgumentNullException.ThrowIfNull(api);
        api.Validate();
        var check = new HsdsFeedApiCheck(factory, clientName, api, options ?? HsdsFeedCheckOptions.Default);
        return await check.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks one JSON or NDJSON document, adding its problems and records to <paramref name="problems"/>.</summary>
    /// <returns>What the document's root was (a page, an array, one record), or null when it could not be read.</returns>
    internal static async ValueTask<HsdsFeedDocument.Shape?> CheckDocumentAsync(
        Stream utf8Json, string location, bool ndjson, HsdsFeedCheckOptions options, HsdsFeedProblems problems, CancellationToken cancellationToken,
        HsdsEndpointSchema? endpoint = null, bool list = false, Action<JsonElement>? onRecord = null, Action<JsonElement>? onEnvelope = null, bool count = true)
    {
        HsdsRecordKind? previous = null;
        void Record(JsonElement record, string path)
        {
            if (record.ValueKind == JsonValueKind.Undefined)
            {
                problems.Add(location, path, "json", "is not well-formed JSON.");
                return;
            }

            var kind = options.Kind ?? HsdsRecordCheck.Detect(record, previous);
            previous = kind;
            var schemas = endpoint ?? HsdsSchemas.Default.For(kind);
            if (count)
            {
                problems.Record(schemas.Entity);
            }

            HsdsRecordCheck.Check(record, path, list ? schemas.ListItemUri : schemas.ItemUri, location, options.RequireFormats, problems);
            onRecord?.Invoke(record);
        }

        void Envelope(JsonElement page)
        {
            HsdsRecordCheck.Check(page, "$", HsdsSchemas.PageUri, location, options.RequireFormats, problems);
            onEnvelope?.Invoke(page);
        }

        try
        {
            var (shape, _) = await HsdsFeedDocument.ReadAsync(utf8Json, options.Limits, ndjson, Record, Envelope, cancellationToken).ConfigureAwait(false);
            return shape;
        }
        catch (HsdsFeedStop stop)
        {
            problems.Add(location, stop.Path, stop.Keyword, stop.Message);
            return null;
        }
    }
}
