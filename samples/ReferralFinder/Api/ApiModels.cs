using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ReferralFinder.Api;

/// <summary>The body of <c>POST /api/referrals/match</c>: a ZIP code or a point, needs, and an optional profile.</summary>
public sealed class MatchRequest
{
    /// <summary>A 5-digit ZIP code; or give latitude and longitude.</summary>
    public string? Zip { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>Service types by their wire names (<c>emergencyShelter</c>); see <c>GET /api/service-types</c>.</summary>
    public List<string>? Needs { get; init; }

    public int? Age { get; init; }

    /// <summary><c>female</c>, <c>male</c> or <c>nonBinary</c>.</summary>
    public string? Gender { get; init; }

    /// <summary>A BCP 47 language tag (<c>es</c>).</summary>
    public string? Language { get; init; }

    public bool? Urgent { get; init; }

    /// <summary>How many matches, 1 to 50 (default 10).</summary>
    public int? Count { get; init; }
}

/// <summary>The body of <c>POST /api/deadlines</c>.</summary>
public sealed class DeadlineRequest
{
    /// <summary>An ISO 8601 instant: <c>2026-07-02T22:59:00Z</c>.</summary>
    public string? ReceivedAt { get; init; }

    /// <summary><c>phone</c>, <c>text</c>, <c>chat</c>, <c>email</c> or <c>webForm</c>.</summary>
    public string? Channel { get; init; }

    /// <summary><c>urgent</c> or <c>nonUrgent</c>.</summary>
    public string? Urgency { get; init; }
}

/// <summary>A service type of <c>GET /api/service-types</c>: its wire name and its name in the asked language.</summary>
public sealed record ServiceTypeItem(string Id, string Name);

/// <summary>Source-generated JSON for the API's own bodies (the SDK writes its results itself).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MatchRequest))]
[JsonSerializable(typeof(DeadlineRequest))]
[JsonSerializable(typeof(List<ServiceTypeItem>))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
}
