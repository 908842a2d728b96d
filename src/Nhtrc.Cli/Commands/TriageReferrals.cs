using System.IO;
using System.Linq;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Text;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// The readable referral section <c>nhtrc triage</c> prints after an outcome: the SDK's referral step
/// (<see cref="ContactOutcome.Referrals"/> of <see cref="ContactPipeline.Process"/>, for the top <see cref="Count"/>,
/// for the public) with where the directory came from.
/// </summary>
internal sealed record TriageReferrals(string DirectoryName, ContactReferrals Referrals)
{
    /// <summary>How many matches triage lists.</summary>
    public const int Count = ContactPipeline.DefaultReferralCount;

    /// <summary>Writes the readable section that follows the outcome.</summary>
    public void WriteText(TextWriter output)
    {
        output.Write($"Referral matches ({(DirectoryName == "sample" ? "sample directory" : DirectoryName)}; for the public, no confidential addresses):\n");
        foreach (var id in Referrals.SkippedNeeds)
        {
            output.Write($"  skipped {id}: not a service type\n");
        }

        if (Referrals.Result is not { } result)
        {
            output.Write($"  none searched: {Referrals.NotSearchedReason}\n");
            return;
        }

        var query = result.Query;
        output.Write($"  for {string.Join(", ", query.Needs.Select(WireNames.Of))} at {query.Place}, {WireNames.Of(query.Urgency)}, at {InstantPattern.ExtendedIso.Format(query.At)}\n");
        ReferralTable.Write(result, output, "  ");
    }
}
