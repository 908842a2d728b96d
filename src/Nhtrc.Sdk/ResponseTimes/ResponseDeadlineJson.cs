using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.ResponseTimes.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Writes a <see cref="ResponseDeadline"/> as JSON (docs/deadlines.md, "Deadline and SLA JSON"): camelCase members,
/// always in the same order and always present, instants as ISO 8601 UTC text (<c>2026-07-06T23:00:00Z</c>), enums by
/// their <see cref="WireNames"/>, the policy and rule by id. Written only: results are not read back. Source-generated
/// System.Text.Json (no reflection; AOT-safe). Thread-safe.
/// </summary>
public static class ResponseDeadlineJson
{
    internal static readonly ResultFormat<ResponseDeadline, ResponseDeadlineDocument> Format =
        new(ResponseTimesResultJsonContext.Default.ResponseDeadlineDocument, ResponseTimesResultWriter.ToDocument);

    /// <summary>The JSON text of <paramref name="deadline"/>, on one line.</summary>
    /// <param name="deadline">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deadline"/> is null.</exception>
    public static string Serialize(ResponseDeadline deadline) => Format.Serialize(deadline);

    /// <summary>Writes <paramref name="deadline"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="deadline">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deadline"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(ResponseDeadline deadline, Stream utf8Json) => Format.Write(deadline, utf8Json);

    /// <summary>
    /// Writes <paramref name="deadline"/> as one JSON object at the writer's position (a value of an array, or after a
    /// property name), so that it can be part of a bigger document; the writer's own options (indentation, escaping)
    /// apply. The writer is not flushed.
    /// </summary>
    /// <param name="deadline">The value to write.</param>
    /// <param name="writer">The writer written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deadline"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(ResponseDeadline deadline, Utf8JsonWriter writer) => Format.Write(deadline, writer);
}
