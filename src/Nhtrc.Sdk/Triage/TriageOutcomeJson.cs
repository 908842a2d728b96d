using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage.Json;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Writes a <see cref="TriageOutcome"/> as JSON (docs/triage.md, "Outcome JSON"): camelCase members, always in the
/// same order and always present (null where there is none), instants as ISO 8601 UTC text, enums by their
/// <see cref="WireNames"/>, rules by id and reason, and the deadline as <see cref="ResponseDeadlineJson"/> writes it.
/// Holds no personal data, as the outcome holds none. Written only: results are not read back. Source-generated
/// System.Text.Json (no reflection; AOT-safe). Thread-safe.
/// </summary>
public static class TriageOutcomeJson
{
    internal static readonly ResultFormat<TriageOutcome, TriageOutcomeDocument> Format =
        new(TriageOutcomeJsonContext.Default.TriageOutcomeDocument, TriageOutcomeDocumentWriter.ToDocument);

    /// <summary>The JSON text of <paramref name="outcome"/>, on one line.</summary>
    /// <param name="outcome">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    public static string Serialize(TriageOutcome outcome) => Format.Serialize(outcome);

    /// <summary>Writes <paramref name="outcome"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="outcome">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(TriageOutcome outcome, Stream utf8Json) => Format.Write(outcome, utf8Json);

    /// <summary>
    /// Writes <paramref name="outcome"/> as one JSON object at the writer's position (a value of an array, or after a
    /// property name), so that it can be part of a bigger document; the writer's own options (indentation, escaping)
    /// apply. The writer is not flushed.
    /// </summary>
    /// <param name="outcome">The value to write.</param>
    /// <param name="writer">The writer written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(TriageOutcome outcome, Utf8JsonWriter writer) => Format.Write(outcome, writer);
}
