using System;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// One row of a <see cref="DeadlineTable"/>: a request (receipt, channel, urgency) and the target and due instants a
/// partner expects a policy to give it, with an optional note saying why. Immutable.
/// </summary>
public sealed class ExpectedDeadline
{
    /// <summary>Creates a row.</summary>
    /// <param name="location">Where the row is in its table, such as <c>line 3</c> or <c>$[2]</c>; shown in failures.</param>
    /// <param name="receivedAt">When the request is received.</param>
    /// <param name="channel">Its channel.</param>
    /// <param name="urgency">Its urgency.</param>
    /// <param name="targetBy">The expected target instant.</param>
    /// <param name="dueBy">The expected due instant.</param>
    /// <param name="note">Why, in the partner's words (such as <c>Cesar Chavez Day</c>); null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> is null or blank.</exception>
    public ExpectedDeadline(string location, Instant receivedAt, ContactChannel channel, Urgency urgency, Instant targetBy, Instant dueBy, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Location = location;
        ReceivedAt = receivedAt;
        Channel = channel;
        Urgency = urgency;
        TargetBy = targetBy;
        DueBy = dueBy;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }

    /// <summary>Where the row is in its table: <c>line 3</c> in CSV (the header is line 1), <c>$[2]</c> in JSON.</summary>
    public string Location { get; }

    /// <summary>When the request is received.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>The request's channel.</summary>
    public ContactChannel Channel { get; }

    /// <summary>The request's urgency.</summary>
    public Urgency Urgency { get; }

    /// <summary>The target the partner expects (inclusive).</summary>
    public Instant TargetBy { get; }

    /// <summary>The due time the partner expects (inclusive).</summary>
    public Instant DueBy { get; }

    /// <summary>The partner's note, or null.</summary>
    public string? Note { get; }

    /// <summary>Returns the location, request and expected instants in UTC, for example <c>line 3: nonUrgent email 2026-07-02T22:59:00Z -> 2026-07-06T23:00:00Z / 2026-07-08T23:00:00Z</c>.</summary>
    public override string ToString() =>
        $"{Location}: {Text.WireNames.Of(Urgency)} {Text.WireNames.Of(Channel)} {ReceivedAt} -> {TargetBy} / {DueBy}";
}
