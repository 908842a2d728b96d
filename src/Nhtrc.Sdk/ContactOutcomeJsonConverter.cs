using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk;

/// <summary>
/// Makes <c>JsonSerializer.Serialize</c> write a <see cref="ContactOutcome"/> exactly as <see cref="ContactOutcomeJson"/>
/// does, with reflection or in a source-generated context of your own (it is named on the type by
/// <see cref="JsonConverterAttribute"/>; you need not register it). Write-only. Thread-safe.
/// </summary>
public sealed class ContactOutcomeJsonConverter : JsonConverter<ContactOutcome>
{
    /// <summary>Always throws: results are written, not read back.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ContactOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A ContactOutcome is written as JSON but not read back; compute it with ContactPipeline.Process.");

    /// <summary>Writes <paramref name="value"/> as <see cref="ContactOutcomeJson.Write(ContactOutcome, Utf8JsonWriter)"/> does; <paramref name="options"/> do not change the members.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The outcome.</param>
    /// <param name="options">Ignored: the member names and forms are fixed.</param>
    public override void Write(Utf8JsonWriter writer, ContactOutcome value, JsonSerializerOptions options) =>
        ContactOutcomeJson.Format.Write(value, writer);
}
