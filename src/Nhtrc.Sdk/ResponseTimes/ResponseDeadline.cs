using System.Text.Json.Serialization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// When a request must be answered: aimed for by <see cref="TargetBy"/>, late after <see cref="DueBy"/>
/// (both inclusive), with the policy rule that applied and a one-line explanation a supervisor can read.
/// Immutable; carries no caller personal data. As JSON: <see cref="ResponseDeadlineJson"/>, which
/// <c>JsonSerializer.Serialize(deadline)</c> also uses (through <see cref="ResponseDeadlineJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(ResponseDeadlineJsonConverter))]
public sealed class ResponseDeadline
{
    private string? explanation;

    internal ResponseDeadline(Instant receivedAt, ContactChannel channel, Urgency urgency, Instant targetBy, Instant dueBy, ResponseRule rule, ResponsePolicy policy)
    {
        ReceivedAt = receivedAt;
        Channel = channel;
        Urgency = urgency;
        TargetBy = targetBy;
        DueBy = dueBy;
        Rule = rule;
        Policy = policy;
    }

    /// <summary>When the request was received.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>The channel it arrived on.</summary>
    public ContactChannel Channel { get; }

    /// <summary>Its urgency.</summary>
    public Urgency Urgency { get; }

    /// <summary>The instant a response is aimed for.</summary>
    public Instant TargetBy { get; }

    /// <summary>The instant after which the response is late.</summary>
    public Instant DueBy { get; }

    /// <summary>The policy rule that applied.</summary>
    public ResponseRule Rule { get; }

    /// <summary>The policy the deadline was computed with.</summary>
    public ResponsePolicy Policy { get; }

    /// <summary>The calendar business targets were measured on.</summary>
    public ServiceCalendar Calendar => Policy.BusinessCalendar;

    /// <summary>
    /// One line for a supervisor, in the calendar's zone, for example
    /// <c>non-urgent email received Thu 2 Jul 18:59 EDT; Fri 3 Jul is Independence Day (observed); target: close of Mon 6 Jul; due: close of Wed 8 Jul</c>.
    /// </summary>
    public string Explanation => explanation ??= DeadlineExplanation.Explain(this);

    /// <summary>Returns <see cref="Explanation"/>.</summary>
    public override string ToString() => Explanation;
}
