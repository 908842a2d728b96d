using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Testing;

// The directory document as the synthetic generator writes it: the input shape of docs/referrals.md, with the members
// in the order the format lists them and, unlike ReferralDirectoryJson.Serialize, some defaults written out
// (acceptsWarmTransfers false, capacity accepting, confidential false): the embedded sample has always carried them,
// and it must stay byte for byte what it is. The SDK's reader checks every document written (SyntheticDirectory.Generate).

internal sealed class SyntheticDirectoryDocument
{
    public int? FormatVersion { get; set; }

    public List<OrganizationDocument?>? Organizations { get; set; }
}

internal sealed class OrganizationDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Website { get; set; }

    public List<string?>? CoLeads { get; set; }

    public List<ServiceDocument?>? Services { get; set; }
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
}

internal sealed class AreaDocument
{
    public bool? National { get; set; }

    public List<string?>? States { get; set; }

    public List<string?>? Counties { get; set; }

    public List<string?>? Zips { get; set; }

    public List<RadiusDocument?>? Radii { get; set; }
}

internal sealed class RadiusDocument
{
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public double? Kilometers { get; set; }
}

internal sealed class PopulationDocument
{
    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }

    public List<string?>? Genders { get; set; }

    public List<string?>? TraffickingTypes { get; set; }

    public List<string?>? ImmigrationStatuses { get; set; }
}

internal sealed class AvailabilityDocument
{
    public bool? AlwaysOpen { get; set; }

    public CalendarDocument? Calendar { get; set; }
}

/// <summary>A calendar without an id: the reader derives one from the definition, so identical calendars share it.</summary>
internal sealed class CalendarDocument
{
    public string? TimeZone { get; set; }

    public Dictionary<string, List<string?>?>? WeeklyHours { get; set; }

    public List<string?>? HolidayCalendars { get; set; }
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
}

internal sealed class ServiceContactDocument
{
    public string? Channel { get; set; }

    public string? Value { get; set; }
}

/// <summary>Source-generated metadata for <see cref="SyntheticDirectoryDocument"/>, with the SDK's directory options.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyntheticDirectoryDocument))]
internal sealed partial class SyntheticDirectoryJsonContext : JsonSerializerContext
{
}
