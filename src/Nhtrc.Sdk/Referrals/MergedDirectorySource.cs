using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>One source of a merge: a short key (the prefix of its records' merged ids) and the source. Immutable.</summary>
public sealed record MergeSource
{
    /// <summary>The longest key: 16 characters.</summary>
    public const int MaxKeyLength = 16;

    /// <summary>Creates a merge source.</summary>
    /// <param name="key">1 to 16 lower-case ASCII letters, digits or '-', starting with a letter.</param>
    /// <param name="source">The source.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a valid key.</exception>
    public MergeSource(string key, IReferralDirectorySource source)
    {
        CheckKey(key, nameof(key));
        ArgumentNullException.ThrowIfNull(source);
        Key = key;
        Source = source;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The source.</summary>
    public IReferralDirectorySource Source { get; }

    /// <summary>Whether <paramref name="key"/> is a valid key: 1 to 16 lower-case ASCII letters, digits or '-', starting with a letter.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && char.IsAsciiLetterLower(key[0]) && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    internal static void CheckKey(string key, string parameter)
    {
        ArgumentNullException.ThrowIfNull(key, parameter);
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"A source key must be 1 to {MaxKeyLength} lower-case ASCII letters, digits or '-', starting with a letter.", parameter);
        }
    }
}

/// <summary>
/// A directory source that loads several sources (feeds, our own directory) and merges them with
/// <see cref="DirectoryMerge"/>: stable ids, duplicates recognised and reported, confidentiality kept from any source,
/// and the provenance of every service. A source that fails fails the whole load: nothing is half-merged. Sources are
/// loaded one after another, in priority order. Thread-safe.
/// </summary>
public sealed class MergedDirectorySource : IFileDirectorySource
{
    private readonly ImmutableArray<MergeSource> _sources;
    private readonly Gazetteer? _gazetteer;

    /// <summary>Creates a merged source.</summary>
    /// <param name="sources">The sources, in priority order (a duplicate keeps the earlier source's record); keys are distinct.</param>
    /// <param name="gazetteer">The merged directory's gazetteer; the first source's when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">There is no source, or a key repeats.</exception>
    public MergedDirectorySource(IEnumerable<MergeSource> sources, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        if (_sources.IsEmpty)
        {
            throw new ArgumentException("A merged source needs at least one source.", nameof(sources));
        }

        foreach (var s in _sources)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(sources));
        }

        if (_sources.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() != _sources.Length)
        {
            throw new ArgumentException("Every source of a merge needs its own key.", nameof(sources));
        }

        _gazetteer = gazetteer;
        Name = "merged(" + string.Join(",", _sources.Select(s => s.Key)) + ")";
        Paths = [.. _sources.SelectMany(static s => s.Source is IFileDirectorySource files ? files.Paths : []).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The files and folders of the sources that read files (<see cref="IFileDirectorySource"/>), in source order; empty when none does.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>"merged(" and the sources' keys.</summary>
    public string Name { get; }

    /// <summary>Loads every source and merges them.</summary>
    /// <param name="cancellationToken">Stops loading.</param>
    /// <returns>The merged directory, the report of every source and of the merge, and the provenance.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="Validation.NhtrcValidationException">A source is structurally broken; nothing is imported.</exception>
    public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        var loads = new List<KeyValuePair<string, ReferralDirectoryLoad>>(_sources.Length);
        foreach (var s in _sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loads.Add(new(s.Key, await s.Source.LoadAsync(cancellationToken).ConfigureAwait(false)));
        }

        return DirectoryMerge.Merge(loads, Name, _gazetteer);
    }

    /// <inheritdoc/>
    public override string ToString() => $"MergedDirectorySource {Name}";
}
