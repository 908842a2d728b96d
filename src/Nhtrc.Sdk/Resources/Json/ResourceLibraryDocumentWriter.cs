using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using NodaTime.Text;

namespace Nhtrc.Sdk.Resources.Json;

/// <summary>Turns a <see cref="ResourceLibrary"/> into the <see cref="ResourceLibraryDocument"/> that reads back to an equal library.</summary>
internal static class ResourceLibraryDocumentWriter
{
    public static ResourceLibraryDocument ToDocument(ResourceLibrary library) => new()
    {
        Materials = [.. library.Materials.Select(m => new ResourceMaterialDocument
        {
            Id = m.Id,
            Title = m.Title,
            Summary = m.Summary,
            Topics = [.. m.Topics.Select(WireName<ResourceTopic>.Of)],
            Audiences = [.. m.Audiences.Select(WireName<CallerRole>.Of)],
            Languages = [.. m.Languages.Select(l => l.Value)],
            Format = WireName<ResourceFormat>.Of(m.Format),
            Link = m.Link.OriginalString,
            Published = m.Published is { } date ? LocalDatePattern.Iso.Format(date) : null,
        })],
    };
}
