using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The rules a directory must satisfy beyond the shape of its values: ids, names, no repeats, non-empty
/// service types and areas, age bounds, trafficking types, and task-force co-lead references. Shared by
/// <see cref="ReferralDirectory.Create"/> and the JSON reader, which pass their own path roots.
/// </summary>
internal static class DirectoryValidator
{
    public const int MaxIdLength = 64;

    public static void Validate(ProblemList problems, ImmutableArray<Organization> organizations, string root)
    {
        // Paths are only formatted when there is a problem: a directory of 100,000 valid services
        // should not allocate a million strings to say nothing.
        var orgById = new Dictionary<string, (Organization Org, int Index)>(organizations.Length, StringComparer.Ordinal);
        var serviceById = new Dictionary<string, (int Org, int Service)>(StringComparer.Ordinal);
        for (var i = 0; i < organizations.Length; i++)
        {
            var org = organizations[i];
            if (org is null)
            {
                problems.Add(OrgPath(root, i, ""), "must not be null.");
                continue;
            }

            if (Id(problems, root, i, -1, ".id", org.Id) && !orgById.TryAdd(org.Id, (org, i)))
            {
                problems.Add(OrgPath(root, i, ".id"), $"'{org.Id}' is also the id of {OrgPath(root, orgById[org.Id].Index, "")}; organization ids must be unique.");
            }

            if (string.IsNullOrWhiteSpace(org.Name))
            {
                problems.Add(OrgPath(root, i, ".name"), "is required.");
            }

            if (!Enum.IsDefined(org.Kind))
            {
                problems.Add(OrgPath(root, i, ".kind"), "is not a defined organization kind.");
            }

            for (var j = 0; j < org.Services.Length; j++)
            {
                Service(problems, root, i, j, org.Services[j], serviceById);
            }
        }

        for (var i = 0; i < organizations.Length; i++)
        {
            if (organizations[i] is { } org && (!org.CoLeadIds.IsEmpty || org.Kind == OrganizationKind.TaskForce))
            {
                CoLeads(problems, OrgPath(root, i, ""), org, orgById);
            }
        }
    }

    private static string OrgPath(string root, int org, string member) => $"{root}[{org}]{member}";

    private static string ServicePath(string root, int org, int service, string member) => $"{root}[{org}].services[{service}]{member}";

    private static void CoLeads(ProblemList problems, string path, Organization org, Dictionary<string, (Organization Org, int Index)> orgById)
    {
        if (!org.CoLeadIds.IsEmpty && org.Kind is not (OrganizationKind.TaskForce or OrganizationKind.Coalition))
        {
            problems.Add(path + ".coLeads", "only a task force or coalition has co-leads.");
            return;
        }

        var hasLawEnforcement = false;
        var hasProvider = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < org.CoLeadIds.Length; k++)
        {
            var id = org.CoLeadIds[k];
            var leadPath = $"{path}.coLeads[{k}]";
            if (id is null || !seen.Add(id))
            {
                problems.Add(leadPath, id is null ? "must not be null." : $"'{id}' is listed twice.");
            }
            else if (id == org.Id)
            {
                problems.Add(leadPath, "an organization cannot co-lead itself.");
            }
            else if (!orgById.TryGetValue(id, out var found))
            {
                problems.Add(leadPath, $"'{Quote(id)}' is not the id of an organization in the directory.");
            }
            else
            {
                var lead = found.Org;
                hasLawEnforcement |= lead.Kind == OrganizationKind.LawEnforcement;
                hasProvider |= lead.Kind == OrganizationKind.ServiceProvider;
            }
        }

        if (org.Kind == OrganizationKind.TaskForce && (!hasLawEnforcement || !hasProvider))
        {
            problems.Add(path + ".coLeads", "a task force must be co-led by a lawEnforcement organization and a serviceProvider organization of the directory.");
        }
    }

    private static void Service(ProblemList problems, string root, int i, int j, Service service, Dictionary<string, (int Org, int Service)> serviceById)
    {
        if (service is null)
        {
            problems.Add(ServicePath(root, i, j, ""), "must not be null.");
            return;
        }

        if (Id(problems, root, i, j, ".id", service.Id) && !serviceById.TryAdd(service.Id, (i, j)))
        {
            var first = serviceById[service.Id];
            problems.Add(ServicePath(root, i, j, ".id"), $"'{service.Id}' is also the id of {ServicePath(root, first.Org, first.Service, "")}; service ids must be unique in the directory.");
        }

        if (string.IsNullOrWhiteSpace(service.Name))
        {
            problems.Add(ServicePath(root, i, j, ".name"), "is required.");
        }

        if (service.Types.IsEmpty)
        {
            problems.Add(ServicePath(root, i, j, ".types"), "must list at least one service type.");
        }

        Distinct(problems, root, i, j, ".types", service.Types, t => ReferralIds.Of(t), Enum.IsDefined);
        if (service.Area is null || service.Area.IsEmpty)
        {
            problems.Add(ServicePath(root, i, j, ".area"), "must be national or list at least one state, county, ZIP code or radius.");
        }
        else if (service.Area.IsNational && (service.Area.States.Length + service.Area.Counties.Length + service.Area.Zips.Length + service.Area.Radii.Length) > 0)
        {
            problems.Add(ServicePath(root, i, j, ".area"), "is national, so must not also list states, counties, ZIP codes or radii.");
        }

        Population(problems, root, i, j, service.Population);
        Distinct(problems, root, i, j, ".languages", service.Languages, l => l?.Value ?? "null", l => l is not null);
        if (service.Availability is null)
        {
            problems.Add(ServicePath(root, i, j, ".availability"), "must not be null.");
        }

        if (!Enum.IsDefined(service.Capacity))
        {
            problems.Add(ServicePath(root, i, j, ".capacity"), "is not a defined capacity.");
        }

        for (var k = 0; k < service.Locations.Length; k++)
        {
            if (service.Locations[k] is null)
            {
                problems.Add(ServicePath(root, i, j, $".locations[{k}]"), "must not be null.");
            }
        }

        for (var k = 0; k < service.Contacts.Length; k++)
        {
            if (service.Contacts[k] is null)
            {
                problems.Add(ServicePath(root, i, j, $".contacts[{k}]"), "must not be null.");
            }
        }
    }

    private static void Population(ProblemList problems, string root, int i, int j, PopulationServed population)
    {
        if (population is null)
        {
            problems.Add(ServicePath(root, i, j, ".population"), "must not be null.");
            return;
        }

        if (population.MinAge is < 0 or > PopulationServed.MaximumAge)
        {
            problems.Add(ServicePath(root, i, j, ".population.minAge"), $"must be from 0 to {PopulationServed.MaximumAge}.");
        }

        if (population.MaxAge is < 0 or > PopulationServed.MaximumAge)
        {
            problems.Add(ServicePath(root, i, j, ".population.maxAge"), $"must be from 0 to {PopulationServed.MaximumAge}.");
        }

        if (population.MinAge is { } min && population.MaxAge is { } max && min > max)
        {
            problems.Add(ServicePath(root, i, j, ".population.maxAge"), $"must not be less than minAge ({min}).");
        }

        Distinct(problems, root, i, j, ".population.genders", population.Genders, g => ReferralIds.Of(g), Enum.IsDefined);
        Distinct(problems, root, i, j, ".population.immigrationStatuses", population.ImmigrationStatuses, s => ReferralIds.Of(s), Enum.IsDefined);
        for (var k = 0; k < population.TraffickingTypes.Length; k++)
        {
            if (population.TraffickingTypes[k] is not (TraffickingType.Sex or TraffickingType.Labor))
            {
                problems.Add(ServicePath(root, i, j, $".population.traffickingTypes[{k}]"), "must be sex or labor (omit the list to serve both).");
            }
        }

        Distinct(problems, root, i, j, ".population.traffickingTypes", population.TraffickingTypes, t => t.ToString(), _ => true);
    }

    // Lists are short, so repeats are found by comparing pairs rather than allocating a set per list.
    private static void Distinct<T>(ProblemList problems, string root, int i, int j, string member, ImmutableArray<T> items, Func<T, string> name, Func<T, bool> defined)
    {
        for (var k = 0; k < items.Length; k++)
        {
            if (!defined(items[k]))
            {
                problems.Add(ServicePath(root, i, j, $"{member}[{k}]"), "is not a defined value.");
                continue;
            }

            for (var m = 0; m < k; m++)
            {
                if (EqualityComparer<T>.Default.Equals(items[m], items[k]))
                {
                    problems.Add(ServicePath(root, i, j, $"{member}[{k}]"), $"'{name(items[k])}' is listed twice.");
                    break;
                }
            }
        }
    }

    private static bool Id(ProblemList problems, string root, int i, int j, string member, string? id)
    {
        var ok = !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength;
        foreach (var c in id ?? "")
        {
            ok &= char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
        }

        if (!ok)
        {
            var path = j < 0 ? OrgPath(root, i, member) : ServicePath(root, i, j, member);
            problems.Add(path, string.IsNullOrEmpty(id) ? "is required." : $"must be 1 to {MaxIdLength} ASCII letters, digits, '.', '_' or '-'.");
        }

        return ok;
    }

    private static string Quote(string id) => id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "...";
}
