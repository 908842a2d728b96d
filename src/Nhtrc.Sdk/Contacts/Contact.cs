using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// One contact with the hotline: when and how it came in, what it asks for, who made it, the signals the
/// advocate recorded and the consents given. Triage reads it to decide urgency; it carries no urgency of
/// its own. Immutable and thread-safe; equality is by value (collections compared in order).
/// <see cref="ToString"/> never reveals personal data.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class Contact : IEquatable<Contact>
{
    /// <summary>Creates a contact.</summary>
    /// <param name="id">An opaque id, not personal data: 1 to 128 ASCII letters, digits, '.', '_', ':' or '-'.</param>
    /// <param name="receivedAt">When the contact reached the hotline.</param>
    /// <param name="channel">How it reached the hotline.</param>
    /// <param name="requestKind">What it asks for.</param>
    /// <param name="caller">Who made it.</param>
    /// <param name="signals">What the advocate observed; <see cref="ContactSignals.None"/> if null.</param>
    /// <param name="technicalAssistance">
    /// The kinds of TTA requested, without duplicates. Required (at least one) when
    /// <paramref name="requestKind"/> is <see cref="RequestKind.TrainingAndTechnicalAssistance"/>, and
    /// must be empty otherwise.
    /// </param>
    /// <param name="referralNeeds">
    /// What the caller needs referrals for, without duplicates: service types (which convert implicitly), or needs
    /// outside the vocabulary read with <see cref="ReferralNeed.Parse"/>.
    /// </param>
    /// <param name="consents">The consents the caller gave; none is required for service.</param>
    /// <exception cref="ArgumentNullException"><paramref name="caller"/> is null, or a collection contains null.</exception>
    /// <exception cref="NhtrcValidationException">Any value is invalid; every problem is listed.</exception>
    public Contact(
        string id,
        Instant receivedAt,
        ContactChannel channel,
        RequestKind requestKind,
        Caller caller,
        ContactSignals? signals = null,
        IEnumerable<TechnicalAssistanceKind>? technicalAssistance = null,
        IEnumerable<ReferralNeed>? referralNeeds = null,
        IEnumerable<Consent>? consents = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var ta = technicalAssistance?.ToImmutableArray() ?? [];
        var needs = referralNeeds?.ToImmutableArray() ?? [];
        var consentList = consents?.ToImmutableArray() ?? [];
        if (needs.Contains(null!) || consentList.Contains(null!))
        {
            throw new ArgumentNullException(needs.Contains(null!) ? nameof(referralNeeds) : nameof(consents), "The collection contains null.");
        }

        var problems = new ProblemList();
        problems.Check(nameof(id), ContactRules.OpaqueId(id));
        problems.Check(nameof(channel), ContactRules.Defined(channel));
        problems.Check(nameof(requestKind), ContactRules.Defined(requestKind));
        ValidateTechnicalAssistance(problems, requestKind, ta, nameof(technicalAssistance), i => $"{nameof(technicalAssistance)}[{i}]");
        ValidateReferralNeeds(problems, needs, i => $"{nameof(referralNeeds)}[{i}]");
        problems.ThrowIfAny("contact");

        Id = id;
        ReceivedAt = receivedAt;
        Channel = channel;
        RequestKind = requestKind;
        Caller = caller;
        Signals = signals ?? ContactSignals.None;
        TechnicalAssistance = ta;
        ReferralNeeds = needs;
        Consents = consentList;
    }

    /// <summary>The opaque id of the contact.</summary>
    public string Id { get; }

    /// <summary>When the contact reached the hotline.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>How the contact reached the hotline.</summary>
    public ContactChannel Channel { get; }

    /// <summary>What the contact asks for.</summary>
    public RequestKind RequestKind { get; }

    /// <summary>The kinds of TTA requested, in the order given; empty unless <see cref="RequestKind"/> is TTA.</summary>
    public ImmutableArray<TechnicalAssistanceKind> TechnicalAssistance { get; }

    /// <summary>What the caller needs referrals for, in the order given: service types, or ids outside the vocabulary.</summary>
    public ImmutableArray<ReferralNeed> ReferralNeeds { get; }

    /// <summary>Who made the contact.</summary>
    public Caller Caller { get; }

    /// <summary>What the advocate observed.</summary>
    public ContactSignals Signals { get; }

    /// <summary>The consents the caller gave, in the order given; possibly empty.</summary>
    public ImmutableArray<Consent> Consents { get; }

    /// <summary>
    /// True when any of <see cref="Consents"/> is valid (see <see cref="Consent.IsValidAt"/>) for
    /// <paramref name="scope"/> and <paramref name="recipient"/> at <paramref name="at"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    public bool HasConsent(Instant at, ConsentScope scope, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        foreach (var consent in Consents)
        {
            if (consent.IsValidAt(at, scope, recipient))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every member is equal, collections element by element in order.</summary>
    public bool Equals(Contact? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && ReceivedAt == other.ReceivedAt
                && Channel == other.Channel
                && RequestKind == other.RequestKind
                && Caller == other.Caller
                && Signals == other.Signals
                && TechnicalAssistance.SequenceEqual(other.TechnicalAssistance)
                && ReferralNeeds.SequenceEqual(other.ReferralNeeds)
                && Consents.SequenceEqual(other.Consents)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Contact);

    /// <summary>True when both are null or they are equal by <see cref="Equals(Contact?)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(Contact? left, Contact? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(Contact? left, Contact? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, ReceivedAt, Channel, RequestKind, Caller, Signals);

    /// <summary>
    /// Returns id, kind, channel, receipt and caller, for example
    /// <c>Contact c-1 { Crisis via Phone at 2026-07-02T22:59:00Z, Caller { ... } }</c>. Personal data appears
    /// only as <see cref="Redaction.Placeholder"/>.
    /// </summary>
    public override string ToString() =>
        $"Contact {Id} {{ {RequestKind} via {Channel} at {InstantPattern.ExtendedIso.Format(ReceivedAt)}, {Caller} }}";

    internal static void ValidateTechnicalAssistance(
        ProblemList problems, RequestKind requestKind, ImmutableArray<TechnicalAssistanceKind> kinds, string location, Func<int, string> itemLocation)
    {
        if (requestKind == RequestKind.TrainingAndTechnicalAssistance && kinds.IsEmpty)
        {
            problems.Add(location, "must list at least one kind of technical assistance for a TTA request.");
        }
        else if (requestKind != RequestKind.TrainingAndTechnicalAssistance && !kinds.IsEmpty)
        {
            problems.Add(location, "must be empty unless the request kind is trainingAndTechnicalAssistance.");
        }

        var repeats = new Repeats<TechnicalAssistanceKind>(kinds.AsSpan());
        for (var i = 0; i < kinds.Length; i++)
        {
            problems.Check(itemLocation(i), ContactRules.Defined(kinds[i]));
            if (repeats.IsRepeat(i))
            {
                problems.Add(itemLocation(i), "repeats an earlier kind of technical assistance.");
            }
        }
    }

    /// <summary>Checks ids read from a document: each a camelCase identifier, none repeated.</summary>
    internal static void ValidateReferralNeedIds(ProblemList problems, IReadOnlyList<string> ids, Func<int, string> itemLocation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            problems.Check(itemLocation(i), ContactRules.CamelCaseId(ids[i]));
            if (!seen.Add(ids[i]))
            {
                problems.Add(itemLocation(i), "repeats an earlier referral need.");
            }
        }
    }

    /// <summary>Checks needs built in code: none repeated (each is a valid id by construction).</summary>
    internal static void ValidateReferralNeeds(ProblemList problems, ImmutableArray<ReferralNeed> needs, Func<int, string> itemLocation)
    {
        var seen = new HashSet<ReferralNeed>();
        for (var i = 0; i < needs.Length; i++)
        {
            if (!seen.Add(needs[i]))
            {
                problems.Add(itemLocation(i), "repeats an earlier referral need.");
            }
        }
    }
}
