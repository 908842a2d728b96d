using System.Collections.Immutable;
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

    /// <summary>The searched needs.</summary>
    public ImmutableArray<ServiceType> Needs => Referrals.Needs;

    /// <summary>The needs that are not service types.</summary>
    public ImmutableArray<string> SkippedNeeds => Referrals.SkippedNeeds;

    /// <summary>The matches; null when no search was made.</summary>
    public ReferralResult? Result => Referrals.Result;

    /// <summary>Why no search was made; null when <see cref="Result"/> is set.</summary>
    public string? NotSearched => Referrals.NotSearchedReason;

    /// <summary>Searches <paramref name="directory"/> for the outcome's referral needs at the caller's location.</summary>
    public static TriageReferrals Find(TriageOutcome outcome, Contact contact, ReferralDirectory directory, string directoryName) =>
        new(directoryName, ContactReferrals.Search(outcome, contact, directory, Count, ReferralAudience.Public));

    /// <summary>Writes the readable section that follows the outcome.</summary>
    public void WriteText(TextWriter output)
    {
        output.Write($"Referral matches ({(DirectoryName == "sample" ? "sample directory" : DirectoryName)}; for the public, no confidential addresses):\n");
        foreach (var id in SkippedNeeds)
        {
            output.Write($"  skipped {id}: not a service type\n");
        }

        if (Result is null)
        {
            output.Write($"  none searched: {NotSearched}\n");
            return;
        }

        var query = Result.Query;
        output.Write($"  for {string.Join(", ", query.Needs.Select(WireNames.Of))} at {query.Place}, {WireNames.Of(query.Urgency)}, at {InstantPattern.ExtendedIso.Format(query.At)}\n");
        ReferralTable.Write(Result, output, "  ");
    }

    /// <summary>Writes <c>"referrals": {...}</c>.</summary>
    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject("referrals");
        w.WriteString("directory", DirectoryName);
        ReferralJson.WriteNeeds(w, "needs", Needs);
        w.WriteStartArray("skippedNeeds");
        foreach (var id in SkippedNeeds)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteBoolean("searched", Result is not null);
        if (Result is null)
        {
            w.WriteString("reason", NotSearched);
        }
        else
        {
            ReferralJson.WritePlace(w, "place", Result.Query.Place);
            w.WriteString("urgency", WireNames.Of(Result.Query.Urgency));
            w.WriteString("at", InstantPattern.ExtendedIso.Format(Result.Query.At));
            w.WriteNumber("top", Result.Query.Count);
            w.WriteString("audience", WireNames.Of(Result.Query.Audience));
            ReferralJson.WriteResult(w, Result, atWasGiven: true);
        }

        w.WriteEndObject();
    }
}
