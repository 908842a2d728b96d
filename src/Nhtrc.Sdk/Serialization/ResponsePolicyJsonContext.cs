using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Serialization;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for response policies and service calendars.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    WriteIndented = true)]
[JsonSerializable(typeof(ResponsePolicyDocument))]
[JsonSerializable(typeof(ServiceCalendarDocument))]
internal sealed partial class ResponsePolicyJsonContext : JsonSerializerContext
{
}
