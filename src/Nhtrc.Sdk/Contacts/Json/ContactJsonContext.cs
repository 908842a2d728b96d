using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Contacts.Json;

/// <summary>Source-generated (reflection-free, AOT-safe) metadata for the contact document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ContactDocument))]
internal sealed partial class ContactJsonContext : JsonSerializerContext
{
}
