using System.IO;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// The referral matches <c>nhtrc triage</c> lists after an outcome: the SDK's referral step
/// (<see cref="ContactReferrals.Search"/>) for the top <see cref="Count"/>, for the public, with where the
/// directory came from.
/// </summary>
internal sealed record TriageReferrals(string DirectoryName, ContactReferrals Referrals)
{
    /// <summary>How many matches triage lists.</summary>
    public const int Count = ContactPipeline.DefaultReferralCount;

    /// <summary>Searches <paramref name="directory"/> for the outcome's referral needs at the caller's location.</summary>
    public static TriageReferrals Find(TriageOutcome outcome, Contact contact, ReferralDirectory directory, string directoryName) =>
        new(directoryName, ContactReferrals.Search(outcome, contact, directory, Count, ReferralAudience.Public));

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

    /// <summary>Writes <c>"referrals": {...}</c>.</summary>
    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject("referrals");
        w.WriteString("directory", DirectoryName);
        ReferralJson.WriteNeeds(w, "needs", Referrals.Needs);
        w.WriteStartArray("skippedNeeds");
        foreach (var id in Referrals.SkippedNeeds)
        {
            w.WriteStringValue(id.Id);
        }

        w.WriteEndArray();
        w.WriteBoolean("searched", Referrals.IsSearched);
        if (Referrals.Result is not { } result)
        {
            w.WriteString("reason", Referrals.NotSearchedReason);
        }
        else
        {
            ReferralJson.WritePlace(w, "place", result.Query.Place);
            w.WriteString("urgency", WireNames.Of(result.Query.Urgency));
            w.WriteString("at", InstantPattern.ExtendedIso.Format(result.Query.At));
            w.WriteNumber("top", result.Query.Count);
            w.WriteString("audience", WireNames.Of(result.Query.Audience));
            ReferralJson.WriteResult(w, result, atWasGiven: true);
        }

        w.WriteEndObject();
    }
}
