using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for the referral directory document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(DirectoryDocument))]
[JsonSerializable(typeof(OrganizationDocument))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext
{
}
