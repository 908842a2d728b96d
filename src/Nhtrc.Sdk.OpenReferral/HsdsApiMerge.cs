using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Merges the services a <c>modified_after</c> load fetched over the previous load of the same API. A service the
/// changes name (imported, or reported with its id) replaces its previous version: in place when it stays in its
/// organization, else added to its new one; its previous issues go and its new ones come. A new service is added to
/// its organization, a new organization at the end. An organization the changes carry takes their name. Services
/// the changes do not name stay as they were, deleted ones too (<c>modified_after</c> cannot list a deletion).
/// </summary>
internal static class HsdsApiMerge
{
    public static ReferralDirectoryLoad Merge(ReferralDirectoryLoad previous, ReferralDirectoryLoad changes, string source, Gazetteer? gazetteer)
    {
        var changed = new Dictionary<string, (string OrganizationId, Service Service)>(StringComparer.Ordinal);
        foreach (var organization in changes.Directory.Organizations)
        {
            foreach (var service in organization.Services)
            {
                changed[service.Id] = (organization.Id, service);
            }
        }

        var named = new HashSet<string>(changed.Keys, StringComparer.Ordinal);
        foreach (var issue in changes.Report.Issues)
        {
            if (issue.RecordId is { } id)
            {
                named.Add(id);
            }
        }

        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var entries = new Dictionary<string, (Organization Organization, List<Service> Services)>(StringComparer.Ordinal);
        foreach (var organization in previous.Directory.Organizations)
        {
            var services = new List<Service>();
            foreach (var service in organization.Services)
            {
                if (!named.Contains(service.Id))
                {
                    services.Add(service);
                }
                else if (changed.TryGetValue(service.Id, out var replacement) && replacement.OrganizationId == organization.Id)
                {
                    services.Add(replacement.Service);
                    placed.Add(service.Id);
                }
            }

            order.Add(organization.Id);
            entries[organization.Id] = (organization, services);
        }

        foreach (var organization in changes.Directory.Organizations)
        {
            if (entries.TryGetValue(organization.Id, out var entry))
            {
                entries[organization.Id] = (organization, entry.Services);
            }
            else
            {
                order.Add(organization.Id);
                entries[organization.Id] = (organization, entry.Services = []);
            }

            entry.Services.AddRange(organization.Services.Where(s => !placed.Contains(s.Id)));
        }

        var organizations = order
            .Select(id => entries[id])
            .Where(e => e.Services.Count > 0)
            .Select(e => new Organization
            {
                Id = e.Organization.Id,
                Name = e.Organization.Name,
                Kind = e.Organization.Kind,
                Website = e.Organization.Website,
                CoLeadIds = e.Organization.CoLeadIds,
                Services = [.. e.Services],
            })
            .ToList();
        var directory = ReferralDirectory.Create(organizations, gazetteer ?? Gazetteer.Default);
        var issues = previous.Report.Issues.Where(i => i.RecordId is null || !named.Contains(i.RecordId)).Concat(changes.Report.Issues).ToList();
        return new ReferralDirectoryLoad(directory, HsdsMapper.Report(source, directory, issues));
    }
}
