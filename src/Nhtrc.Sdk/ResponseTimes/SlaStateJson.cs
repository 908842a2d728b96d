using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.ResponseTimes.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Writes an <see cref="SlaState"/> as JSON (docs/deadlines.md, "Deadline and SLA JSON"): camelCase members, always in
/// the same order and always present (null where the state has no value), instants as ISO 8601 UTC text, durations as
/// ISO 8601 text in hours, minutes and seconds (<c>PT39H</c>, overdue <c>-PT3H</c>), enums by their
/// <see cref="WireNames"/>, and the deadline as <see cref="ResponseDeadlineJson"/> writes it. Written only: results are
/// not read back. Source-generated System.Text.Json (no reflection; AOT-safe). Thread-safe.
/// </summary>
public static class SlaStateJson
{
    internal static readonly ResultFormat<SlaState, SlaStateDocument> Format =
        new(ResponseTimesResultJsonContext.Default.SlaStateDocument, ResponseTimesResultWriter.ToDocument);

    /// <summary>The JSON text of <paramref name="state"/>, on one line.</summary>
    /// <param name="state">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public static string Serialize(SlaState state) => Format.Serialize(state);

    /// <summary>Writes <paramref name="state"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="state">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(SlaState state, Stream utf8Json) => Format.Write(state, utf8Json);

    /// <summary>
    /// Writes <paramref name="state"/> as one JSON object at the writer's position, so that it can be part of a bigger
    /// document; the writer's own options (indentation, escaping) apply. The writer is not flushed.
    /// </summary>
    /// <param name="state">The value to write.</param>
    /// <param name="writer">The writer written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(SlaState state, Utf8JsonWriter writer) => Format.Write(state, writer);
}
