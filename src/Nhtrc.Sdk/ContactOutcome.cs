using System.Text;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>
/// Everything the hotline decided about one contact at one instant, from one call to
/// <see cref="ContactPipeline.Process(Contact, Referrals.ReferralDirectory?, Instant)"/>: the <see cref="Triage"/>
/// (urgency and the rules behind it, the queue, the deadline, escalations with their consent, technical assistance)
/// and the <see cref="Referrals"/> for its needs at the caller's place. Immutable; holds no personal data, so
/// <see cref="ToString"/> is safe for logs. Written as JSON by <see cref="ContactOutcomeJson"/> (and so by
/// <c>JsonSerializer.Serialize</c>, through <see cref="ContactOutcomeJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(ContactOutcomeJsonConverter))]
public sealed class ContactOutcome
{
    internal ContactOutcome(TriageOutcome triage, ContactReferrals referrals)
    {
        Triage = triage;
        Referrals = referrals;
    }

    /// <summary>The id of the contact (an opaque id, not personal data).</summary>
    public string ContactId => Triage.ContactId;

    /// <summary>The instant the contact was processed at.</summary>
    public Instant At => Triage.TriagedAt;

    /// <summary>The contact's urgency; <see cref="TriageOutcome.UrgencyRules"/> of <see cref="Triage"/> says why.</summary>
    public Urgency Urgency => Triage.Urgency;

    /// <summary>The response deadline.</summary>
    public ResponseDeadline Deadline => Triage.Deadline;

    /// <summary>What triage decided.</summary>
    public TriageOutcome Triage { get; }

    /// <summary>The referral search for the outcome's needs, or why none was made.</summary>
    public ContactReferrals Referrals { get; }

    /// <summary>The triage report (see <see cref="TriageOutcome.ToString"/>) followed by the referral section.</summary>
    public override string ToString() => new StringBuilder().Append(Triage).Append(Referrals).ToString();
}
