using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>One event in the life of a request's response clock.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
public readonly record struct SlaEvent(SlaEventKind Kind, Instant At);
