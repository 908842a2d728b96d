using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Triage.Json;

namespace Nhtrc.Sdk;

/// <summary>
/// The JSON of a <see cref="ContactOutcome"/> (docs/triage.md, "Contact outcome JSON"): the contact's id, instant and
/// urgency, the triage outcome exactly as <see cref="Triage.TriageOutcomeJson"/> writes it and the referral part with
/// the result exactly as <see cref="Referrals.ReferralResultJson"/> writes it; every member always present, null where
/// there is none. It holds no personal data: the profile is an age range and categories.
/// </summary>
internal sealed class ContactOutcomeDocument
{
    public required string ContactId { get; init; }

    public required string At { get; init; }

    public required string Urgency { get; init; }

    public required TriageOutcomeDocument Triage { get; init; }

    public required ContactReferralsDocument Referrals { get; init; }
}

internal sealed class ContactReferralsDocument
{
    public required string[] Needs { get; init; }

    public required string[] SkippedNeeds { get; init; }

    public required ClientProfileDocument Client { get; init; }

    public required string Language { get; init; }

    public required bool Searched { get; init; }

    public required string? NotSearchedReason { get; init; }

    public required ReferralResultDocument? Result { get; init; }
}

internal sealed class ClientProfileDocument
{
    public required AgeRangeDocument? Age { get; init; }

    public required string? Gender { get; init; }

    public required string TraffickingType { get; init; }

    public required string? ImmigrationStatus { get; init; }
}

internal sealed class AgeRangeDocument
{
    public required int Min { get; init; }

    public required int Max { get; init; }
}
