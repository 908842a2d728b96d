using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Scheduling.Json;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for the service calendar document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    WriteIndented = true)]
[JsonSerializable(typeof(ServiceCalendarDocument))]
internal sealed partial class ServiceCalendarJsonContext : JsonSerializerContext
{
}
