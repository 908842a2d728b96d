using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// What a feed check (<see cref="HsdsFeedCheck"/>) found: the records checked per HSDS entity, for a live API what
/// each endpoint answered, and every problem in the order found (a file's records in order; an API's root, then its
/// lists page by page, then each <c>/{id}</c>). Valid when there is no problem. Immutable.
/// </summary>
public sealed class HsdsFeedCheckResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="source">What was checked: <c>hsds:</c> and the file's name, or <c>hsds-api:</c> and the API's host and path.</param>
    /// <param name="records">The records checked per HSDS entity name (<c>service</c>, <c>organization</c>, <c>phone</c> for phones.csv).</param>
    /// <param name="endpoints">For a live API, each endpoint called, in order; empty for a file.</param>
    /// <param name="problems">Every problem.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException">A collection is null.</exception>
    public HsdsFeedCheckResult(string source, IEnumerable<KeyValuePair<string, int>> records, IEnumerable<HsdsFeedEndpoint> endpoints, IEnumerable<HsdsFeedProblem> problems)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(problems);
        Source = source;
        Records = records.ToImmutableSortedDictionary(StringComparer.Ordinal);
        Endpoints = [.. endpoints];
        Problems = [.. problems];
    }

    /// <summary>What was checked, never with credentials.</summary>
    public string Source { get; }

    /// <summary>The records checked per HSDS entity name, in name order.</summary>
    public ImmutableSortedDictionary<string, int> Records { get; }

    /// <summary>For a live API, each endpoint called, in the order first called; empty for a file.</summary>
    public ImmutableArray<HsdsFeedEndpoint> Endpoints { get; }

    /// <summary>Every problem, in the order found.</summary>
    public ImmutableArray<HsdsFeedProblem> Problems { get; }

    /// <summary>True when there is no problem.</summary>
    public bool IsValid => Problems.IsEmpty;

    /// <summary><c>SOURCE: 20 service; 2 problems</c>.</summary>
    /// <returns>A summary on one line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}: {string.Join(", ", Records.Select(r => $"{r.Value} {r.Key}"))}; {Problems.Length} problems");
}
