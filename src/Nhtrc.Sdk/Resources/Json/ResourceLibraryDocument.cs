using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Resources.Json;

// The wire shape of a resource library (docs/resources.md). Everything is nullable and enums, links and dates
// are strings, so the reader can report every missing or invalid value with its path instead of stopping at
// the first; unknown properties land in Unknown and are reported too.

internal sealed class ResourceLibraryDocument
{
    public List<ResourceMaterialDocument?>? Materials { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ResourceMaterialDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<string?>? Topics { get; set; }

    public List<string?>? Audiences { get; set; }

    public List<string?>? Languages { get; set; }

    public string? Format { get; set; }

    public string? Link { get; set; }

    public string? Published { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
