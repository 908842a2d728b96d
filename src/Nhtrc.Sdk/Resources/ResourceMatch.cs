using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// One result of <see cref="ResourceLibrary.Search"/>: the material, its score and why it matched. Immutable.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ResourceMatch
{
    internal ResourceMatch(ResourceMaterial material, double score, ImmutableArray<string> reasons)
    {
        Material = material;
        Score = score;
        Reasons = reasons;
    }

    /// <summary>The material found.</summary>
    public ResourceMaterial Material { get; }

    /// <summary>
    /// The score: the text relevance plus the topic, audience and language boosts (docs/resources.md). Zero or
    /// more; higher ranks first. Comparable only with scores from the same library.
    /// </summary>
    public double Score { get; }

    /// <summary>
    /// Why the material matched, in words a person can read, for example <c>title matches 'labor'</c>,
    /// <c>about labor trafficking</c>, <c>in Spanish</c>; text matches first, in query order. Empty when the
    /// query had no words and no filters.
    /// </summary>
    public ImmutableArray<string> Reasons { get; }

    /// <summary>Returns the material id, score and reasons, for example <c>sample-x 3.21: title matches 'labor'; in Spanish</c>.</summary>
    public override string ToString() =>
        $"{Material.Id} {Score.ToString("0.###", CultureInfo.InvariantCulture)}: {string.Join("; ", Reasons)}";
}
