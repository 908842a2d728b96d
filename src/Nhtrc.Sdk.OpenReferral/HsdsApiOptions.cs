using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>How a live HSDS 3.0 API lists its services.</summary>
public enum HsdsApiFormat
{
    /// <summary>Paged JSON lists: <c>/services?page=N&amp;per_page=M&amp;full=true</c>, page after page.</summary>
    Paged,

    /// <summary>One newline-delimited JSON answer with every service: <c>/services?format=ndjson&amp;full=true</c>.</summary>
    NdJson,
}

/// <summary>
/// Settings of a live HSDS 3.0 API source (<see cref="HsdsApiDirectorySource"/>). Immutable. The
/// <see cref="Headers"/> carry credentials: they are sent with every request and never written to a name, a
/// <see cref="ToString"/>, a log or an exception message.
/// </summary>
public sealed record HsdsApiOptions
{
    /// <summary>Creates settings for the API at <paramref name="baseUri"/>.</summary>
    /// <param name="baseUri">The API's root, the URI the <c>/services</c> path is appended to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseUri"/> is null.</exception>
    public HsdsApiOptions(Uri baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        BaseUri = baseUri;
    }

    /// <summary>
    /// The API's root: an absolute http or https URI with no user name, password, query or fragment (put credentials
    /// in <see cref="Headers"/>, which are never logged; a URI is).
    /// </summary>
    public Uri BaseUri { get; init; }

    /// <summary>How the records are mapped; <see cref="HsdsImportOptions.Default"/> by default.</summary>
    public HsdsImportOptions Import { get; init; } = HsdsImportOptions.Default;

    /// <summary>Paged lists (the default) or one NDJSON answer.</summary>
    public HsdsApiFormat Format { get; init; } = HsdsApiFormat.Paged;

    /// <summary>The <c>per_page</c> asked for, from 1 to 10,000; 100 by default. A server may send fewer.</summary>
    public int PerPage { get; init; } = 100;

    /// <summary>
    /// The most pages one load reads, from 1 to 1,000,000; 10,000 by default. A list longer than this (by its
    /// <c>total_pages</c> or by the pages read) fails the load: it guards against a server that pages forever.
    /// </summary>
    public int MaxPages { get; init; } = 10_000;

    /// <summary>
    /// Request headers sent with every request, such as <c>Authorization</c> or an API-key header. Secret: never
    /// logged, never in a name, a <see cref="ToString"/> or an exception message. Empty by default.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Headers { get; init => field = value ?? ImmutableSortedDictionary<string, string>.Empty; } =
        ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>How long one attempt may wait for the answer's headers, from 10 ms to 1 day; 30 s by default.</summary>
    public Duration AttemptTimeout { get; init; } = Duration.FromSeconds(30);

    /// <summary>
    /// How long one request may take with all its attempts and retry delays, more than <see cref="AttemptTimeout"/> and
    /// at most 1 day; 3 minutes by default.
    /// </summary>
    public Duration RequestTimeout { get; init; } = Duration.FromMinutes(3);

    /// <summary>
    /// How long one page (or the NDJSON answer) may take from its request to the last byte of its body, at least
    /// <see cref="RequestTimeout"/>; 10 minutes by default. A body is not retried: a server that stalls in the middle
    /// of one fails the load when this passes.
    /// </summary>
    public Duration PageTimeout { get; init; } = Duration.FromMinutes(10);

    /// <summary>
    /// How many times a request that fails with a transient error (5xx, 408, 429, a broken connection, an attempt
    /// timeout) is retried, from 1 to 100; 3 by default.
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The delay before the first retry (later ones back off exponentially, with jitter), up to 1 day; 2 s by default.</summary>
    public Duration RetryDelay { get; init; } = Duration.FromSeconds(2);

    /// <summary>
    /// Dates the loads for <c>modified_after</c>. When set, a reload asks only for the services modified since the
    /// previous successful load began (less <see cref="ModifiedAfterOverlap"/>) and merges them over it; when null (the
    /// default) every load is a full load.
    /// </summary>
    public IClock? Clock { get; init; }

    /// <summary>
    /// Every how many loads one is a full load (the others use <c>modified_after</c>), from 1 (always full) to
    /// 1,000,000; 24 by default. Only a full load sees deleted services, which <c>modified_after</c> never lists.
    /// </summary>
    public int FullReloadEvery { get; init; } = 24;

    /// <summary>
    /// How far before the previous load's start <c>modified_after</c> reaches, for clocks that differ between us and
    /// the server, from zero to 1 day; 5 minutes by default. Services fetched twice are harmless.
    /// </summary>
    public Duration ModifiedAfterOverlap { get; init; } = Duration.FromMinutes(5);

    /// <summary>The settings, with header names but never their values.</summary>
    /// <returns>A description for logs.</returns>
    public override string ToString() =>
        $"HsdsApiOptions {{ BaseUri = {BaseUri}, Format = {Format}, PerPage = {PerPage.ToString(CultureInfo.InvariantCulture)}, " +
        $"MaxPages = {MaxPages.ToString(CultureInfo.InvariantCulture)}, Headers = [{string.Join(", ", Headers.Keys.Select(static k => k + ": ***"))}], " +
        $"AttemptTimeout = {AttemptTimeout}, RequestTimeout = {RequestTimeout}, PageTimeout = {PageTimeout}, " +
        $"MaxRetries = {MaxRetries.ToString(CultureInfo.InvariantCulture)}, RetryDelay = {RetryDelay}, ModifiedAfter = {(Clock is null ? "off" : "on")}, " +
        $"FullReloadEvery = {FullReloadEvery.ToString(CultureInfo.InvariantCulture)} }}";

    /// <summary>Checks every setting; the messages name the setting, never a header's value.</summary>
    /// <exception cref="NhtrcValidationException">A setting is out of range.</exception>
    internal void Validate()
    {
        var problems = new List<ValidationProblem>();
        void Check(bool ok, string name, string message)
        {
            if (!ok)
            {
                problems.Add(new ValidationProblem(name, message));
            }
        }

        Check(
            BaseUri is { IsAbsoluteUri: true } && (BaseUri.Scheme == Uri.UriSchemeHttp || BaseUri.Scheme == Uri.UriSchemeHttps),
            nameof(BaseUri),
            "must be an absolute http or https URI.");
        if (BaseUri is { IsAbsoluteUri: true })
        {
            Check(BaseUri.UserInfo.Length == 0, nameof(BaseUri), "must not carry a user name or password; put credentials in Headers.");
            Check(BaseUri.Query.Length == 0 && BaseUri.Fragment.Length == 0, nameof(BaseUri), "must have no query or fragment (a URI is logged; put credentials in Headers).");
        }

        Check(Import is not null, nameof(Import), "must not be null.");
        Check(Enum.IsDefined(Format), nameof(Format), "must be Paged or NdJson.");
        Check(PerPage is >= 1 and <= 10_000, nameof(PerPage), "must be from 1 to 10,000.");
        Check(MaxPages is >= 1 and <= 1_000_000, nameof(MaxPages), "must be from 1 to 1,000,000.");
        Check(MaxRetries is >= 1 and <= 100, nameof(MaxRetries), "must be from 1 to 100.");
        Check(FullReloadEvery is >= 1 and <= 1_000_000, nameof(FullReloadEvery), "must be from 1 to 1,000,000.");
        Check(AttemptTimeout >= Duration.FromMilliseconds(10) && AttemptTimeout <= Duration.FromDays(1), nameof(AttemptTimeout), "must be from 10 ms to 1 day.");
        Check(RequestTimeout > AttemptTimeout && RequestTimeout <= Duration.FromDays(1), nameof(RequestTimeout), "must be more than AttemptTimeout and at most 1 day.");
        Check(PageTimeout >= RequestTimeout && PageTimeout <= Duration.FromDays(7), nameof(PageTimeout), "must be at least RequestTimeout and at most 7 days.");
        Check(RetryDelay >= Duration.Zero && RetryDelay <= Duration.FromDays(1), nameof(RetryDelay), "must be from zero to 1 day.");
        Check(ModifiedAfterOverlap >= Duration.Zero && ModifiedAfterOverlap <= Duration.FromDays(1), nameof(ModifiedAfterOverlap), "must be from zero to 1 day.");
        foreach (var (name, value) in Headers)
        {
            using var probe = new System.Net.Http.HttpRequestMessage();
            Check(
                !string.IsNullOrWhiteSpace(name) && probe.Headers.TryAddWithoutValidation(name, "x"),
                $"{nameof(Headers)}[{(IsToken(name) ? name : "?")}]",
                "must be a request header name (not a content header).");
            Check(
                value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0,
                $"{nameof(Headers)}[{(IsToken(name) ? name : "?")}]",
                "must have a value with no line break or NUL (the value is not shown).");
        }

        if (problems.Count > 0)
        {
            throw new NhtrcValidationException("HSDS API options", problems);
        }
    }

    private static bool IsToken(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 100 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
