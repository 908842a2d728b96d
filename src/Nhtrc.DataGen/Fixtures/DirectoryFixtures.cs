using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// Small referral directories (1 to 20 organizations) written with the source-generated
/// <see cref="DirectoryJsonContext"/>, as <see cref="DirectoryCommand"/> writes the sample. Organizations are
/// drawn from a few <see cref="SyntheticDirectory"/> directories (a task force brings its co-leads), and
/// some are varied afterwards so that the parts of the format the generator never writes appear too: dated
/// holidays, overrides and explicit ids in calendars, mixed and multiple areas, every population list, text,
/// chat and web-form contacts, extra and bare locations, and absent optional values. Plus the first
/// <see cref="SampleSliceOrganizations"/> organizations of the sample directory (the whole sample is
/// over 4 MB uncompressed, too large for a fixture).
/// </summary>
internal static class DirectoryFixtures
{
    public const int SampleSliceOrganizations = 45;

    private const int Seed = 4_000_000;
    private const int Sources = 4;
    private const int SourceOrganizations = 400;
    private const int MaxOrganizations = 20;

    private static readonly string[] Languages = ["zh-Hant", "pt-BR", "ase", "so", "es-419"];

    // What the generator alone would never write, or only rarely; the fixtures must hold each at least once.
    private static readonly string[] RequiredFeatures =
    [
        "organization kind serviceProvider", "organization kind taskForce", "organization kind coalition", "organization kind lawEnforcement",
        "organization kind governmentAgency", "organization kind trainerOrSpeaker", "co-leads", "no website",
        "national area", "state area", "county area", "zip area", "radius area", "several radii",
        "population", "population ages", "population genders", "population trafficking types", "population immigration statuses",
        "always open", "calendar", "calendar with id", "calendar with us-federal", "calendar with dated holidays", "calendar with overrides",
        "overnight hours", "split hours", "warm transfers", "default capacity", "capacity accepting", "capacity waitlist", "capacity full",
        "confidential location", "location without zip", "several locations", "no languages",
        "contact phone", "contact email", "contact text", "contact chat", "contact webForm",
    ];

    // The generator's document, read back into the SDK's document types so that organizations can be picked and varied.
    private static DirectoryDocument Synthetic(int seed, Gazetteer gazetteer) =>
        JsonSerializer.Deserialize(
            SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = seed, Organizations = SourceOrganizations, Gazetteer = gazetteer }),
            DirectoryJsonContext.Default.DirectoryDocument)!;

    public static IReadOnlyList<FixtureDocument> Build(int count, Gazetteer gazetteer, TextWriter log)
    {
        var coverage = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var sources = Enumerable.Range(0, Sources)
            .Select(s => Synthetic(Seed + s, gazetteer).Organizations!.Select(o => o!).ToArray())
            .ToArray();
        var documents = new List<FixtureDocument>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var r = new FixtureRandom(Seed + 1000 + i);
            // One directory of each size up to the largest, then small ones, which keep the fixtures small.
            var size = i < MaxOrganizations ? i + 1 : 1 + (i % 3);
            var organizations = Pick(sources[i % Sources], size, r);
            if (i % 4 != 0)
            {
                Vary(i, organizations, r);
            }

            var document = new DirectoryDocument { FormatVersion = 1, Organizations = [.. organizations] };
            Count(document, coverage);
            documents.Add(new FixtureDocument(
                string.Create(CultureInfo.InvariantCulture, $"directory-{i:D3}.json"),
                JsonSerializer.Serialize(document, DirectoryJsonContext.Default.DirectoryDocument)));
        }

        var missing = RequiredFeatures.Where(f => !coverage.ContainsKey(f)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException("The directory fixtures hold no " + string.Join(", no ", missing) + ".");
        }

        log.WriteLine("directories hold: " + string.Join(", ", coverage.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}"))));
        documents.Add(new FixtureDocument("sample-directory-slice.json", SampleSlice()));
        return documents;
    }

    // Up to size organizations, each a deep copy; a task force comes with its co-leads or not at all.
    private static List<OrganizationDocument> Pick(OrganizationDocument[] source, int size, FixtureRandom r)
    {
        var byId = source.ToDictionary(o => o.Id!, StringComparer.Ordinal);
        var chosen = new List<OrganizationDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in r.Shuffle(source))
        {
            if (chosen.Count >= size)
            {
                break;
            }

            var group = new[] { candidate }.Concat((candidate.CoLeads ?? []).Select(id => byId[id!])).Where(o => !ids.Contains(o.Id!)).ToList();
            if (chosen.Count + group.Count > size)
            {
                continue;
            }

            foreach (var organization in group)
            {
                ids.Add(organization.Id!);
                chosen.Add(Copy(organization));
            }
        }

        // Mostly in id order, as directories are usually written; sometimes not, which the reader sorts itself.
        return r.Chance(75) ? [.. chosen.OrderBy(o => o.Id, StringComparer.Ordinal)] : chosen;
    }

    private static OrganizationDocument Copy(OrganizationDocument organization) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(organization, DirectoryJsonContext.Default.OrganizationDocument), DirectoryJsonContext.Default.OrganizationDocument)!;

    private static void Vary(int i, List<OrganizationDocument> organizations, FixtureRandom r)
    {
        foreach (var organization in organizations)
        {
            if (r.Chance(15))
            {
                organization.Website = null;
            }

            var services = organization.Services ?? [];
            for (var s = 0; s < services.Count; s++)
            {
                var service = services[s]!;
                if (r.Chance(40) && service.Availability?.Calendar is { } calendar)
                {
                    VaryCalendar(i, s, calendar, r);
                }

                if (r.Chance(30))
                {
                    VaryArea(service, r);
                }

                if (r.Chance(25))
                {
                    service.Population = new PopulationDocument
                    {
                        MinAge = r.Chance(50) ? 0 : null,
                        MaxAge = r.Chance(50) ? 125 : 64,
                        Genders = ["female", "male", "nonBinary"],
                        TraffickingTypes = ["sex", "labor"],
                        ImmigrationStatuses = r.Chance(50) ? ["usCitizen", "lawfulPermanentResident"] : ["foreignNational", "usCitizen", "lawfulPermanentResident"],
                    };
                }

                if (r.Chance(20) && r.Pick(Languages) is var language && service.Languages?.Contains(language) != true)
                {
                    service.Languages = [.. service.Languages ?? [], language];
                }

                if (r.Chance(25))
                {
                    var slug = string.Create(CultureInfo.InvariantCulture, $"fixture-{i}-{s}");
                    service.Contacts =
                    [
                        .. service.Contacts ?? [],
                        new ServiceContactDocument { Channel = "text", Value = "+1-202-555-0142" },
                        new ServiceContactDocument { Channel = "chat", Value = $"https://chat.example.org/{slug}" },
                        new ServiceContactDocument { Channel = "webForm", Value = $"https://forms.example.org/{slug}" },
                    ];
                }

                if (r.Chance(20) && service.Locations is [{ } first, ..])
                {
                    // A bare second location: no name, address or ZIP, confidential now and then.
                    service.Locations.Add(new ServiceLocationDocument
                    {
                        City = first.City,
                        State = first.State,
                        Latitude = Math.Round(first.Latitude!.Value + 0.01, 5),
                        Longitude = Math.Round(first.Longitude!.Value - 0.01, 5),
                        Confidential = r.Chance(50) ? true : null,
                    });
                }

                if (r.Chance(15))
                {
                    // Absent optional values take their defaults.
                    service.AcceptsWarmTransfers = null;
                    service.Capacity = null;
                    service.Languages = r.Chance(50) ? null : [];
                    service.Population = null;
                }
            }
        }
    }

    private static void VaryCalendar(int i, int s, ServiceCalendarDocument calendar, FixtureRandom r)
    {
        var weekly = calendar.WeeklyHours!;
        switch (r.Next(4))
        {
            case 0:
                weekly["sunday"] = ["22:00-06:00"];
                break;
            case 1:
                weekly["wednesday"] = ["08:00-12:00", "13:00-17:00"];
                break;
            case 2:
                weekly["saturday"] = ["00:00-24:00"];
                break;
            default:
                weekly.Remove("friday");
                break;
        }

        if (r.Chance(50))
        {
            calendar.Holidays =
            [
                new HolidayDocument { Name = "Founders Day (fixture)", Date = "2026-05-04" },
                new HolidayDocument { Name = "Staff Retreat (fixture)", Date = "2026-10-10", Observed = "2026-10-09" },
            ];
        }

        if (r.Chance(50))
        {
            calendar.Overrides =
            [
                new DateOverrideDocument { Date = "2026-12-24", Hours = ["09:00-13:00"] },
                new DateOverrideDocument { Date = "2026-12-28", Closed = true },
            ];
        }

        if (r.Chance(30))
        {
            calendar.Id = string.Create(CultureInfo.InvariantCulture, $"fixture-hours-{i}-{s}");
        }

        if (r.Chance(20))
        {
            calendar.HolidayCalendars = calendar.HolidayCalendars is null ? [HolidayCalendar.UsFederal.Id] : null;
        }
    }

    private static void VaryArea(ServiceDocument service, FixtureRandom r)
    {
        var area = service.Area!;
        if (area.National == true || service.Locations is not [{ } location, ..])
        {
            return;
        }

        area.States ??= r.Chance(50) ? [location.State] : null;
        area.Zips ??= location.Zip is { } zip && r.Chance(50) ? [zip] : null;
        area.Radii =
        [
            .. area.Radii ?? [],
            new RadiusDocument { Latitude = location.Latitude, Longitude = location.Longitude, Kilometers = 12.5 },
            new RadiusDocument { Latitude = Math.Round(location.Latitude!.Value + 0.25, 4), Longitude = location.Longitude, Kilometers = 0.75 + r.Next(50) },
        ];
    }

    // What the fixtures hold between them, so the command can insist that nothing the format allows is left out.
    private static void Count(DirectoryDocument document, SortedDictionary<string, int> coverage)
    {
        void Add(string feature, bool present = true)
        {
            if (present)
            {
                coverage[feature] = coverage.TryGetValue(feature, out var n) ? n + 1 : 1;
            }
        }

        foreach (var organization in document.Organizations!)
        {
            Add("organization kind " + organization!.Kind);
            Add("co-leads", organization.CoLeads is { Count: > 0 });
            Add("no website", organization.Website is null);
            foreach (var service in organization.Services!)
            {
                var area = service!.Area!;
                Add("national area", area.National == true);
                Add("state area", area.States is { Count: > 0 });
                Add("county area", area.Counties is { Count: > 0 });
                Add("zip area", area.Zips is { Count: > 0 });
                Add("radius area", area.Radii is { Count: > 0 });
                Add("several radii", area.Radii is { Count: > 1 });
                Add("population", service.Population is not null);
                Add("population ages", service.Population is { MinAge: not null } or { MaxAge: not null });
                Add("population genders", service.Population?.Genders is { Count: > 0 });
                Add("population trafficking types", service.Population?.TraffickingTypes is { Count: > 0 });
                Add("population immigration statuses", service.Population?.ImmigrationStatuses is { Count: > 0 });
                Add("always open", service.Availability!.AlwaysOpen == true);
                var calendar = service.Availability.Calendar;
                Add("calendar", calendar is not null);
                Add("calendar with id", calendar?.Id is not null);
                Add("calendar with us-federal", calendar?.HolidayCalendars is { Count: > 0 });
                Add("calendar with dated holidays", calendar?.Holidays is { Count: > 0 });
                Add("calendar with overrides", calendar?.Overrides is { Count: > 0 });
                Add("overnight hours", calendar?.WeeklyHours?.Values.Any(h => h!.Contains("22:00-06:00")) == true);
                Add("split hours", calendar?.WeeklyHours?.Values.Any(h => h!.Count > 1) == true);
                Add("warm transfers", service.AcceptsWarmTransfers == true);
                Add("default capacity", service.Capacity is null);
                Add("capacity " + service.Capacity, service.Capacity is not null);
                Add("confidential location", service.Locations?.Any(l => l!.Confidential == true) == true);
                Add("location without zip", service.Locations?.Any(l => l!.Zip is null) == true);
                Add("several locations", service.Locations is { Count: > 1 });
                Add("no languages", service.Languages is null or { Count: 0 });
                foreach (var contact in service.Contacts ?? [])
                {
                    Add("contact " + contact!.Channel);
                }
            }
        }
    }

    private static string SampleSlice()
    {
        // The sample's source (the SDK embeds its prepared form), read from the repository as the other commands are.
        using var file = File.OpenRead(PreparedData.SampleDirectorySource);
        using var json = new GZipStream(file, CompressionMode.Decompress);
        var sample = JsonSerializer.Deserialize(json, DirectoryJsonContext.Default.DirectoryDocument)!;
        var slice = sample.Organizations!.Take(SampleSliceOrganizations).ToList();
        var ids = slice.Select(o => o!.Id).ToHashSet(StringComparer.Ordinal);
        if (slice.Any(o => o!.CoLeads?.Any(id => !ids.Contains(id)) == true))
        {
            throw new InvalidDataException($"The first {SampleSliceOrganizations} organizations of the sample directory name a co-lead outside them.");
        }

        return JsonSerializer.Serialize(new DirectoryDocument { FormatVersion = sample.FormatVersion, Organizations = slice }, DirectoryJsonContext.Default.DirectoryDocument);
    }
}
