using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// Reads and writes the JSON contact document described in docs/contacts.md: camelCase properties,
/// camelCase enum names, instants as ISO-8601 UTC text such as <c>2026-07-02T22:59:00Z</c>. Uses
/// source-generated System.Text.Json metadata only (no reflection; AOT-safe). Thread-safe.
/// </summary>
public static class ContactJson
{
    /// <summary>Reads a contact from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid. Every missing, unknown or invalid value is listed with its JSON path (for
    /// example <c>$.caller.location.zip</c>); malformed JSON and values of the wrong JSON type stop reading,
    /// so only the first of those is listed, with its path and line. Messages never contain personal data.
    /// </exception>
    public static Contact Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(() => JsonSerializer.Deserialize(json, ContactJsonContext.Default.ContactDocument));
    }

    /// <summary>Reads a contact from UTF-8 JSON.</summary>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Contact Parse(ReadOnlySpan<byte> utf8Json)
    {
        ContactDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, ContactJsonContext.Default.ContactDocument);
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }

        return ContactDocumentReader.ToContact(document);
    }

    /// <summary>Reads a contact from a stream of UTF-8 JSON, to its end. The stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Contact Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(() => JsonSerializer.Deserialize(utf8Json, ContactJsonContext.Default.ContactDocument));
    }

    /// <summary>Reads a contact from a stream of UTF-8 JSON, to its end, asynchronously. The stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static async Task<Contact> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ContactDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync(utf8Json, ContactJsonContext.Default.ContactDocument, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }

        return ContactDocumentReader.ToContact(document);
    }

    /// <summary>
    /// Writes the full document, personal data included. Treat the result as personal data: never log it;
    /// use <see cref="SerializeRedacted"/> for logs. <c>Parse(Serialize(c))</c> equals <c>c</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static string Serialize(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return JsonSerializer.Serialize(ContactDocumentWriter.ToDocument(contact, redact: false), ContactJsonContext.Default.ContactDocument);
    }

    /// <summary>
    /// Writes the document with every personal-data value (name, phone, email, address, narrative) replaced
    /// by <see cref="Redaction.Placeholder"/>; the rest is as in <see cref="Serialize"/>. Safe for logs. The
    /// result is for reading by people, not for <see cref="Parse(string)"/> (a redacted phone or email is
    /// not valid).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static string SerializeRedacted(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return JsonSerializer.Serialize(ContactDocumentWriter.ToDocument(contact, redact: true), ContactJsonContext.Default.ContactDocument);
    }

    private static Contact Read(Func<ContactDocument?> deserialize) =>
        ContactDocumentReader.ToContact(DocumentFields.Deserialize(ContactDocumentReader.Subject, deserialize));

    // The serializer's own message can quote the offending characters, which may be personal data, so it is
    // replaced by one that gives only the path and position.
    private static NhtrcValidationException Malformed(JsonException e) => DocumentFields.Malformed(ContactDocumentReader.Subject, e);
}
