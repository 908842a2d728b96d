using System;
using System.Collections.Generic;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Deadlines and SLA clock readings against the configured policy, reading "now" from the injected
/// <see cref="IClock"/>. Thread-safe; register it once (see <see cref="NhtrcServiceCollectionExtensions"/>).
/// </summary>
public sealed class ResponseTimeService
{
    private readonly IClock clock;

    /// <summary>Creates the service.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ResponseTimeService(ResponsePolicy policy, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        Policy = policy;
        this.clock = clock;
    }

    /// <summary>The policy in use.</summary>
    public ResponsePolicy Policy { get; }

    /// <summary>The deadline of a request received at <paramref name="receivedAt"/>; see <see cref="ResponsePolicy.ComputeDeadline"/>.</summary>
    public ResponseDeadline ComputeDeadline(Instant receivedAt, ContactChannel channel, Urgency urgency) =>
        Policy.ComputeDeadline(receivedAt, channel, urgency);

    /// <summary>The deadline of a request received now.</summary>
    public ResponseDeadline ComputeDeadlineForNow(ContactChannel channel, Urgency urgency) =>
        Policy.ComputeDeadline(clock.GetCurrentInstant(), channel, urgency);

    /// <summary>Reads the clock of a request now; see <see cref="SlaClock.Evaluate(ResponseDeadline, IReadOnlyList{SlaEvent}, Instant)"/>.</summary>
    public SlaState ReadClock(ResponseDeadline deadline, IReadOnlyList<SlaEvent> events) =>
        SlaClock.Evaluate(deadline, events, clock.GetCurrentInstant());
}
