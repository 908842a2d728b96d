using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// What one load of a directory source imported: counts per entity (for example <c>organizations</c>,
/// <c>services</c>) and every issue met. Immutable.
/// </summary>
public sealed class DirectoryImportReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="source">The name of the source.</param>
    /// <param name="counts">How many records of each entity were imported, by entity name.</param>
    /// <param name="issues">Every issue met, in the order met.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="counts"/> or <paramref name="issues"/> is null, or an issue is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public DirectoryImportReport(string source, IEnumerable<KeyValuePair<string, int>> counts, IEnumerable<DirectoryImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(issues);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (entity, count) in counts)
        {
            ArgumentNullException.ThrowIfNull(entity, nameof(counts));
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(counts));
            builder[entity] = count;
        }

        var list = issues.ToImmutableArray();
        foreach (var issue in list)
        {
            ArgumentNullException.ThrowIfNull(issue, nameof(issues));
        }

        Source = source;
        Counts = builder.ToImmutable();
        Issues = list;
    }

    /// <summary>A report counting the organizations and services of <paramref name="directory"/>, with <paramref name="issues"/>.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="directory">The directory loaded.</param>
    /// <param name="issues">The warnings and errors met while loading it.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DirectoryImportReport ForDirectory(string source, ReferralDirectory directory, IEnumerable<DirectoryImportIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new DirectoryImportReport(
            source,
            [new("organizations", directory.Organizations.Length), new("services", directory.ServiceCount)],
            issues);
    }

    /// <summary>The name of the source.</summary>
    public string Source { get; }

    /// <summary>How many records of each entity were imported, by entity name in ordinal order.</summary>
    public ImmutableSortedDictionary<string, int> Counts { get; }

    /// <summary>Every issue met, in the order met.</summary>
    public ImmutableArray<DirectoryImportIssue> Issues { get; }

    /// <summary>Whether any issue is an <see cref="DirectoryImportSeverity.Error"/> (a record was left out).</summary>
    public bool HasErrors => Issues.Any(static i => i.Severity == DirectoryImportSeverity.Error);

    /// <summary>The count of an entity, 0 when none was counted.</summary>
    /// <param name="entity">The entity name.</param>
    /// <returns>The count.</returns>
    public int CountOf(string entity) => Counts.TryGetValue(entity, out var count) ? count : 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"DirectoryImportReport {Source}: {string.Join(", ", Counts.Select(static c => $"{c.Key} {c.Value}"))}; {Issues.Length} issues";
}
