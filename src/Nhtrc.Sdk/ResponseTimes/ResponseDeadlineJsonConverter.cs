using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Makes <c>JsonSerializer.Serialize</c> write a <see cref="ResponseDeadline"/> exactly as
/// <see cref="ResponseDeadlineJson"/> does, with reflection or in a source-generated context of your own (it is named
/// on the type by <see cref="JsonConverterAttribute"/>; you need not register it). Write-only. Thread-safe.
/// </summary>
public sealed class ResponseDeadlineJsonConverter : JsonConverter<ResponseDeadline>
{
    /// <summary>Always throws: results are written, not read back.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ResponseDeadline Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A ResponseDeadline is written as JSON but not read back; compute it with ResponsePolicy.ComputeDeadline.");

    /// <summary>Writes <paramref name="value"/> as <see cref="ResponseDeadlineJson.Write(ResponseDeadline, Utf8JsonWriter)"/> does; <paramref name="options"/> do not change the members.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The deadline.</param>
    /// <param name="options">Ignored: the member names and forms are fixed.</param>
    public override void Write(Utf8JsonWriter writer, ResponseDeadline value, JsonSerializerOptions options) =>
        ResponseDeadlineJson.Format.Write(value, writer);
}
