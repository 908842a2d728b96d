using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Source-generated (reflection-free, AOT-safe) metadata for the referral result: written only, on one line, every
/// member always present (null for none), as the other result contexts.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ReferralResultDocument))]
internal sealed partial class ReferralResultJsonContext : JsonSerializerContext
{
}
