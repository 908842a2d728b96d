using System;
using System.Text.Json;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// One HSDS 3.0 import, fed record by record by every reader (a JSON document, a stream of records, the CSV
/// tables assembled into compiled services, pages of a live API) and built once. <see cref="Add"/> checks the
/// record against the version rule (docs/open-referral.md) before mapping it: a record that is not HSDS 3.0 throws,
/// and because nothing is built until <see cref="Build"/>, the import fails whole. <see cref="Map"/> is thread-safe;
/// <see cref="Add"/>, <see cref="Merge"/> and <see cref="Build"/> are not.
/// </summary>
internal sealed class HsdsImport(string source, HsdsImportOptions options)
{
    private static readonly string[] LegacyFields =
    [
        "regular_schedule", "regular_schedules", "holiday_schedule", "holiday_schedules", "physical_address",
        "physical_addresses", "postal_address", "postal_addresses", "services_at_location", "service_area",
    ];

    // The same names as UTF-8, so the check per record compares bytes without transcoding each name again.
    private static readonly byte[][] LegacyNames = Array.ConvertAll(LegacyFields, System.Text.Encoding.UTF8.GetBytes);

    private readonly HsdsMapper _mapper = new(source, options);

    /// <summary>Checks a record against the version rule without mapping it.</summary>
    /// <exception cref="Validation.NhtrcValidationException">The record is not HSDS 3.0.</exception>
    public static void Check(JsonElement record, string path, string source) => Classify(record, path, source);

    /// <summary>Checks and maps one compiled <c>service</c>, <c>organization</c> or <c>service_at_location</c> record and merges it.</summary>
    /// <exception cref="Validation.NhtrcValidationException">The record is not HSDS 3.0.</exception>
    public void Add(JsonElement record, string path) => Merge(Map(record, path));

    /// <summary>
    /// Checks and maps one record without adding it: thread-safe, so records can be mapped on several threads and
    /// then merged with <see cref="Merge"/> in document order, which gives what <see cref="Add"/> in that order gives.
    /// </summary>
    /// <exception cref="Validation.NhtrcValidationException">The record is not HSDS 3.0.</exception>
    public HsdsMappedRecord Map(JsonElement record, string path) => Classify(record, path, source) switch
    {
        RecordKind.ServiceAtLocation => _mapper.MapService(
            record.GetProperty("service"),
            path + ".service",
            record.TryGetProperty("location", out var location) && location.ValueKind != JsonValueKind.Null ? location : null,
            path + ".location"),
        RecordKind.Service => _mapper.MapService(record, path),
        _ => _mapper.MapOrganization(record, path),
    };

    /// <summary>Adds a record <see cref="Map"/> mapped; records must be merged in document order. Not thread-safe.</summary>
    public void Merge(HsdsMappedRecord record) => _mapper.Merge(record);

    /// <summary>Builds the directory of every record added, with the report.</summary>
    public ReferralDirectoryLoad Build() => _mapper.Build();

    private enum RecordKind
    {
        Service,
        Organization,
        ServiceAtLocation,
    }

    private static RecordKind Classify(JsonElement record, string path, string source)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw NotHsds3(source, path, "a record must be an object.");
        }

        for (var i = 0; i < LegacyNames.Length; i++)
        {
            if (record.TryGetProperty(LegacyNames[i], out _))
            {
                throw NotHsds3(source, path + "." + LegacyFields[i], "the field is from HSDS 1.x/2.x.");
            }
        }

        if (!HasString(record, "id"))
        {
            throw NotHsds3(source, path + ".id", "every 3.0 record has a string id.");
        }

        if (record.TryGetProperty("service", out var service) && service.ValueKind == JsonValueKind.Object)
        {
            Classify(service, path + ".service", source);
            return RecordKind.ServiceAtLocation;
        }

        if (HasString(record, "name") && HasString(record, "status"))
        {
            return RecordKind.Service;
        }

        if (HasString(record, "name") && HasString(record, "description"))
        {
            if (record.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var nested in services.EnumerateArray())
                {
                    if (Classify(nested, $"{path}.services[{i++}]", source) != RecordKind.Service)
                    {
                        throw NotHsds3(source, $"{path}.services[{i - 1}]", "an organization's services must be services.");
                    }
                }
            }

            return RecordKind.Organization;
        }

        throw NotHsds3(source, path, "the record has the required fields of no 3.0 service (id, name, status), organization (id, name, description) or service_at_location (id, service).");
    }
}
