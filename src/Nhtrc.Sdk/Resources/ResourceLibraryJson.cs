using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Resources.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// Reads and writes the resource library document of docs/resources.md: materials with their
/// topics, audiences, languages, format and link.
/// Every document kind of the SDK has the same verbs: Parse, Load, LoadAsync, LoadFile, LoadFileAsync,
/// Serialize and Write, and what Serialize writes reads back to an equal value. Source-generated
/// System.Text.Json only (no reflection; AOT-safe). Thread-safe.
/// </summary>
#pragma warning disable RS0026 // Every document's LoadAsync and LoadFileAsync take an optional token, with and without ReadLimits.
public static class ResourceLibraryJson
{
    private static readonly DocumentFormat<ResourceLibrary> Format = new JsonDocumentFormat<ResourceLibrary, ResourceLibraryDocument>(
        ResourceLibraryDocumentReader.Subject, ResourceJsonContext.Default.ResourceLibraryDocument, ResourceLibraryDocumentReader.ToLibrary, ResourceLibraryDocumentWriter.ToDocument);

    /// <summary>Reads a resource library from JSON text.</summary>
    /// <param name="json">The document's text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid. Every missing, unknown or invalid value is listed with its JSON path; nothing is loaded unless
    /// the whole library is valid; malformed JSON stops reading and is the one problem listed.
    /// </exception>
    public static ResourceLibrary Parse(string json) => Format.Parse(json, ReadLimits.Default);

    /// <summary>Reads a resource library from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ResourceLibrary Parse(ReadOnlySpan<byte> utf8Json) => Format.Parse(utf8Json, ReadLimits.Default);

    /// <summary>Reads a resource library from a stream of UTF-8 JSON, to its end; the stream is left open.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ResourceLibrary Load(Stream utf8Json) => Format.Load(utf8Json, ReadLimits.Default);

    /// <summary>Reads a resource library from a stream of UTF-8 JSON, to its end, asynchronously; the stream is left open.</summary>
    /// <param name="utf8Json">The stream, read from its position to its end.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Task<ResourceLibrary> LoadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        Format.LoadAsync(utf8Json, ReadLimits.Default, cancellationToken);

    /// <summary>Reads a resource library from a JSON file; a name ending in <c>.gz</c> is decompressed first.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static ResourceLibrary LoadFile(string path) => Format.LoadFile(path, ReadLimits.Default);

    /// <summary>Reads a resource library from a JSON file asynchronously; a name ending in <c>.gz</c> is decompressed first.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops reading the file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Parse(string)"/>.</exception>
    public static Task<ResourceLibrary> LoadFileAsync(string path, CancellationToken cancellationToken = default) =>
        Format.LoadFileAsync(path, ReadLimits.Default, cancellationToken);

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="json">The document's text.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="limits"/> is null.</exception>
    public static ResourceLibrary Parse(string json, ReadLimits limits) => Format.Parse(json, limits);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    /// <param name="utf8Json">The document's UTF-8 bytes.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public static ResourceLibrary Parse(ReadOnlySpan<byte> utf8Json, ReadLimits limits) => Format.Parse(utf8Json, limits);

    /// <inheritdoc cref="Load(Stream)"/>
    /// <param name="utf8Json">The stream, read from its position to its end (at most <see cref="ReadLimits.MaxDocumentBytes"/> and one byte more).</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is null.</exception>
    public static ResourceLibrary Load(Stream utf8Json, ReadLimits limits) => Format.Load(utf8Json, limits);

    /// <inheritdoc cref="LoadAsync(Stream, CancellationToken)"/>
    /// <param name="utf8Json">The stream, read from its position to its end (at most <see cref="ReadLimits.MaxDocumentBytes"/> and one byte more).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="limits"/> is null.</exception>
    public static Task<ResourceLibrary> LoadAsync(Stream utf8Json, ReadLimits limits, CancellationToken cancellationToken = default) =>
        Format.LoadAsync(utf8Json, limits, cancellationToken);

    /// <inheritdoc cref="LoadFile(string)"/>
    /// <param name="path">The file's path.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public static ResourceLibrary LoadFile(string path, ReadLimits limits) => Format.LoadFile(path, limits);

    /// <inheritdoc cref="LoadFileAsync(string, CancellationToken)"/>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="limits">The bounds on the input (<see cref="ReadLimits.Default"/> for the other overloads); past one, reading stops with an <see cref="NhtrcValidationException"/> naming it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public static Task<ResourceLibrary> LoadFileAsync(string path, ReadLimits limits, CancellationToken cancellationToken = default) =>
        Format.LoadFileAsync(path, limits, cancellationToken);

    /// <summary>The JSON text of <paramref name="library"/>, which <see cref="Parse(string)"/> reads back to an equal value.</summary>
    /// <param name="library">The value to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="library"/> is null.</exception>
    public static string Serialize(ResourceLibrary library) => Format.Serialize(library);

    /// <summary>Writes <paramref name="library"/> to <paramref name="utf8Json"/> as UTF-8 JSON; the stream is left open.</summary>
    /// <param name="library">The value to write.</param>
    /// <param name="utf8Json">The stream written to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="library"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(ResourceLibrary library, Stream utf8Json) => Format.Write(library, utf8Json);
}
#pragma warning restore RS0026
