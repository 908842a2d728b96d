using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Triage.Json;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for triage rule sets.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(TriageRulesDocument))]
internal sealed partial class TriageRulesJsonContext : JsonSerializerContext
{
}
