using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Makes <c>JsonSerializer.Serialize</c> write an <see cref="SlaState"/> exactly as <see cref="SlaStateJson"/> does,
/// with reflection or in a source-generated context of your own (it is named on the type by
/// <see cref="JsonConverterAttribute"/>; you need not register it). Write-only. Thread-safe.
/// </summary>
public sealed class SlaStateJsonConverter : JsonConverter<SlaState>
{
    /// <summary>Always throws: results are written, not read back.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override SlaState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An SlaState is written as JSON but not read back; compute it with SlaClock.Evaluate.");

    /// <summary>Writes <paramref name="value"/> as <see cref="SlaStateJson.Write(SlaState, Utf8JsonWriter)"/> does; <paramref name="options"/> do not change the members.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The state.</param>
    /// <param name="options">Ignored: the member names and forms are fixed.</param>
    public override void Write(Utf8JsonWriter writer, SlaState value, JsonSerializerOptions options) =>
        SlaStateJson.Format.Write(value, writer);
}
