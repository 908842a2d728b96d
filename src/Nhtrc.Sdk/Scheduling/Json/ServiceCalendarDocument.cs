using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Scheduling.Json;

// The wire shape of a service calendar (docs/deadlines.md), shared by response policies and referral
// directories. Everything is nullable and strings, so the reader can report every missing or invalid value
// with its path; unknown properties land in Unknown and are reported too.

internal sealed class ServiceCalendarDocument
{
    public string? Id { get; set; }

    public string? TimeZone { get; set; }

    public Dictionary<string, List<string?>?>? WeeklyHours { get; set; }

    public List<string?>? HolidayCalendars { get; set; }

    public List<HolidayDocument?>? Holidays { get; set; }

    public List<DateOverrideDocument?>? Overrides { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class HolidayDocument
{
    public string? Name { get; set; }

    public string? Date { get; set; }

    /// <summary>When it differs from <see cref="Date"/>.</summary>
    public string? Observed { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class DateOverrideDocument
{
    public string? Date { get; set; }

    public bool? Closed { get; set; }

    public List<string?>? Hours { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
