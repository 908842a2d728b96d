using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Triage;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// The referral matches <c>nhtrc triage</c> lists after an outcome: the outcome's referral needs that are service
/// types, at the caller's location, urgent when the outcome is, at the triage instant, top
/// <see cref="Count"/>, for the public. Either a result, or the reason no search was made.
/// </summary>
internal sealed record TriageReferrals
{
    /// <summary>How many matches triage lists.</summary>
    public const int Count = 5;

    private TriageReferrals(string directoryName, ImmutableArray<ServiceType> needs, ImmutableArray<string> skippedNeeds)
    {
        DirectoryName = directoryName;
        Needs = needs;
        SkippedNeeds = skippedNeeds;
    }

    /// <summary>Where the matches come from: <c>sample</c> or the directory file's path.</summary>
    public string DirectoryName { get; }

    /// <summary>The outcome's referral needs that are service types, in the outcome's order.</summary>
    public ImmutableArray<ServiceType> Needs { get; }

    /// <summary>The outcome's referral needs that are not service types of the directory, so were not searched for.</summary>
    public ImmutableArray<string> SkippedNeeds { get; }

    /// <summary>The matches; null when no search was made (see <see cref="NotSearched"/>).</summary>
    public ReferralResult? Result { get; private init; }

    /// <summary>Why no search was made; null when <see cref="Result"/> is set.</summary>
    public string? NotSearched { get; private init; }

    /// <summary>Searches <paramref name="directory"/> for the outcome's referral needs at the caller's location.</summary>
    public static TriageReferrals Find(TriageOutcome outcome, Contact contact, ReferralDirectory directory, string directoryName)
    {
        var needs = ImmutableArray.CreateBuilder<ServiceType>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        foreach (var id in outcome.ReferralNeeds)
        {
            if (WireNames.TryParse(id, out ServiceType need))
            {
                needs.Add(need);
            }
            else
            {
                skipped.Add(id);
            }
        }

        var referrals = new TriageReferrals(directoryName, needs.ToImmutable(), skipped.ToImmutable());
        if (referrals.Needs.IsEmpty)
        {
            return referrals with
            {
                NotSearched = referrals.SkippedNeeds.IsEmpty ? "the outcome offers no referrals." : "none of the referral needs is a service type of the directory.",
            };
        }

        if (contact.Caller.Location is not { } location)
        {
            return referrals with { NotSearched = "matches need a place, and the caller has no location." };
        }

        ReferralPlace place;
        try
        {
            place = ReferralPlace.From(location);
        }
        catch (NhtrcValidationException e)
        {
            // A contact may hold a ZIP code or county the gazetteer lacks (a territory); the triage still stands.
            return referrals with { NotSearched = "the caller's location is not a place of the directory: " + string.Join(" ", e.Problems.Select(p => p.Message)) };
        }

        var result = directory.Match(new ReferralQuery
        {
            Needs = referrals.Needs,
            Place = place,
            Urgency = outcome.Urgency,
            At = outcome.TriagedAt,
            Count = Count,
            Audience = ReferralAudience.Public,
        });
        return referrals with { Result = result };
    }

    /// <summary>Writes the readable section that follows the outcome.</summary>
    public void WriteText(TextWriter output)
    {
        output.Write($"Referral matches ({(DirectoryName == "sample" ? "sample directory" : DirectoryName)}; for the public, no confidential addresses):\n");
        foreach (var id in SkippedNeeds)
        {
            output.Write($"  skipped {id}: not a service type of the directory\n");
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
