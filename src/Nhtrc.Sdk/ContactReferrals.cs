using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk;

/// <summary>
/// The referral part of a <see cref="ContactOutcome"/>: which of the triage outcome's needs were searched for,
/// which were skipped and why, the client profile and language the search used (filled from what the caller
/// disclosed), and either the <see cref="ReferralResult"/> or the reason no search was made. Immutable; holds no
/// personal data (the profile holds an age and categories only).
/// </summary>
public sealed class ContactReferrals
{
    private ContactReferrals(ImmutableArray<ServiceType> needs, ImmutableArray<ReferralNeed> skippedNeeds, ClientProfile client, LanguageTag language)
    {
        Needs = needs;
        SkippedNeeds = skippedNeeds;
        Client = client;
        Language = language;
    }

    /// <summary>
    /// The service types searched for, in order: the outcome's referral needs that are service types, then its
    /// technical-assistance kinds that are also service types (speakers and trainers, public awareness materials).
    /// </summary>
    public ImmutableArray<ServiceType> Needs { get; }

    /// <summary>The outcome's referral needs that are not service types, so were not searched for, in the outcome's order.</summary>
    public ImmutableArray<ReferralNeed> SkippedNeeds { get; }

    /// <summary>
    /// The profile eligibility was checked with: the trafficking type from the signals, <see cref="ImmigrationStatus.ForeignNational"/>
    /// when the signals say so, and the age or age range when one was disclosed (a range excludes only the services
    /// that no age in it is eligible for).
    /// </summary>
    public ClientProfile Client { get; }

    /// <summary>The caller's preferred language, which ranks services that offer it higher.</summary>
    public LanguageTag Language { get; }

    /// <summary>The matches; null when no search was made (see <see cref="NotSearchedReason"/>).</summary>
    public ReferralResult? Result { get; private init; }

    /// <summary>Why no search was made, as a sentence; null when <see cref="Result"/> is set.</summary>
    public string? NotSearchedReason { get; private init; }

    /// <summary>
    /// Why no search was made, as a stable code for logs (docs/telemetry.md): <c>noReferralNeeds</c>,
    /// <c>noServiceTypeNeeds</c>, <c>noDirectory</c>, <c>noLocation</c> or <c>placeNotInGazetteer</c>; null when searched.
    /// Unlike <see cref="NotSearchedReason"/>, it never quotes the caller's location.
    /// </summary>
    internal string? NotSearchedCode { get; private init; }

    /// <summary>True when a search was made (<see cref="Result"/> is set).</summary>
    public bool IsSearched => Result is not null;

    /// <summary>
    /// Searches <paramref name="directory"/> for what <paramref name="outcome"/> offers referrals for, at the caller's
    /// location, urgent when the outcome is, at the triage instant. No search is made, with the reason, when nothing
    /// searchable is needed, when the caller gave no location, or when the location is not a place of the gazetteer.
    /// </summary>
    /// <param name="outcome">The triage outcome of <paramref name="contact"/>.</param>
    /// <param name="contact">The contact triaged: its location, signals and language fill the query.</param>
    /// <param name="directory">The directory to search, or null to make no search.</param>
    /// <param name="count">How many matches to return, 1 to <see cref="ReferralQuery.MaximumCount"/>.</param>
    /// <param name="audience">Who the results are for; <see cref="ReferralAudience.Public"/> never shows a confidential address.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="outcome"/> or <paramref name="contact"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="outcome"/> is not the outcome of <paramref name="contact"/>.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="count"/> or <paramref name="audience"/> is invalid.</exception>
    public static ContactReferrals Search(TriageOutcome outcome, Contact contact, ReferralDirectory? directory, int count, ReferralAudience audience)
    {
        System.ArgumentNullException.ThrowIfNull(outcome);
        System.ArgumentNullException.ThrowIfNull(contact);
        if (outcome.ContactId != contact.Id)
        {
            throw new System.ArgumentException("The outcome is not the outcome of this contact (the ids differ).", nameof(outcome));
        }

        var needs = ImmutableArray.CreateBuilder<ServiceType>();
        var skipped = ImmutableArray.CreateBuilder<ReferralNeed>();
        foreach (var need in outcome.ReferralNeeds)
        {
            if (need.IsServiceType)
            {
                Add(needs, need.ServiceType.Value);
            }
            else
            {
                skipped.Add(need);
            }
        }

        foreach (var kind in outcome.TechnicalAssistance)
        {
            if (WireNames.TryParse(WireNames.Of(kind), out ServiceType need))
            {
                Add(needs, need);
            }
        }

        var referrals = new ContactReferrals(needs.ToImmutable(), skipped.ToImmutable(), ProfileOf(contact.Signals), contact.Caller.PreferredLanguage);
        if (referrals.Needs.IsEmpty)
        {
            return referrals.SkippedNeeds.IsEmpty
                ? referrals.With(null, "noReferralNeeds", "the outcome offers no referrals.")
                : referrals.With(null, "noServiceTypeNeeds", "none of the referral needs is a service type.");
        }

        if (directory is null)
        {
            return referrals.With(null, "noDirectory", "no directory was given.");
        }

        if (contact.Caller.Location is not { } location)
        {
            return referrals.With(null, "noLocation", "matches need a place, and the caller has no location.");
        }

        ReferralPlace place;
        try
        {
            place = ReferralPlace.From(location);
        }
        catch (NhtrcValidationException e)
        {
            // A contact may hold a ZIP code or county the gazetteer lacks (a territory); the triage still stands.
            return referrals.With(null, "placeNotInGazetteer", "the caller's location is not a place of the gazetteer: " + string.Join(" ", e.Problems.Select(p => p.Message)));
        }

        var result = directory.Match(new ReferralQuery
        {
            Needs = referrals.Needs,
            Place = place,
            Client = referrals.Client,
            Language = referrals.Language,
            Urgency = outcome.Urgency,
            At = outcome.TriagedAt,
            Count = count,
            Audience = audience,
        });
        return referrals.With(result, null, null);
    }

    /// <summary>
    /// A readable section over several lines (<c>\n</c>): what was searched and skipped, then the result's table or
    /// the reason no search was made. Holds no personal data.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Referrals for: ").Append(Needs.IsEmpty ? "none" : string.Join(", ", Needs.Select(WireNames.Of))).Append('\n');
        foreach (var id in SkippedNeeds)
        {
            text.Append("  skipped ").Append(id).Append(": not a service type\n");
        }

        if (Result is null)
        {
            text.Append("  none searched: ").Append(NotSearchedReason).Append('\n');
        }
        else
        {
            text.Append(Result.ToString().Replace("\r\n", "\n", System.StringComparison.Ordinal));
        }

        return text.ToString();
    }

    private ContactReferrals With(ReferralResult? result, string? code, string? reason) =>
        new(Needs, SkippedNeeds, Client, Language) { Result = result, NotSearchedCode = code, NotSearchedReason = reason };

    private static void Add(ImmutableArray<ServiceType>.Builder needs, ServiceType need)
    {
        if (!needs.Contains(need))
        {
            needs.Add(need);
        }
    }

    private static ClientProfile ProfileOf(ContactSignals signals) => new()
    {
        Age = signals.Age,
        TraffickingType = signals.TraffickingType,
        ImmigrationStatus = signals.ForeignNational ? ImmigrationStatus.ForeignNational : null,
    };
}
