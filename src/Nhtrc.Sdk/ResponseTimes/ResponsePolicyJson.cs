using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.ResponseTimes.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Reads and writes response policies as JSON (the format is in docs/deadlines.md), with source-generated,
/// reflection-free serialization. Reading validates everything and never returns a half-built policy.
/// </summary>
public static class ResponsePolicyJson
{
    /// <summary>Reads a policy from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid. Every missing, unknown or invalid value is listed with its JSON path (for
    /// example <c>$.rules[1].target.duration</c>), and so is every urgency-channel pair covered twice or not at
    /// all; malformed JSON stops reading, so only that problem is listed, with its line.
    /// </exception>
    public static ResponsePolicy Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ResponsePolicyDocumentReader.ToPolicy(DocumentFields.Deserialize(
            ResponsePolicyDocumentReader.Subject, () => JsonSerializer.Deserialize(json, ResponsePolicyJsonContext.Default.ResponsePolicyDocument)));
    }

    /// <summary>Reads a policy from a stream of UTF-8 JSON, to its end; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ResponsePolicy Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ResponsePolicyDocumentReader.ToPolicy(DocumentFields.Deserialize(
            ResponsePolicyDocumentReader.Subject, () => JsonSerializer.Deserialize(utf8Json, ResponsePolicyJsonContext.Default.ResponsePolicyDocument)));
    }

    /// <summary>Writes <paramref name="policy"/> as indented JSON; a known calendar is written by id, any other inline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The calendar uses a holiday calendar of a custom type, which has no document form.</exception>
    public static string Serialize(ResponsePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return JsonSerializer.Serialize(ResponsePolicyDocumentReader.ToDocument(policy), ResponsePolicyJsonContext.Default.ResponsePolicyDocument);
    }

    /// <summary>Writes <paramref name="policy"/> as indented UTF-8 JSON to <paramref name="utf8Json"/>; the stream is not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">See <see cref="Serialize(ResponsePolicy)"/>.</exception>
    public static void Save(ResponsePolicy policy, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ResponsePolicyDocumentReader.ToDocument(policy), ResponsePolicyJsonContext.Default.ResponsePolicyDocument);
    }
}
