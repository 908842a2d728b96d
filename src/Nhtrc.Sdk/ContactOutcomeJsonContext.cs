using System.Text.Json.Serialization;

namespace Nhtrc.Sdk;

/// <summary>
/// Source-generated (reflection-free, AOT-safe) metadata for the contact outcome: written only, on one line, every
/// member always present (null for none), as the other result contexts.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ContactOutcomeDocument))]
internal sealed partial class ContactOutcomeJsonContext : JsonSerializerContext
{
}
