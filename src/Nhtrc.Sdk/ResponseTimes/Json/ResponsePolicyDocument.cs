using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Scheduling.Json;

namespace Nhtrc.Sdk.ResponseTimes.Json;

// The wire shape of a response policy (docs/deadlines.md); its calendar is Scheduling's ServiceCalendarDocument. Everything is nullable
// and strings, so the reader can report every missing or invalid value with its path; unknown properties land
// in Unknown and are reported too.

internal sealed class ResponsePolicyDocument
{
    public string? Id { get; set; }

    /// <summary>A known calendar id (string) or an inline <see cref="ServiceCalendarDocument"/> (object).</summary>
    public JsonElement? Calendar { get; set; }

    public List<ResponseRuleDocument?>? Rules { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ResponseRuleDocument
{
    public string? Id { get; set; }

    public string? Urgency { get; set; }

    public List<string?>? Channels { get; set; }

    public ResponseTargetDocument? Target { get; set; }

    public ResponseTargetDocument? Due { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ResponseTargetDocument
{
    public string? Kind { get; set; }

    /// <summary>ISO 8601 duration (PT12H) for elapsed and businessTime targets.</summary>
    public string? Duration { get; set; }

    /// <summary>N for businessDays targets.</summary>
    public int? Days { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
