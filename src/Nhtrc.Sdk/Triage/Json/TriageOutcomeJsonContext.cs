using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Triage.Json;

/// <summary>
/// Source-generated (reflection-free, AOT-safe) metadata for the triage-outcome result: written only, on one line,
/// every member always present (null for none), as the other result contexts.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TriageOutcomeDocument))]
internal sealed partial class TriageOutcomeJsonContext : JsonSerializerContext
{
}
