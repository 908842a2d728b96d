using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Scheduling.Json;

namespace Nhtrc.Sdk.Referrals.Json;

// The wire shape of a referral directory (docs/referrals.md). Everything is nullable and enums, dates,
// codes and times are strings, so the reader can report every missing or invalid value with its path;
// unknown properties land in Unknown and are reported too.

internal sealed class DirectoryDocument
{
    public int? FormatVersion { get; set; }

    public List<OrganizationDocument?>? Organizations { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class OrganizationDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Website { get; set; }

    public List<string?>? CoLeads { get; set; }

    public List<ServiceDocument?>? Services { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ServiceDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string?>? Types { get; set; }

    public AreaDocument? Area { get; set; }

    public PopulationDocument? Population { get; set; }

    public List<string?>? Languages { get; set; }

    public AvailabilityDocument? Availability { get; set; }

    public bool? AcceptsWarmTransfers { get; set; }

    public string? Capacity { get; set; }

    public List<ServiceLocationDocument?>? Locations { get; set; }

    public List<ServiceContactDocument?>? Contacts { get; set; }

    public string? LastVerified { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class AreaDocument
{
    public bool? National { get; set; }

    public List<string?>? States { get; set; }

    public List<string?>? Counties { get; set; }

    public List<string?>? Zips { get; set; }

    public List<RadiusDocument?>? Radii { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class RadiusDocument
{
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public double? Kilometers { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class PopulationDocument
{
    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }

    public List<string?>? Genders { get; set; }

    public List<string?>? TraffickingTypes { get; set; }

    public List<string?>? ImmigrationStatuses { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary><c>{"alwaysOpen": true}</c> or <c>{"calendar": {...}}</c>, the calendar in the shape of docs/deadlines.md with an optional id.</summary>
internal sealed class AvailabilityDocument
{
    public bool? AlwaysOpen { get; set; }

    public ServiceCalendarDocument? Calendar { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ServiceLocationDocument
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Zip { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool? Confidential { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ServiceContactDocument
{
    public string? Channel { get; set; }

    public string? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
