using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Makes <c>JsonSerializer.Serialize</c> write a <see cref="TriageOutcome"/> exactly as <see cref="TriageOutcomeJson"/>
/// does, with reflection or in a source-generated context of your own (it is named on the type by
/// <see cref="JsonConverterAttribute"/>; you need not register it). Write-only. Thread-safe.
/// </summary>
public sealed class TriageOutcomeJsonConverter : JsonConverter<TriageOutcome>
{
    /// <summary>Always throws: results are written, not read back.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override TriageOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A TriageOutcome is written as JSON but not read back; compute it with TriageEngine.Triage.");

    /// <summary>Writes <paramref name="value"/> as <see cref="TriageOutcomeJson.Write(TriageOutcome, Utf8JsonWriter)"/> does; <paramref name="options"/> do not change the members.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The outcome.</param>
    /// <param name="options">Ignored: the member names and forms are fixed.</param>
    public override void Write(Utf8JsonWriter writer, TriageOutcome value, JsonSerializerOptions options) =>
        TriageOutcomeJson.Format.Write(value, writer);
}
