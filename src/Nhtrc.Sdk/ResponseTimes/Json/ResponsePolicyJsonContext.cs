using System.Text.Json.Serialization;
using Nhtrc.Sdk.Scheduling.Json;

namespace Nhtrc.Sdk.ResponseTimes.Json;

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
