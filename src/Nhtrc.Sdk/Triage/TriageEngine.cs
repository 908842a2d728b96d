using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Applies a <see cref="TriageRules"/> set to contacts and turns the result into a <see cref="TriageOutcome"/> with a
/// deadline from a <see cref="ResponsePolicy"/> and a queue opening from a business calendar. Immutable and
/// thread-safe; deterministic: the same contact and instant always give an equal outcome.
/// </summary>
public sealed class TriageEngine
{
    private static readonly Lazy<TriageEngine> Default = new(() =>
        new TriageEngine(TriageRules.NhtrcDefault, ResponsePolicy.NhtrcDefault, KnownServiceCalendars.NhtrcBusinessHours));

    // The instants CheckYear accepts without a zone conversion (empty when the calendars share less than two years).
    private readonly Instant uncheckedFrom;
    private readonly Instant uncheckedTo;

    /// <summary>Creates an engine.</summary>
    /// <param name="rules">The rules to apply.</param>
    /// <param name="policy">The policy deadlines are computed with.</param>
    /// <param name="businessCalendar">The hours of the business-hours queue, used for its next opening.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TriageEngine(TriageRules rules, ResponsePolicy policy, ServiceCalendar businessCalendar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(businessCalendar);
        Rules = rules;
        Policy = policy;
        BusinessCalendar = businessCalendar;

        // Instants in the UTC years strictly inside the supported years are inside them in every zone (no offset
        // reaches a day), so CheckYear converts only instants near or past the ends: two zone conversions saved per call.
        var first = Math.Max(policy.BusinessCalendar.FirstSupportedYear, businessCalendar.FirstSupportedYear);
        var last = Math.Min(policy.BusinessCalendar.LastSupportedYear, businessCalendar.LastSupportedYear);
        if (first < last)
        {
            uncheckedFrom = Instant.FromUtc(first + 1, 1, 1, 0, 0);
            uncheckedTo = Instant.FromUtc(last, 1, 1, 0, 0);
        }
    }

    /// <summary>
    /// <see cref="TriageRules.NhtrcDefault"/> with <see cref="ResponsePolicy.NhtrcDefault"/> and
    /// <see cref="KnownServiceCalendars.NhtrcBusinessHours"/>.
    /// </summary>
    public static TriageEngine NhtrcDefault => Default.Value;

    /// <summary>The rules applied.</summary>
    public TriageRules Rules { get; }

    /// <summary>The policy deadlines are computed with.</summary>
    public ResponsePolicy Policy { get; }

    /// <summary>The hours of the business-hours queue.</summary>
    public ServiceCalendar BusinessCalendar { get; }

    /// <summary>
    /// Triages <paramref name="contact"/> at <paramref name="at"/>. Every rule whose condition is met fires, in order,
    /// and their actions combine so that no rule can make a contact less urgent than another made it:
    /// <list type="bullet">
    /// <item>urgency is urgent when any fired rule says urgent, otherwise non-urgent (whether or not a rule says so);</item>
    /// <item>the queue is the 24/7 line for an urgent contact or when a fired rule asks for it, otherwise the
    /// business-hours queue, with its next opening after <paramref name="at"/> unless it is open then;</item>
    /// <item>escalations are those of every fired rule, one per kind and recipient (the first, unless a later one is
    /// made where the first is not); one on consent is made only with a consent of scope
    /// <see cref="ConsentScope.LawEnforcementReport"/> for its recipient valid at <paramref name="at"/>, and
    /// otherwise kept as not made, with the reason;</item>
    /// <item>follow-ups are the caller's own referral needs and technical-assistance kinds, then those the rules
    /// offer, without duplicates;</item>
    /// <item>the deadline is the policy's for the contact's receipt, channel and urgency.</item>
    /// </list>
    /// Consents only decide whether consent-based escalations are made; nothing else depends on them.
    /// </summary>
    /// <param name="contact">The contact.</param>
    /// <param name="at">When triage happens: consents are checked at this instant; not earlier than the receipt.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="at"/> is earlier than <see cref="Contact.ReceivedAt"/>; <see cref="Contact.ReceivedAt"/>
    /// (parameter name <c>contact.ReceivedAt</c>) or <paramref name="at"/> (<c>at</c>) is outside the local years that
    /// both the policy's calendar and the business calendar support (checked first, whatever the urgency); or the
    /// deadline would fall after the last of them.
    /// </exception>
    public TriageOutcome Triage(Contact contact, Instant at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        using var span = NhtrcSpans.Start(NhtrcSpans.Triage);
        TriageOutcome outcome;
        try
        {
            outcome = Apply(contact, at);
        }
        catch (Exception e) when (NhtrcSpans.Fail(span, e))
        {
            throw;
        }

        Record(contact, outcome, span);
        return outcome;
    }

    /// <summary>Returns for example <c>nhtrc-default (16 rules) with nhtrc-default on nhtrc-business-hours (America/New_York)</c>.</summary>
    public override string ToString() => $"{Rules} with {Policy}";

    /// <summary>
    /// The telemetry of one outcome (docs/telemetry.md): the span's tags, the contacts-triaged and escalation counters.
    /// Wire names only, each computed only for a listener.
    /// </summary>
    private static void Record(Contact contact, TriageOutcome outcome, Activity? span)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(NhtrcTags.RequestKind, WireNames.Of(contact.RequestKind));
            span.SetTag(NhtrcTags.Channel, WireNames.Of(contact.Channel));
            span.SetTag(NhtrcTags.Urgency, WireNames.Of(outcome.Urgency));
            span.SetTag(NhtrcTags.Queue, WireNames.Of(outcome.Queue));
            span.SetTag(NhtrcTags.RulesFired, outcome.FiredRules.Length);
            span.SetTag(NhtrcTags.EscalationCount, outcome.Escalations.Length);
        }

        if (NhtrcMetrics.ContactsTriaged.Enabled)
        {
            NhtrcMetrics.ContactTriaged(WireNames.Of(contact.RequestKind), WireNames.Of(contact.Channel), WireNames.Of(outcome.Urgency));
        }

        if (NhtrcMetrics.Escalations.Enabled)
        {
            foreach (var escalation in outcome.Escalations)
            {
                NhtrcMetrics.Escalation(WireNames.Of(escalation.Kind), escalation.IsMade);
            }
        }
    }

    private TriageOutcome Apply(Contact contact, Instant at)
    {
        CheckYear(contact.ReceivedAt, "contact.ReceivedAt", "The contact's receipt");
        if (at < contact.ReceivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "Triage cannot happen before the contact was received.");
        }

        CheckYear(at, nameof(at), "The triage instant");

        var fired = ImmutableArray.CreateBuilder<TriageRule>();
        var urgentRules = ImmutableArray.CreateBuilder<TriageRule>();
        var nonUrgentRules = ImmutableArray.CreateBuilder<TriageRule>();
        var escalations = new List<Escalation>();
        var needs = new List<ReferralNeed>(contact.ReferralNeeds);
        var ta = new List<TechnicalAssistanceKind>(contact.TechnicalAssistance);
        var askedForLine = false;
        foreach (var rule in Rules.Rules)
        {
            if (!rule.When.Test(contact, at))
            {
                continue;
            }

            fired.Add(rule);
            if (rule.Urgency == Urgency.Urgent)
            {
                urgentRules.Add(rule);
            }
            else if (rule.Urgency == Urgency.NonUrgent)
            {
                nonUrgentRules.Add(rule);
            }

            askedForLine |= rule.Queue == TriageQueue.TwentyFourSevenLine;
            foreach (var action in rule.Escalations)
            {
                Add(escalations, Decide(action, rule, contact, at));
            }

            foreach (var need in rule.OfferReferralNeeds)
            {
                if (!needs.Contains(need))
                {
                    needs.Add(need);
                }
            }

            foreach (var kind in rule.OfferTechnicalAssistance)
            {
                if (!ta.Contains(kind))
                {
                    ta.Add(kind);
                }
            }
        }

        var urgency = urgentRules.Count > 0 ? Urgency.Urgent : Urgency.NonUrgent;
        var queue = urgency == Urgency.Urgent || askedForLine ? TriageQueue.TwentyFourSevenLine : TriageQueue.BusinessHours;
        var isOpen = queue == TriageQueue.TwentyFourSevenLine || BusinessCalendar.IsOpen(at);
        var opensAt = isOpen ? null : BusinessCalendar.NextOpening(at);
        var deadline = Policy.ComputeDeadline(contact.ReceivedAt, contact.Channel, urgency);
        return new TriageOutcome(
            contact.Id,
            at,
            Rules.Id,
            urgency,
            urgency == Urgency.Urgent ? urgentRules.ToImmutable() : nonUrgentRules.ToImmutable(),
            fired.ToImmutable(),
            [.. escalations],
            queue,
            isOpen,
            opensAt,
            deadline,
            [.. needs],
            [.. ta],
            CallerZone.Of(contact.Caller.Location));
    }

    /// <summary>
    /// Throws the documented exception, naming <paramref name="paramName"/>, when <paramref name="instant"/> is outside
    /// the local years that the policy's calendar or the business calendar supports; checked first, so that no calendar
    /// or deadline arithmetic sees such an instant and whether it is refused does not depend on the urgency.
    /// </summary>
    private void CheckYear(Instant instant, string paramName, string what)
    {
        if (instant >= uncheckedFrom && instant < uncheckedTo)
        {
            return;
        }

        var first = Math.Max(Policy.BusinessCalendar.FirstSupportedYear, BusinessCalendar.FirstSupportedYear);
        var last = Math.Min(Policy.BusinessCalendar.LastSupportedYear, BusinessCalendar.LastSupportedYear);

        // No offset exceeds a day, so a UTC year more than one outside the range is outside it in every zone; only the
        // others are converted to the calendars' zones (which is safe near them, unlike near Instant.MaxValue).
        var utcYear = instant.InUtc().Year;
        var inRange = utcYear >= first - 1 && utcYear <= last + 1
            && InYears(instant, Policy.BusinessCalendar.Zone, first, last)
            && InYears(instant, BusinessCalendar.Zone, first, last);
        if (!inRange)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                instant,
                $"{what} is in year {utcYear} (UTC); triage supports local years {first} to {last}, the years of the policy's calendar '{Policy.BusinessCalendar.Id}' and the business-hours calendar '{BusinessCalendar.Id}'.");
        }
    }

    private static bool InYears(Instant instant, DateTimeZone zone, int first, int last)
    {
        var year = instant.InZone(zone).Year;
        return year >= first && year <= last;
    }

    private static void Add(List<Escalation> escalations, Escalation escalation)
    {
        for (var i = 0; i < escalations.Count; i++)
        {
            var existing = escalations[i];
            if (existing.Kind == escalation.Kind && existing.Recipient == escalation.Recipient)
            {
                if (!existing.IsMade && escalation.IsMade)
                {
                    escalations[i] = escalation;
                }

                return;
            }
        }

        escalations.Add(escalation);
    }

    private static Escalation Decide(EscalationAction action, TriageRule rule, Contact contact, Instant at)
    {
        var who = $"{TriageText.Describe(action.Kind)} ({action.Recipient}): ";
        switch (action.Basis)
        {
            case EscalationBasis.ImminentHarm:
                return new Escalation(action, rule, ConsentStatus.NotRequired, who + "notify now: imminent harm; no consent is needed to protect life");
            case EscalationBasis.MandatoryReport:
                return new Escalation(action, rule, ConsentStatus.NotRequired, who + "notify: mandatory report, made without consent; legal basis: " + action.LegalBasis);
            case EscalationBasis.HotlinePolicy:
                return new Escalation(action, rule, ConsentStatus.NotRequired, who + "notify: hotline policy (internal alert)");
            default:
                var (status, detail) = CheckConsent(contact, at, action.Recipient);
                return new Escalation(action, rule, status, who + (status == ConsentStatus.Valid ? "notify: " : "not made: ") + detail);
        }
    }

    /// <summary>What the contact's consents to a law-enforcement report for <paramref name="recipient"/> say at <paramref name="at"/>.</summary>
    private static (ConsentStatus Status, string Detail) CheckConsent(Contact contact, Instant at, string recipient)
    {
        var scope = EscalationAction.RequiredScope;
        if (contact.Consents.IsEmpty)
        {
            return (ConsentStatus.None, "no consent was given; a law-enforcement report about an adult needs the person's consent");
        }

        Consent? revoked = null, expired = null, notYet = null;
        var otherRecipients = new List<string>();
        var otherScopes = new List<string>();
        foreach (var consent in contact.Consents)
        {
            if (consent.IsValidAt(at, scope, recipient))
            {
                var expires = consent.ExpiresAt is { } e ? ", expires " + TriageText.Format(e) : string.Empty;
                return (ConsentStatus.Valid, $"consent to a law-enforcement report for {recipient} is valid (granted {TriageText.Format(consent.GrantedAt)}{expires})");
            }

            if (consent.Scope != scope)
            {
                AddOnce(otherScopes, TriageText.Wire(consent.Scope));
            }
            else if (!string.Equals(consent.Recipient, recipient, StringComparison.OrdinalIgnoreCase))
            {
                AddOnce(otherRecipients, consent.Recipient);
            }
            else if (consent.RevokedAt is { } r && r <= at)
            {
                revoked ??= consent;
            }
            else if (consent.ExpiresAt is { } x && x <= at)
            {
                expired ??= consent;
            }
            else
            {
                notYet ??= consent;
            }
        }

        if (revoked is not null)
        {
            return (ConsentStatus.Revoked, $"the consent to a law-enforcement report for {recipient} was revoked at {TriageText.Format(revoked.RevokedAt!.Value)}");
        }

        if (expired is not null)
        {
            return (ConsentStatus.Expired, $"the consent to a law-enforcement report for {recipient} expired at {TriageText.Format(expired.ExpiresAt!.Value)}");
        }

        if (notYet is not null)
        {
            return (ConsentStatus.NotYetGranted, $"the consent to a law-enforcement report for {recipient} is granted only at {TriageText.Format(notYet.GrantedAt)}, after {TriageText.Format(at)}");
        }

        if (otherRecipients.Count > 0)
        {
            return (ConsentStatus.WrongRecipient, $"consent to a law-enforcement report was given only for {string.Join(", ", otherRecipients)}, not {recipient}; consent for one recipient never covers another");
        }

        return (ConsentStatus.WrongScope, $"no consent to a law-enforcement report was given (only to {string.Join(", ", otherScopes)})");
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
