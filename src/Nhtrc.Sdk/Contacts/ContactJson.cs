using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// Reads and writes the JSON contact document of docs/contacts.md: camelCase properties,
/// camelCase enum names, instants as ISO-8601 UTC text such as <c>2026-07-02T22:59:00Z</c>.
/// Every document kind of the SDK has the same verbs: Parse, Load, LoadAsync, LoadFile, LoadFileAsync,
/// Serialize and Write, and what Serialize writes reads back to an equal value. Source-generated
/// System.Text.Json only (no reflection; AOT-safe). Thread-safe.
/// </summary>
#pragma warning disable RS0026 // Every document's LoadAsync and LoadFileAsync take an optional token, with and without ReadLimits.
public static class ContactJson
{
    private static readonly DocumentFormat<Contact> Format = new JsonDocumentFormat<Contact, ContactDocument>(
        ContactDocumentReader.Subject, ContactJsonContext.Default.ContactDocument, ContactDocumentReader.ToContact, c => ContactDocumentWriter.ToDocument(c, redact: false));

    private static readonly DocumentFormat<Contact> Redacted = new JsonDocumentFormat<Contact, ContactDocument>(
        ContactDocumentReader.Subject, ContactJsonContext.Default.ContactDocument, ContactDocumentReader.ToContact, c => ContactDocumentWriter.ToDocument(c, redact: true));

    /// <summary>Reads a contact from JSON text.</summary>
    /// <param name="json">The document's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid. Every missing, unknown or invalid value is listed with its JSON path (for
    /// example <c>$.caller.location.zip</c>); malformed JSON and values of the wrong JSON type stop reading,
    /// so only the first of those is listed, with its path and line. Messages never contain personal data.
    /// </exception>
    public static Contact Parse(string json) => Format.Parse(json, ReadLimits.Default);

    /// <summary>Reads a contact from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Contact Parse(ReadOnlySpan<byte> utf8Json) => Format.Parse(utf8Json, ReadLimits.Default);

    /// <summary>Reads a contact from a stream of UTF-8 JSON, to its end; the stream is left open.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Contact Load(Stream utf8Json) => Format.Load(utf8Json, ReadLimits.Default);

    /// <summary>Reads a contact from a stream of UTF-8 JSON, to its end, asynchronously; the stream is left open.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Task<Contact> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        Format.LoadAsync(utf8Json, ReadLimits.Default, cancellationToken);

    /// <summary>Reads a contact from a JSON file; a name ending in <c>.gz</c> is decompressed first.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Contact LoadFile(string path) => Format.LoadFile(path, ReadLimits.Default);

    /// <summary>Reads a contact from a JSON file asynchronously; a name ending in <c>.gz</c> is decompressed first.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops reading the file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Task<Contact> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        Format.LoadFileAsync(path, ReadLimits.Default, cancellationToken);

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="json">The document's text.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="limits"/> is null.</exception>
    public static Contact Parse(string json, ReadLimits limits) => Format.Parse(json, limits);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static Contact Parse(ReadOnlySpan<byte> utf8Json, ReadLimits limits) => Format.Parse(utf8Json, limits);

    /// <inheritdoc cref="Load(Stream)"/>
    /// <param name="utf8Json">The stream, read from its position to its end (at most <see cref="ReadLimits.MaxDocumentBytes"/> and one byte more).</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is null.</exception>
    public static Contact Load(Stream utf8Json, ReadLimits limits) => Format.Load(utf8Json, limits);

    /// <inheritdoc cref="LoadAsync(Stream, CancellationToken)"/>
    /// <param name="utf8Json">The stream, read from its position to its end (at most <see cref="ReadLimits.MaxDocumentBytes"/> and one byte more).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is null.</exception>
    public static Task<Contact> LoadAsync(Stream utf8Json, ReadLimits limits, CancellationToken cancellationToken = default) =>
        Format.LoadAsync(utf8Json, limits, cancellationToken);

    /// <inheritdoc cref="LoadFile(string)"/>
    /// <param name="path">The file's path.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public static Contact LoadFile(string path, ReadLimits limits) => Format.LoadFile(path, limits);

    /// <inheritdoc cref="LoadFileAsync(string, CancellationToken)"/>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public static Task<Contact> LoadFileAsync(string path, ReadLimits limits, CancellationToken cancellationToken = default) =>
        Format.LoadFileAsync(path, limits, cancellationToken);

    /// <summary>
    /// The JSON text of <paramref name="contact"/>, which <see cref="Parse(string)"/> reads back to an equal value.
    /// It holds personal data: never log it; use <see cref="SerializeRedacted"/> for logs.
    /// </summary>
    /// <param name="contact">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static string Serialize(Contact contact) => Format.Serialize(contact);

    /// <summary>Writes <paramref name="contact"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="contact">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(Contact contact, Stream utf8Json) => Format.Write(contact, utf8Json);

    /// <summary>
    /// Writes the document with every personal-data value (name, phone, email, address, narrative) replaced
    /// by <see cref="Redaction.Placeholder"/>; the rest is as in <see cref="Serialize"/>. Safe for logs. The
    /// result is for reading by people, not for <see cref="Parse(string)"/> (a redacted phone or email is
    /// not valid).
    /// </summary>
    /// <param name="contact">The contact to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static string SerializeRedacted(Contact contact) => Redacted.Serialize(contact);
}
#pragma warning restore RS0026
