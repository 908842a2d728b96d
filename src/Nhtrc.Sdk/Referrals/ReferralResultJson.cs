using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Writes a <see cref="ReferralResult"/> as JSON (docs/referrals.md, "Result JSON"): the query's audience and instant,
/// the eligible count, the matches best first with their breakdown, reasons, locations and contacts, the plan and the
/// uncovered needs; camelCase members, always in the same order and always present (null where there is none), enums
/// by their <see cref="WireNames"/>. Only what the matches hold is written, so a <see cref="ReferralAudience.Public"/>
/// result never carries a confidential address, ZIP code or point; the query's client profile and place are not
/// written. Written only: results are not read back. Source-generated System.Text.Json (no reflection; AOT-safe).
/// Thread-safe.
/// </summary>
public static class ReferralResultJson
{
    internal static readonly ResultFormat<ReferralResult, ReferralResultDocument> Format =
        new(ReferralResultJsonContext.Default.ReferralResultDocument, ReferralResultDocumentWriter.ToDocument);

    /// <summary>The JSON text of <paramref name="result"/>, on one line.</summary>
    /// <param name="result">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string Serialize(ReferralResult result) => Format.Serialize(result);

    /// <summary>Writes <paramref name="result"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="result">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(ReferralResult result, Stream utf8Json) => Format.Write(result, utf8Json);

    /// <summary>
    /// Writes <paramref name="result"/> as one JSON object at the writer's position (a value of an array, or after a
    /// property name), so that it can be part of a bigger document; the writer's own options (indentation, escaping)
    /// apply. The writer is not flushed.
    /// </summary>
    /// <param name="result">The value to write.</param>
    /// <param name="writer">The writer written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(ReferralResult result, Utf8JsonWriter writer) => Format.Write(result, writer);
}
