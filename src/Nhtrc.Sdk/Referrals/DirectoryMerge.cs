using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Merges the loads of several directory sources into one snapshot (docs/open-referral.md, "Merging feeds"):
/// <list type="bullet">
/// <item>Ids: every organization and service id becomes <c>key.id</c>, the key of its source, so an id depends only on
/// its own source and never collides with another's; an id that would pass the directory's length is reported.</item>
/// <item>Duplicates: a service of a later source whose normalized name equals that of a service already kept from an
/// earlier source and which shares a US phone number with it (ten digits, a leading 1 dropped) is the same service;
/// the earlier source's record is kept and the later one reported (sources are in priority order).</item>
/// <item>Confidentiality: a location is confidential when any other source marks a location at the same place confidential
/// (within <see cref="SamePlaceKilometers"/>, or the same street address, city and state), so no feed can publish what
/// another hides.</item>
/// <item>Provenance: the source and original id of every service kept, and of every duplicate folded into it.</item>
/// </list>
/// Deterministic: the result depends only on the loads and their order.
/// </summary>
public static class DirectoryMerge
{
    /// <summary>How close two points are to be the same place for confidentiality: 0.15 km.</summary>
    public const double SamePlaceKilometers = 0.15;

    /// <summary>Merges <paramref name="loads"/>, in priority order, into one load.</summary>
    /// <param name="loads">Each source's key and load; keys are distinct.</param>
    /// <param name="name">The merged source's name, for the report.</param>
    /// <param name="gazetteer">The merged directory's gazetteer; the first load's when null.</param>
    /// <returns>The merged directory, a report with every source's issues and the merge's own, and the provenance.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There is no load, or a key is not valid or repeats.</exception>
    public static ReferralDirectoryLoad Merge(IReadOnlyList<KeyValuePair<string, ReferralDirectoryLoad>> loads, string name, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(loads);
        ArgumentNullException.ThrowIfNull(name);
        if (loads.Count == 0)
        {
            throw new ArgumentException("There must be at least one load to merge.", nameof(loads));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, load) in loads)
        {
            ArgumentNullException.ThrowIfNull(load);
            MergeSource.CheckKey(key, nameof(loads));
            if (!keys.Add(key))
            {
                throw new ArgumentException($"The source key '{key}' repeats; every source needs its own.", nameof(loads));
            }
        }

        var confidential = new ConfidentialPlaces(loads.SelectMany((l, i) => l.Value.Directory.Organizations
            .SelectMany(o => o.Services).SelectMany(s => s.Locations).Where(l => l.IsConfidential).Select(l => (l, i))));
        var issues = new List<DirectoryImportIssue>();
        var organizations = new List<Organization>();
        var provenance = new List<ServiceProvenance>();
        var provenanceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new Dictionary<string, List<(string Id, ImmutableHashSet<string> Phones)>>(StringComparer.Ordinal);
        var duplicates = 0;
        for (var sourceIndex = 0; sourceIndex < loads.Count; sourceIndex++)
        {
            var (key, load) = loads[sourceIndex];
            issues.AddRange(load.Report.Issues);
            var source = load.Report.Source;
            var fromThisSource = new List<(string Name, string Id, ImmutableHashSet<string> Phones)>();
            foreach (var org in load.Directory.Organizations)
            {
                var orgId = key + "." + org.Id;
                if (orgId.Length > DirectoryValidator.MaxIdLength)
                {
                    issues.Add(new DirectoryImportIssue(DirectoryImportSeverity.Error, source, org.Id, "organizations." + org.Id, $"is too long to merge: with its source key the id passes {DirectoryValidator.MaxIdLength} characters; the organization is left out."));
                    continue;
                }

                var services = new List<Service>();
                foreach (var service in org.Services)
                {
                    var id = key + "." + service.Id;
                    if (id.Length > DirectoryValidator.MaxIdLength)
                    {
                        issues.Add(new DirectoryImportIssue(DirectoryImportSeverity.Error, source, service.Id, "services." + service.Id, $"is too long to merge: with its source key the id passes {DirectoryValidator.MaxIdLength} characters; the service is left out."));
                        continue;
                    }

                    var normalized = NormalizedName(service.Name);
                    var phones = Phones(service);
                    if (kept.TryGetValue(normalized, out var same) && same.FirstOrDefault(k => k.Phones.Overlaps(phones)) is { Id: { } original })
                    {
                        duplicates++;
                        var index = provenanceIndex[original];
                        provenance[index] = provenance[index] with { Duplicates = provenance[index].Duplicates.Add(new ServiceOrigin(key, source, service.Id)) };
                        issues.Add(new DirectoryImportIssue(DirectoryImportSeverity.Warning, source, service.Id, "services." + service.Id, $"is the same service as {original} (same name and a shared phone number); the earlier source's record is kept."));
                        continue;
                    }

                    fromThisSource.Add((normalized, id, phones));
                    services.Add(Copy(service, id, [.. service.Locations.Select(l => !l.IsConfidential && confidential.ElsewhereThan(sourceIndex, l) ? Confidential(l) : l)]));
                    provenanceIndex[id] = provenance.Count;
                    provenance.Add(new ServiceProvenance(id, new ServiceOrigin(key, source, service.Id), []));
                }

                if (services.Count > 0)
                {
                    organizations.Add(new Organization
                    {
                        Id = orgId,
                        Name = org.Name,
                        Kind = org.Kind,
                        Website = org.Website,
                        CoLeadIds = [.. org.CoLeadIds.Select(c => key + "." + c)],
                        Services = [.. services],
                    });
                }
            }

            // Duplicates are looked for across sources only: one source's two records are its own business.
            foreach (var (normalized, id, phones) in fromThisSource)
            {
                if (!kept.TryGetValue(normalized, out var list))
                {
                    kept[normalized] = list = [];
                }

                list.Add((id, phones));
            }
        }

        // A co-lead left out (or merged away) is dropped from the list rather than failing the merge.
        var orgIds = organizations.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var final = organizations.Select(o => o.CoLeadIds.All(orgIds.Contains) ? o : WithCoLeads(o, [.. o.CoLeadIds.Where(orgIds.Contains)])).ToList();
        var directory = ReferralDirectory.Create(final, gazetteer ?? loads[0].Value.Directory.Gazetteer);
        var counts = DirectoryImportReport.ForDirectory(name, directory, []).Counts.SetItem("duplicates", duplicates);
        return new ReferralDirectoryLoad(directory, new DirectoryImportReport(name, counts, issues))
        {
            Provenance = new DirectoryProvenance(provenance),
        };
    }

    /// <summary>The name as duplicates are compared: letters and digits, lower case, runs of anything else one space.</summary>
    public static string NormalizedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The service's phone and text numbers as ten US digits (a leading 1 dropped); others are not compared.</summary>
    internal static ImmutableHashSet<string> Phones(Service service)
    {
        var set = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var contact in service.Contacts)
        {
            if (contact.Channel is Contacts.ContactChannel.Phone or Contacts.ContactChannel.Text)
            {
                var digits = new string([.. contact.Value.Where(char.IsAsciiDigit)]);
                if (digits.Length == 11 && digits[0] == '1')
                {
                    digits = digits[1..];
                }

                if (digits.Length == 10)
                {
                    set.Add(digits);
                }
            }
        }

        return set.ToImmutable();
    }

    private static Service Copy(Service s, string id, ImmutableArray<ServiceLocation> locations) => new()
    {
        Id = id,
        Name = s.Name,
        Types = s.Types,
        Area = s.Area,
        Population = s.Population,
        Languages = s.Languages,
        Availability = s.Availability,
        AcceptsWarmTransfers = s.AcceptsWarmTransfers,
        Capacity = s.Capacity,
        Locations = locations,
        Contacts = s.Contacts,
        LastVerified = s.LastVerified,
    };

    private static ServiceLocation Confidential(ServiceLocation l) => new()
    {
        Name = l.Name,
        StreetAddress = l.StreetAddress,
        City = l.City,
        State = l.State,
        Zip = l.Zip,
        Point = l.Point,
        IsConfidential = true,
    };

    private static Organization WithCoLeads(Organization o, ImmutableArray<string> coLeads) => new()
    {
        Id = o.Id,
        Name = o.Name,
        Kind = o.Kind,
        Website = o.Website,
        CoLeadIds = coLeads,
        Services = o.Services,
    };

    /// <summary>The confidential locations of every source, found by cell of about 0.01 degree or by street address.</summary>
    private sealed class ConfidentialPlaces
    {
        private const double Cell = 0.01;
        private readonly Dictionary<(int, int), List<(GeoPoint Point, int Source)>> _cells = [];
        private readonly Dictionary<string, List<int>> _addresses = new(StringComparer.Ordinal);

        public ConfidentialPlaces(IEnumerable<(ServiceLocation Location, int Source)> locations)
        {
            foreach (var (l, source) in locations)
            {
                var key = CellOf(l.Point);
                if (!_cells.TryGetValue(key, out var list))
                {
                    _cells[key] = list = [];
                }

                list.Add((l.Point, source));
                if (Address(l) is { } address)
                {
                    if (!_addresses.TryGetValue(address, out var sources))
                    {
                        _addresses[address] = sources = [];
                    }

                    sources.Add(source);
                }
            }
        }

        /// <summary>Whether a source other than <paramref name="source"/> has a confidential location at the same place.</summary>
        public bool ElsewhereThan(int source, ServiceLocation l)
        {
            if (Address(l) is { } address && _addresses.TryGetValue(address, out var sources) && sources.Any(s => s != source))
            {
                return true;
            }

            var (la, lo) = CellOf(l.Point);
            for (var i = -1; i <= 1; i++)
            {
                for (var j = -1; j <= 1; j++)
                {
                    if (_cells.TryGetValue((la + i, lo + j), out var points) &&
                        points.Any(p => p.Source != source && GreatCircle.DistanceKilometers(p.Point, l.Point) <= SamePlaceKilometers))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static (int, int) CellOf(GeoPoint p) => ((int)Math.Floor(p.Latitude / Cell), (int)Math.Floor(p.Longitude / Cell));

        private static string? Address(ServiceLocation l) =>
            l.StreetAddress is { Length: > 0 } street ? $"{NormalizedName(street)}|{NormalizedName(l.City)}|{l.State.Code}" : null;
    }
}
