using System;
using NodaTime;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// A contact and the instant it is triaged at (at or after its receipt), for triage properties; made by
/// <see cref="NhtrcGenerators.TriageScenarios"/>. Immutable; <see cref="ToString"/> shows the contact, its signals and
/// consents (never personal data: the SDK's types redact it).
/// </summary>
public sealed record TriageScenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="contact">The contact.</param>
    /// <param name="at">When it is triaged, at or after <see cref="Contact.ReceivedAt"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the receipt.</exception>
    public TriageScenario(Contact contact, Instant at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentOutOfRangeException.ThrowIfLessThan(at, contact.ReceivedAt);
        Contact = contact;
        At = at;
    }

    /// <summary>The contact.</summary>
    public Contact Contact { get; }

    /// <summary>When it is triaged.</summary>
    public Instant At { get; }

    /// <summary>The contact, its signals, its consents and the triage instant.</summary>
    public override string ToString() =>
        $"{Contact}; {Contact.Signals}; consents [{string.Join("; ", Contact.Consents)}]; at {At}";
}
