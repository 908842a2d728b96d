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
        var orgById = new Dictionary<string, Organization>(StringComparer.Ordinal);
        var orgPathById = new Dictionary<string, string>(StringComparer.Ordinal);
        var servicePathById = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < organizations.Length; i++)
        {
            var path = $"{root}[{i}]";
            var org = organizations[i];
            if (org is null)
            {
                problems.Add(path, "must not be null.");
                continue;
            }

            if (Id(problems, path + ".id", org.Id) && !orgPathById.TryAdd(org.Id, path))
            {
                problems.Add(path + ".id", $"'{org.Id}' is also the id of {orgPathById[org.Id]}; organization ids must be unique.");
            }
            else if (org.Id is not null)
            {
                orgById.TryAdd(org.Id, org);
            }

            Name(problems, path + ".name", org.Name);
            if (!Enum.IsDefined(org.Kind))
            {
                problems.Add(path + ".kind", "is not a defined organization kind.");
            }

            for (var j = 0; j < org.Services.Length; j++)
            {
                Service(problems, $"{path}.services[{j}]", org.Services[j], servicePathById);
            }
        }

        for (var i = 0; i < organizations.Length; i++)
        {
            if (organizations[i] is { } org)
            {
                CoLeads(problems, $"{root}[{i}]", org, orgById);
            }
        }
    }

    private static void CoLeads(ProblemList problems, string path, Organization org, Dictionary<string, Organization> orgById)
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
            else if (!orgById.TryGetValue(id, out var lead))
            {
                problems.Add(leadPath, $"'{Quote(id)}' is not the id of an organization in the directory.");
            }
            else
            {
                hasLawEnforcement |= lead.Kind == OrganizationKind.LawEnforcement;
                hasProvider |= lead.Kind == OrganizationKind.ServiceProvider;
            }
        }

        if (org.Kind == OrganizationKind.TaskForce && (!hasLawEnforcement || !hasProvider))
        {
            problems.Add(path + ".coLeads", "a task force must be co-led by a lawEnforcement organization and a serviceProvider organization of the directory.");
        }
    }

    private static void Service(ProblemList problems, string path, Service service, Dictionary<string, string> servicePathById)
    {
        if (service is null)
        {
            problems.Add(path, "must not be null.");
            return;
        }

        if (Id(problems, path + ".id", service.Id) && !servicePathById.TryAdd(service.Id, path))
        {
            problems.Add(path + ".id", $"'{service.Id}' is also the id of {servicePathById[service.Id]}; service ids must be unique in the directory.");
        }

        Name(problems, path + ".name", service.Name);
        if (service.Types.IsEmpty)
        {
            problems.Add(path + ".types", "must list at least one service type.");
        }

        Distinct(problems, path + ".types", service.Types, t => ReferralIds.Of(t), Enum.IsDefined);
        if (service.Area is null || service.Area.IsEmpty)
        {
            problems.Add(path + ".area", "must be national or list at least one state, county, ZIP code or radius.");
        }
        else if (service.Area.IsNational && (service.Area.States.Length + service.Area.Counties.Length + service.Area.Zips.Length + service.Area.Radii.Length) > 0)
        {
            problems.Add(path + ".area", "is national, so must not also list states, counties, ZIP codes or radii.");
        }

        Population(problems, path + ".population", service.Population);
        Distinct(problems, path + ".languages", service.Languages, l => l?.Value ?? "null", l => l is not null);
        if (service.Availability is null)
        {
            problems.Add(path + ".availability", "must not be null.");
        }

        if (!Enum.IsDefined(service.Capacity))
        {
            problems.Add(path + ".capacity", "is not a defined capacity.");
        }

        for (var i = 0; i < service.Locations.Length; i++)
        {
            if (service.Locations[i] is null)
            {
                problems.Add($"{path}.locations[{i}]", "must not be null.");
            }
        }

        for (var i = 0; i < service.Contacts.Length; i++)
        {
            if (service.Contacts[i] is null)
            {
                problems.Add($"{path}.contacts[{i}]", "must not be null.");
            }
        }
    }

    private static void Population(ProblemList problems, string path, PopulationServed population)
    {
        if (population is null)
        {
            problems.Add(path, "must not be null.");
            return;
        }

        if (population.MinAge is < 0 or > PopulationServed.MaximumAge)
        {
            problems.Add(path + ".minAge", $"must be from 0 to {PopulationServed.MaximumAge}.");
        }

        if (population.MaxAge is < 0 or > PopulationServed.MaximumAge)
        {
            problems.Add(path + ".maxAge", $"must be from 0 to {PopulationServed.MaximumAge}.");
        }

        if (population.MinAge is { } min && population.MaxAge is { } max && min > max)
        {
            problems.Add(path + ".maxAge", $"must not be less than minAge ({min}).");
        }

        Distinct(problems, path + ".genders", population.Genders, g => ReferralIds.Of(g), Enum.IsDefined);
        Distinct(problems, path + ".immigrationStatuses", population.ImmigrationStatuses, s => ReferralIds.Of(s), Enum.IsDefined);
        for (var i = 0; i < population.TraffickingTypes.Length; i++)
        {
            if (population.TraffickingTypes[i] is not (TraffickingType.Sex or TraffickingType.Labor))
            {
                problems.Add($"{path}.traffickingTypes[{i}]", "must be sex or labor (omit the list to serve both).");
            }
        }

        Distinct(problems, path + ".traffickingTypes", population.TraffickingTypes, t => t.ToString(), _ => true);
    }

    private static void Distinct<T>(ProblemList problems, string path, ImmutableArray<T> items, Func<T, string> name, Func<T, bool> defined)
    {
        var seen = new HashSet<T>();
        for (var i = 0; i < items.Length; i++)
        {
            if (!defined(items[i]))
            {
                problems.Add($"{path}[{i}]", "is not a defined value.");
            }
            else if (!seen.Add(items[i]))
            {
                problems.Add($"{path}[{i}]", $"'{name(items[i])}' is listed twice.");
            }
        }
    }

    private static bool Id(ProblemList problems, string path, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            problems.Add(path, "is required.");
            return false;
        }

        var ok = id.Length <= MaxIdLength;
        foreach (var c in id)
        {
            ok &= char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
        }

        if (!ok)
        {
            problems.Add(path, $"must be 1 to {MaxIdLength} ASCII letters, digits, '.', '_' or '-'.");
        }

        return ok;
    }

    private static void Name(ProblemList problems, string path, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(path, "is required.");
        }
    }

    private static string Quote(string id) => id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "...";
}
