using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Resources.Json;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for the resource library document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ResourceLibraryDocument))]
internal sealed partial class ResourceJsonContext : JsonSerializerContext
{
}
