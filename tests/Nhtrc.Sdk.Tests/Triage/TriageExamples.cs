using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Triage;

/// <summary>Synthetic contacts for triage tests, received at known places in the NHTRC business calendar.</summary>
internal static class TriageExamples
{
    /// <summary>Thursday 2 July 2026 14:00 in New York: the business-hours queue is open.</summary>
    public static readonly Instant ThursdayAfternoon = Instant.FromUtc(2026, 7, 2, 18, 0);

    /// <summary>Thursday 2 July 2026 19:00 in New York: the queue has just closed; Friday 3 July is Independence Day (observed).</summary>
    public static readonly Instant ThursdayClose = Instant.FromUtc(2026, 7, 2, 23, 0);

    /// <summary>Saturday 11 July 2026 12:00 in New York: a weekend.</summary>
    public static readonly Instant Saturday = Instant.FromUtc(2026, 7, 11, 16, 0);

    /// <summary>Monday 6 July 2026 09:00 in New York: the first opening after <see cref="ThursdayClose"/>.</summary>
    public static readonly Instant MondayOpening = Instant.FromUtc(2026, 7, 6, 13, 0);

    /// <summary>Monday 13 July 2026 09:00 in New York: the first opening after <see cref="Saturday"/>.</summary>
    public static readonly Instant NextMondayOpening = Instant.FromUtc(2026, 7, 13, 13, 0);

    public static TriageEngine Engine => TriageEngine.NhtrcDefault;

    public static Contact Contact(
        RequestKind kind = RequestKind.Tip,
        ContactSignals? signals = null,
        ContactChannel channel = ContactChannel.Phone,
        CallerRole role = CallerRole.CommunityMember,
        bool anonymous = false,
        Instant? receivedAt = null,
        IEnumerable<Consent>? consents = null,
        IEnumerable<TechnicalAssistanceKind>? technicalAssistance = null,
        IEnumerable<string>? referralNeeds = null,
        PersonalData? personalData = null) => new(
        "t-0001",
        receivedAt ?? ThursdayAfternoon,
        channel,
        kind,
        new Caller(role, anonymous, LanguageTag.Parse("en"), new CallerLocation(state: "TX"), personalData),
        signals,
        technicalAssistance ?? (kind == RequestKind.TrainingAndTechnicalAssistance ? [TechnicalAssistanceKind.SpeakersAndTrainers] : null),
        referralNeeds?.Select(ReferralNeed.Parse),
        consents);

    public static TriageOutcome TriageAt(Contact contact, Instant? at = null) => Engine.Triage(contact, at ?? contact.ReceivedAt);

    public static string[] Ids(IEnumerable<TriageRule> rules)
    {
        var ids = new List<string>();
        foreach (var rule in rules)
        {
            ids.Add(rule.Id);
        }

        return [.. ids];
    }

    public static Escalation? Find(TriageOutcome outcome, EscalationKind kind)
    {
        foreach (var escalation in outcome.Escalations)
        {
            if (escalation.Kind == kind)
            {
                return escalation;
            }
        }

        return null;
    }
}
