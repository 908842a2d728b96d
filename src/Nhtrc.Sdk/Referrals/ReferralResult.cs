using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The answer to a <see cref="ReferralQuery"/>: the best matches in rank order (score descending, then
/// service id ordinal ascending), how many services were eligible, and for several needs a small set of
/// organizations that together cover them. Immutable. As JSON: <see cref="ReferralResultJson"/>, which
/// <c>JsonSerializer.Serialize(result)</c> also uses (through <see cref="ReferralResultJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(ReferralResultJsonConverter))]
public sealed class ReferralResult
{
    internal ReferralResult(ReferralQuery query, ImmutableArray<ReferralMatch> matches, int eligibleCount,
        ImmutableArray<ReferralPlanStep> plan, ImmutableArray<ServiceType> uncoveredNeeds)
    {
        Query = query;
        Matches = matches;
        EligibleCount = eligibleCount;
        Plan = plan;
        UncoveredNeeds = uncoveredNeeds;
    }

    /// <summary>The query answered.</summary>
    public ReferralQuery Query { get; }

    /// <summary>At most <see cref="ReferralQuery.Count"/> matches, best first.</summary>
    public ImmutableArray<ReferralMatch> Matches { get; }

    /// <summary>How many services passed every hard filter (at least <c>Matches.Length</c>).</summary>
    public int EligibleCount { get; }

    /// <summary>
    /// Organizations that together cover the needs, chosen greedily among every eligible service (not only
    /// <see cref="Matches"/>): each step takes the organization adding the most uncovered needs, then the
    /// higher best score, then the smaller id. Not always the smallest possible set.
    /// </summary>
    public ImmutableArray<ReferralPlanStep> Plan { get; }

    /// <summary>Needs no eligible service offers, in the query's order.</summary>
    public ImmutableArray<ServiceType> UncoveredNeeds { get; }

    /// <summary>Returns a readable table: one line per match with its score and reasons, then the plan.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Matches.Length} of {EligibleCount} eligible for {Query}").AppendLine();
        foreach (var match in Matches)
        {
            text.Append(match).AppendLine();
            foreach (var reason in match.Reasons)
            {
                text.Append("     ").Append(reason).AppendLine();
            }
        }

        foreach (var step in Plan)
        {
            text.Append("plan: ").Append(step).AppendLine();
        }

        if (!UncoveredNeeds.IsEmpty)
        {
            text.Append("not covered: ").AppendJoin(", ", UncoveredNeeds.Select(WireNames.Of)).AppendLine();
        }

        return text.ToString();
    }
}
