using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk;

/// <summary>
/// Writes a <see cref="ContactOutcome"/> as JSON (docs/triage.md, "Contact outcome JSON"): the contact's id, the instant
/// and the urgency; <c>triage</c>, the triage outcome exactly as <see cref="Triage.TriageOutcomeJson"/> writes it; and
/// <c>referrals</c>: the needs searched and skipped, the client profile and language used, whether a search was made
/// (or why not) and the result exactly as <see cref="Referrals.ReferralResultJson"/> writes it. camelCase members,
/// always in the same order and always present (null where there is none), enums by their <see cref="WireNames"/>.
/// Holds no personal data and, for a <see cref="Referrals.ReferralAudience.Public"/> pipeline, no confidential
/// address. Written only: results are not read back. Source-generated System.Text.Json (no reflection; AOT-safe).
/// Thread-safe.
/// </summary>
public static class ContactOutcomeJson
{
    internal static readonly ResultFormat<ContactOutcome, ContactOutcomeDocument> Format =
        new(ContactOutcomeJsonContext.Default.ContactOutcomeDocument, ContactOutcomeDocumentWriter.ToDocument);

    /// <summary>The JSON text of <paramref name="outcome"/>, on one line.</summary>
    /// <param name="outcome">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    public static string Serialize(ContactOutcome outcome) => Format.Serialize(outcome);

    /// <summary>Writes <paramref name="outcome"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="outcome">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(ContactOutcome outcome, Stream utf8Json) => Format.Write(outcome, utf8Json);

    /// <summary>
    /// Writes <paramref name="outcome"/> as one JSON object at the writer's position (a value of an array, or after a
    /// property name), so that it can be part of a bigger document; the writer's own options (indentation, escaping)
    /// apply. The writer is not flushed.
    /// </summary>
    /// <param name="outcome">The value to write.</param>
    /// <param name="writer">The writer written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(ContactOutcome outcome, Utf8JsonWriter writer) => Format.Write(outcome, writer);
}
