using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Everything triage decided about one contact at one instant: the urgency and the rules that made it so, the
/// escalations with their basis, the queue and when it next opens, the response deadline from the policy, and the
/// referral needs and technical assistance to offer. Immutable; holds no personal data, so <see cref="ToString"/>
/// is safe for logs. Equality is by value (rules by id, the deadline by its instants, rule and policy). As JSON:
/// <see cref="TriageOutcomeJson"/>, which <c>JsonSerializer.Serialize(outcome)</c> also uses (through
/// <see cref="TriageOutcomeJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(TriageOutcomeJsonConverter))]
public sealed class TriageOutcome : IEquatable<TriageOutcome>
{
    internal TriageOutcome(
        string contactId,
        Instant triagedAt,
        string ruleSetId,
        Urgency urgency,
        ImmutableArray<TriageRule> urgencyRules,
        ImmutableArray<TriageRule> firedRules,
        ImmutableArray<Escalation> escalations,
        TriageQueue queue,
        bool isQueueOpen,
        Instant? queueOpensAt,
        ResponseDeadline deadline,
        ImmutableArray<ReferralNeed> referralNeeds,
        ImmutableArray<TechnicalAssistanceKind> technicalAssistance,
        DateTimeZone? callerTimeZone)
    {
        ContactId = contactId;
        TriagedAt = triagedAt;
        RuleSetId = ruleSetId;
        Urgency = urgency;
        UrgencyRules = urgencyRules;
        FiredRules = firedRules;
        Escalations = escalations;
        Queue = queue;
        IsQueueOpen = isQueueOpen;
        QueueOpensAt = queueOpensAt;
        Deadline = deadline;
        ReferralNeeds = referralNeeds;
        TechnicalAssistance = technicalAssistance;
        CallerTimeZone = callerTimeZone;
    }

    /// <summary>The id of the contact triaged (an opaque id, not personal data).</summary>
    public string ContactId { get; }

    /// <summary>The instant triage was done at: consents are checked and the queue's opening is looked up at it.</summary>
    public Instant TriagedAt { get; }

    /// <summary>The id of the rule set applied.</summary>
    public string RuleSetId { get; }

    /// <summary>The contact's urgency: urgent if any fired rule says so, otherwise non-urgent.</summary>
    public Urgency Urgency { get; }

    /// <summary>The fired rules that set the decided <see cref="Urgency"/>, in rule order; empty when the contact is non-urgent and no rule said so.</summary>
    public ImmutableArray<TriageRule> UrgencyRules { get; }

    /// <summary>Every rule that fired, in rule order.</summary>
    public ImmutableArray<TriageRule> FiredRules { get; }

    /// <summary>The escalations, in the order of the rules that asked for them, one per kind and recipient.</summary>
    public ImmutableArray<Escalation> Escalations { get; }

    /// <summary>The queue: the 24/7 line for every urgent contact; otherwise the business-hours queue unless a fired rule asks for the 24/7 line.</summary>
    public TriageQueue Queue { get; }

    /// <summary>True when <see cref="Queue"/> is worked at <see cref="TriagedAt"/> (always for the 24/7 line).</summary>
    public bool IsQueueOpen { get; }

    /// <summary>
    /// When the business-hours queue next opens after <see cref="TriagedAt"/>; null when the queue is open now, and
    /// when the calendar never opens again within its supported years.
    /// </summary>
    public Instant? QueueOpensAt { get; }

    /// <summary>The response deadline from the policy, for the contact's receipt, channel and <see cref="Urgency"/>.</summary>
    public ResponseDeadline Deadline { get; }

    /// <summary>Service types to offer referrals for: those the caller asked for, then those fired rules add, without duplicates.</summary>
    public ImmutableArray<ReferralNeed> ReferralNeeds { get; }

    /// <summary>Kinds of technical assistance to offer: those the caller asked for, then those fired rules add, without duplicates.</summary>
    public ImmutableArray<TechnicalAssistanceKind> TechnicalAssistance { get; }

    /// <summary>
    /// Whether the report adds the caller's local times: when their clock at receipt is two hours or more from the
    /// calendar's (Mountain, Pacific, Alaska, Hawaii and the Pacific territories against Eastern), or shows another date.
    /// </summary>
    private bool ShowsCallerTime([NotNullWhen(true)] out DateTimeZone? zone)
    {
        zone = CallerTimeZone;
        if (zone is null)
        {
            return false;
        }

        var received = Deadline.ReceivedAt;
        var calendarZone = Deadline.Calendar.Zone;
        var apart = Math.Abs((zone.GetUtcOffset(received) - calendarZone.GetUtcOffset(received)).Ticks);
        return apart >= NodaConstants.TicksPerHour * 2 || received.InZone(zone).Date != received.InZone(calendarZone).Date;
    }

    /// <summary>
    /// The caller's time zone as far as their location tells it: the default zone of the state or territory it names
    /// (<see cref="Nhtrc.Sdk.Geography.UsState.DefaultTimeZone"/>), from the location's state code, else its ZIP code, county
    /// or point in the embedded gazetteer; null when the contact has no location or it lies in none. Deadlines stay on the
    /// policy's calendar (the hotline's, Eastern); <see cref="ToString"/> adds the caller's local times where they help:
    /// when the caller's clock at receipt is two hours or more from the calendar's or shows another date, as for a
    /// caller in Guam, a day ahead of the hotline.
    /// </summary>
    public DateTimeZone? CallerTimeZone { get; }

    /// <summary>True when every decision is the same (rules compared by id; deadlines by receipt, target, due, rule id and policy id).</summary>
    public bool Equals(TriageOutcome? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (ContactId == other.ContactId
                && TriagedAt == other.TriagedAt
                && RuleSetId == other.RuleSetId
                && Urgency == other.Urgency
                && UrgencyRules.Select(r => r.Id).SequenceEqual(other.UrgencyRules.Select(r => r.Id), StringComparer.Ordinal)
                && FiredRules.Select(r => r.Id).SequenceEqual(other.FiredRules.Select(r => r.Id), StringComparer.Ordinal)
                && Escalations.Length == other.Escalations.Length
                && Escalations.Zip(other.Escalations).All(p => p.First.Equivalent(p.Second))
                && Queue == other.Queue
                && IsQueueOpen == other.IsQueueOpen
                && QueueOpensAt == other.QueueOpensAt
                && Deadline.ReceivedAt == other.Deadline.ReceivedAt
                && Deadline.TargetBy == other.Deadline.TargetBy
                && Deadline.DueBy == other.Deadline.DueBy
                && Deadline.Rule.Id == other.Deadline.Rule.Id
                && Deadline.Policy.Id == other.Deadline.Policy.Id
                && ReferralNeeds.SequenceEqual(other.ReferralNeeds)
                && TechnicalAssistance.SequenceEqual(other.TechnicalAssistance)
                && CallerTimeZone?.Id == other.CallerTimeZone?.Id));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TriageOutcome);

    /// <summary>True when both are null or they are equal by <see cref="Equals(TriageOutcome?)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(TriageOutcome? left, TriageOutcome? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(TriageOutcome? left, TriageOutcome? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ContactId, TriagedAt, Urgency, Queue, Deadline.TargetBy, Deadline.DueBy, FiredRules.Length);

    /// <summary>
    /// A readable report over several lines (<c>\n</c>): urgency and why, queue, deadline, escalations, follow-ups and
    /// the rules that fired. Holds ids, rule reasons and instants only, never personal data. docs/triage.md has an example.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Contact ").Append(ContactId).Append(" triaged at ").Append(TriageText.Format(TriagedAt))
            .Append(" with rules ").Append(RuleSetId).Append('\n');
        text.Append("Urgency: ").Append(TriageText.Describe(Urgency)).Append('\n');
        if (UrgencyRules.IsEmpty)
        {
            text.Append("  - no rule set an urgency; non-urgent by default\n");
        }

        foreach (var rule in UrgencyRules)
        {
            text.Append("  - ").Append(rule).Append('\n');
        }

        text.Append("Queue: ").Append(TriageText.Describe(Queue));
        if (IsQueueOpen)
        {
            text.Append(" (open now)");
        }
        else if (QueueOpensAt is { } opens)
        {
            text.Append(" (next opens ").Append(TriageText.Format(opens)).Append(')');
        }
        else
        {
            text.Append(" (no further opening in the calendar's supported years)");
        }

        text.Append('\n');
        text.Append("Deadline: ").Append(Deadline.Explanation).Append('\n');
        text.Append("  target by ").Append(TriageText.Format(Deadline.TargetBy)).Append(", due by ").Append(TriageText.Format(Deadline.DueBy))
            .Append(" (policy ").Append(Deadline.Policy.Id).Append(", rule ").Append(Deadline.Rule.Id).Append(")\n");
        if (ShowsCallerTime(out var callerZone))
        {
            text.Append("  caller's local time (").Append(callerZone.Id).Append("): ").Append(DeadlineExplanation.InZone(Deadline, callerZone)).Append('\n');
        }

        text.Append("Escalations:").Append(Escalations.IsEmpty ? " none\n" : "\n");
        foreach (var escalation in Escalations)
        {
            text.Append("  - ").Append(escalation).Append('\n');
        }

        text.Append("Offer referrals for: ").Append(ReferralNeeds.IsEmpty ? "none" : string.Join(", ", ReferralNeeds)).Append('\n');
        text.Append("Offer technical assistance: ")
            .Append(TechnicalAssistance.IsEmpty ? "none" : string.Join(", ", TechnicalAssistance.Select(TriageText.Wire))).Append('\n');
        text.Append("Rules fired: ").Append(FiredRules.IsEmpty ? "none" : string.Join(", ", FiredRules.Select(r => r.Id))).Append('\n');
        return text.ToString();
    }
}
