using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage.Json;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Reads triage rule sets from JSON (the rule language is in docs/triage.md) with source-generated,
/// reflection-free serialization. Reading validates everything and never returns a half-built rule set. Thread-safe.
/// </summary>
public static class TriageRulesJson
{
    /// <summary>Reads a rule set from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid. Every missing, unknown or invalid value is listed with its JSON path (for example
    /// <c>$.rules[2].when.all[1].signal</c>); malformed JSON and values of the wrong JSON type stop reading, so only
    /// the first of those is listed, with its path and line.
    /// </exception>
    public static TriageRules Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TriageRulesDocumentReader.ToRules(DocumentFields.Deserialize(
            TriageRulesDocumentReader.Subject, () => JsonSerializer.Deserialize(json, TriageRulesJsonContext.Default.TriageRulesDocument)));
    }

    /// <summary>Reads a rule set from a stream of UTF-8 JSON, to its end; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static TriageRules Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return TriageRulesDocumentReader.ToRules(DocumentFields.Deserialize(
            TriageRulesDocumentReader.Subject, () => JsonSerializer.Deserialize(utf8Json, TriageRulesJsonContext.Default.TriageRulesDocument)));
    }
}
