using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// The JSON of a <see cref="ReferralResult"/> (docs/referrals.md, "Result JSON"): what the <c>nhtrc</c> command line
/// printed for a result, every member always present (null where there is none). It holds only what a
/// <see cref="ReferralMatch"/> holds, so a public result's confidential addresses cannot appear; the query's client
/// profile and place are not written.
/// </summary>
internal sealed class ReferralResultDocument
{
    public required string Audience { get; init; }

    public required string At { get; init; }

    public required int EligibleCount { get; init; }

    public required ResultMatchDocument[] Matches { get; init; }

    public required ResultPlanStepDocument[] Plan { get; init; }

    public required string[] UncoveredNeeds { get; init; }
}

internal sealed class ResultMatchDocument
{
    public required int Rank { get; init; }

    public required double Score { get; init; }

    public required string ServiceId { get; init; }

    public required string ServiceName { get; init; }

    public required string OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public required string OrganizationKind { get; init; }

    public required string? Website { get; init; }

    public required string[] ServiceTypes { get; init; }

    public required string[] CoveredNeeds { get; init; }

    public required string Coverage { get; init; }

    public required double? DistanceKilometers { get; init; }

    public required bool AlwaysOpen { get; init; }

    public required bool OpenAtQueryTime { get; init; }

    public required bool AcceptsWarmTransfers { get; init; }

    public required string Capacity { get; init; }

    public required string LastVerified { get; init; }

    public required string[] Languages { get; init; }

    public required ResultScoreDocument[] Breakdown { get; init; }

    public required string[] Reasons { get; init; }

    public required ResultLocationDocument[] Locations { get; init; }

    public required ResultContactDocument[] Contacts { get; init; }
}

internal sealed class ResultScoreDocument
{
    public required string Factor { get; init; }

    public required double Points { get; init; }

    public required double MaxPoints { get; init; }

    public required string Reason { get; init; }

    public required ResultFactsDocument Facts { get; init; }
}

/// <summary>
/// The factor's facts as data: <c>scored</c> and the members of its factor, each always present (null where there is
/// none), written by <see cref="ResultFactsConverter"/>.
/// </summary>
[JsonConverter(typeof(ResultFactsConverter))]
internal sealed class ResultFactsDocument
{
    public required ScoreComponent Component { get; init; }
}

internal sealed class ResultLocationDocument
{
    public required string? Name { get; init; }

    public required string City { get; init; }

    public required string State { get; init; }

    public required bool Confidential { get; init; }

    public required double? DistanceKilometers { get; init; }

    public required string? Address { get; init; }

    public required string? Zip { get; init; }

    public required double? Latitude { get; init; }

    public required double? Longitude { get; init; }
}

internal sealed class ResultContactDocument
{
    public required string Channel { get; init; }

    public required string Value { get; init; }
}

internal sealed class ResultPlanStepDocument
{
    public required string OrganizationId { get; init; }

    public required string OrganizationName { get; init; }

    public required string[] Needs { get; init; }

    public required string[] ServiceIds { get; init; }
}
