using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Makes <c>JsonSerializer.Serialize</c> write a <see cref="ReferralResult"/> exactly as <see cref="ReferralResultJson"/>
/// does (confidential addresses withheld as there), with reflection or in a source-generated context of your own (it
/// is named on the type by <see cref="JsonConverterAttribute"/>; you need not register it). Write-only. Thread-safe.
/// </summary>
public sealed class ReferralResultJsonConverter : JsonConverter<ReferralResult>
{
    /// <summary>Always throws: results are written, not read back.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override ReferralResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A ReferralResult is written as JSON but not read back; compute it with ReferralDirectory.Match.");

    /// <summary>Writes <paramref name="value"/> as <see cref="ReferralResultJson.Write(ReferralResult, Utf8JsonWriter)"/> does; <paramref name="options"/> do not change the members.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The result.</param>
    /// <param name="options">Ignored: the member names and forms are fixed.</param>
    public override void Write(Utf8JsonWriter writer, ReferralResult value, JsonSerializerOptions options) =>
        ReferralResultJson.Format.Write(value, writer);
}
