using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// A request's SLA events and an instant to read its clock at: received first, then pauses and resumes alternating,
/// perhaps a response last, all in time order, as <see cref="SlaClock"/> requires. Immutable; <see cref="ToString"/>
/// shows the events in the policy calendar's local time.
/// </summary>
public sealed class SlaScenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="policy">The policy the request falls under.</param>
    /// <param name="channel">The request's channel.</param>
    /// <param name="urgency">Its urgency.</param>
    /// <param name="events">Its events, received first.</param>
    /// <param name="at">When to read the clock.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="events"/> is empty or does not start with <see cref="SlaEventKind.Received"/>.</exception>
    public SlaScenario(ResponsePolicy policy, ContactChannel channel, Urgency urgency, IEnumerable<SlaEvent> events, Instant at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToImmutableArray();
        if (list.IsEmpty || list[0].Kind != SlaEventKind.Received)
        {
            throw new ArgumentException("The events must start with the receipt.", nameof(events));
        }

        Policy = policy;
        Channel = channel;
        Urgency = urgency;
        Events = list;
        At = at;
    }

    /// <summary>The policy the request falls under.</summary>
    public ResponsePolicy Policy { get; }

    /// <summary>The request's channel.</summary>
    public ContactChannel Channel { get; }

    /// <summary>The request's urgency.</summary>
    public Urgency Urgency { get; }

    /// <summary>The events, received first.</summary>
    public ImmutableArray<SlaEvent> Events { get; }

    /// <summary>When the request was received: the first event's instant.</summary>
    public Instant ReceivedAt => Events[0].At;

    /// <summary>When to read the clock.</summary>
    public Instant At { get; }

    /// <summary>The request's deadline under <see cref="Policy"/>.</summary>
    /// <exception cref="Scheduling.CalendarRangeException">The receipt is outside the policy calendar's years.</exception>
    public ResponseDeadline ComputeDeadline() => Policy.ComputeDeadline(ReceivedAt, Channel, Urgency);

    /// <summary>The clock's state at <see cref="At"/> (<see cref="SlaClock.Evaluate(ResponseDeadline, IReadOnlyList{SlaEvent}, Instant)"/>).</summary>
    public SlaState Evaluate() => SlaClock.Evaluate(ComputeDeadline(), Events, At);

    /// <summary>Returns the request, its events and the reading instant in local time.</summary>
    public override string ToString()
    {
        var zone = Policy.BusinessCalendar.Zone;
        return $"{LocalText.Request(Channel, Urgency)} under policy '{Policy.Id}'; events: {LocalText.Events(Events, zone)}; read at {LocalText.At(At, zone)}";
    }
}
