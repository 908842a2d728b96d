using System;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Nhtrc.Cli.Tests.Commands;

/// <summary>Small referral directory files for the commands' <c>--directory</c> and <c>validate</c> tests, in a fresh temp folder.</summary>
internal sealed class ReferralDirectoryFiles : IDisposable
{
    /// <summary>
    /// Three organizations around Houston (ZIP 77002, county 48201): a shelter for adult women at a confidential
    /// address, a legal aid for labor trafficking open weekdays, and a national 24/7 hotline without locations.
    /// </summary>
    public const string Valid = """
        {
          "formatVersion": 1,
          "organizations": [
            {
              "id": "org-shelter", "name": "Test Shelter (fictional)", "kind": "serviceProvider",
              "services": [{
                "id": "svc-shelter", "name": "Emergency shelter", "types": ["emergencyShelter", "caseManagement"],
                "area": { "counties": ["48201"] },
                "population": { "minAge": 18, "genders": ["female"] },
                "languages": ["en", "es"], "availability": { "alwaysOpen": true }, "acceptsWarmTransfers": true,
                "locations": [{ "name": "Shelter", "address": "1 Hidden Way (fictional)", "city": "Houston", "state": "TX", "zip": "77002",
                                "latitude": 29.75, "longitude": -95.36, "confidential": true }],
                "contacts": [{ "channel": "phone", "value": "+1-713-555-0100" }],
                "lastVerified": "2026-03-01"
              }]
            },
            {
              "id": "org-legal", "name": "Test Legal Aid (fictional)", "kind": "serviceProvider",
              "services": [{
                "id": "svc-legal", "name": "Legal representation", "types": ["legalServices"],
                "area": { "states": ["TX"] },
                "population": { "traffickingTypes": ["labor"] },
                "languages": ["en"],
                "availability": { "calendar": { "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"], "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"] } } },
                "locations": [{ "name": "Office", "address": "2 Open Street (fictional)", "city": "Houston", "state": "TX", "zip": "77002",
                                "latitude": 29.76, "longitude": -95.37 }],
                "lastVerified": "2026-05-15"
              }]
            },
            {
              "id": "org-hotline", "name": "Test Hotline (fictional)", "kind": "serviceProvider",
              "services": [{
                "id": "svc-hotline", "name": "Hotline", "types": ["crisisHotline"], "area": { "national": true },
                "availability": { "alwaysOpen": true }, "lastVerified": "2025-01-01"
              }]
            }
          ]
        }
        """;

    /// <summary>An unknown service type, a ZIP code not in the gazetteer, a latitude out of range, a repeated organization id.</summary>
    public const string Invalid = """
        {
          "formatVersion": 1,
          "organizations": [
            { "id": "org-a", "name": "A (fictional)", "kind": "serviceProvider",
              "services": [{ "id": "svc-a", "name": "A", "types": ["legalServices", "shelter"], "area": { "zips": ["00000"] },
                             "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-01",
                             "locations": [{ "city": "Houston", "state": "TX", "latitude": 95, "longitude": -95.36 }] }] },
            { "id": "org-a", "name": "B (fictional)", "kind": "serviceProvider",
              "services": [{ "id": "svc-b", "name": "B", "types": ["housing"], "area": { "national": true },
                             "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-01" }] }
          ]
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nhtrc-cli-tests-" + Guid.NewGuid().ToString("N"));

    public ReferralDirectoryFiles() => Directory.CreateDirectory(_folder);

    /// <summary>Writes <paramref name="json"/> to a file named <paramref name="name"/>, gzip-compressed when the name ends in <c>.gz</c>.</summary>
    /// <returns>The file's path.</returns>
    public string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        var bytes = Encoding.UTF8.GetBytes(json);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    /// <summary>A path in the folder where no file exists.</summary>
    public string Missing => Path.Combine(_folder, "missing.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
