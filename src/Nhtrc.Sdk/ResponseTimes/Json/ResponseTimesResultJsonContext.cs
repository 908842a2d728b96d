using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.ResponseTimes.Json;

/// <summary>
/// Source-generated (reflection-free, AOT-safe) metadata for the deadline and SLA-state results: written only,
/// on one line, every member always present (null for none).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ResponseDeadlineDocument))]
[JsonSerializable(typeof(SlaStateDocument))]
internal sealed partial class ResponseTimesResultJsonContext : JsonSerializerContext
{
}
