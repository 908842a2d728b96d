using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Resources.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime.Text;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// Reads and writes the JSON resource library document described in docs/resources.md:
/// <c>{"materials":[...]}</c> with camelCase properties, camelCase topic, audience and format names, BCP 47
/// language tags, https links and ISO-8601 dates. Uses source-generated System.Text.Json metadata only (no
/// reflection; AOT-safe). Thread-safe.
/// </summary>
public static class ResourceLibraryJson
{
    /// <summary>Reads a library from a stream of UTF-8 JSON, to its end. The stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The document is invalid: every missing, unknown, repeated or invalid value (blank titles, bad ids, unknown
    /// topics, formats or audiences, bad language tags, links that are not absolute https, bad dates, repeated
    /// ids) is listed with its JSON path, for example <c>$.materials[3].link</c>. Malformed JSON and values of
    /// the wrong JSON type stop reading, so only the first of those is listed, with its path and line. Nothing
    /// is loaded unless everything is valid.
    /// </exception>
    public static ResourceLibrary Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ResourceLibraryDocumentReader.ToLibrary(
            DocumentFields.Deserialize(ResourceLibraryDocumentReader.Subject, () => JsonSerializer.Deserialize(utf8Json, ResourceJsonContext.Default.ResourceLibraryDocument)));
    }

    /// <summary>Reads a library from JSON text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The document is invalid; see <see cref="Load(Stream)"/>.</exception>
    public static ResourceLibrary Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ResourceLibraryDocumentReader.ToLibrary(
            DocumentFields.Deserialize(ResourceLibraryDocumentReader.Subject, () => JsonSerializer.Deserialize(json, ResourceJsonContext.Default.ResourceLibraryDocument)));
    }

    /// <summary>
    /// Writes the library as a document, materials in id order, omitting an unknown published date.
    /// <c>Parse(Serialize(library))</c> has equal materials.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="library"/> is null.</exception>
    public static string Serialize(ResourceLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var document = new ResourceLibraryDocument
        {
            Materials = [.. library.Materials.Select(m => new ResourceMaterialDocument
            {
                Id = m.Id,
                Title = m.Title,
                Summary = m.Summary,
                Topics = [.. m.Topics.Select(WireName<ResourceTopic>.Of)],
                Audiences = [.. m.Audiences.Select(WireName<Contacts.CallerRole>.Of)],
                Languages = [.. m.Languages.Select(l => l.Value)],
                Format = WireName<ResourceFormat>.Of(m.Format),
                Link = m.Link.OriginalString,
                Published = m.Published is { } date ? LocalDatePattern.Iso.Format(date) : null,
            })],
        };
        return JsonSerializer.Serialize(document, ResourceJsonContext.Default.ResourceLibraryDocument);
    }
}
