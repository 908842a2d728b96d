using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The rules a directory must satisfy beyond the shape of its values: ids, names, no repeats, non-empty
/// service types and areas, age bounds, trafficking types, and task-force co-lead references. Shared by
/// <see cref="ReferralDirectory.Create"/> and the JSON reader, which pass their own path roots.
/// </summary>
internal static class DirectoryValidator
{
    public const int MaxIdLength = 64;

    /// <summary>The longest organization, service or location name, in UTF-16 code units.</summary>
    public const int MaxNameLength = 300;

    /// <summary>The longest city name.</summary>
    public const int MaxCityLength = 100;

    /// <summary>The longest street address.</summary>
    public const int MaxStreetAddressLength = 500;

    /// <summary>The longest web site or contact value (a phone number, an address, a link).</summary>
    public const int MaxLinkLength = 2048;

    private const int OrganizationsPerRun = 4096;

    public static void Validate(ProblemList problems, ImmutableArray<Organization> organizations, string root) =>
        Validate(problems, organizations, root, OrganizationsPerRun);

    /// <summary>Validates in runs of at least <paramref name="organizationsPerRun"/> organizations when there are two.</summary>
    internal static void Validate(ProblemList problems, ImmutableArray<Organization> organizations, string root, int organizationsPerRun)
    {
        // Paths are only formatted when there is a problem: a directory of 100,000 valid services
        // should not allocate a million strings to say nothing.
        var orgIds = ValidateInParallel(problems, organizations, root, organizationsPerRun) ?? ValidateInOneRun(problems, organizations, root);
        Func<int, string> orgIdAt = n => organizations[n].Id;
        for (var i = 0; i < organizations.Length; i++)
        {
            if (organizations[i] is { } org && (!org.CoLeadIds.IsEmpty || org.Kind == OrganizationKind.TaskForce))
            {
                CoLeads(problems, root, i, organizations, orgIds, orgIdAt);
            }
        }
    }

    // Validates every organization but the co-leads, in order, finding repeated ids; returns the organization ids.
    private static SeenIds ValidateInOneRun(ProblemList problems, ImmutableArray<Organization> organizations, string root)
    {
        var orgIds = new SeenIds(count => OrganizationIdsBefore(organizations, count));
        var serviceIds = new SeenIds(count => ServiceIdsBefore(organizations, count));
        for (var i = 0; i < organizations.Length; i++)
        {
            Organization(problems, root, organizations, i, orgIds, serviceIds);
        }

        return orgIds;
    }

    // Most of validating a large directory is waiting for its objects to come from memory, so one whose
    // ids come in order (the usual case, in which they cannot repeat) is validated in parallel runs of
    // organizations, each with its own problems, listed run after run: the order one run would list them
    // in. Returns the organization ids, or null, having added nothing, when the ids are not all in order.
    private static SeenIds? ValidateInParallel(ProblemList problems, ImmutableArray<Organization> organizations, string root, int organizationsPerRun)
    {
        var runs = Math.Min(organizations.Length / organizationsPerRun, Math.Max(2, Environment.ProcessorCount * 2));
        if (runs < 2)
        {
            return null;
        }

        var runProblems = new ProblemList[runs];
        var runOrgIds = new SeenIds[runs];
        var runServiceIds = new SeenIds[runs];
        var outOfOrder = 0;
        Parallel.For(0, runs, run =>
        {
            var (orgIds, serviceIds) = (runOrgIds[run], runServiceIds[run]) = (new SeenIds(), new SeenIds());
            var found = runProblems[run] = new ProblemList();
            var last = (int)((long)organizations.Length * (run + 1) / runs);
            for (var i = (int)((long)organizations.Length * run / runs); i < last && Volatile.Read(ref outOfOrder) == 0; i++)
            {
                Organization(found, root, organizations, i, orgIds, serviceIds);
                if (orgIds.OutOfOrder || serviceIds.OutOfOrder)
                {
                    Volatile.Write(ref outOfOrder, 1);
                }
            }
        });

        if (outOfOrder != 0 || !SeenIds.InOrder(runOrgIds) || !SeenIds.InOrder(runServiceIds))
        {
            return null;
        }

        foreach (var found in runProblems)
        {
            problems.AddRange(found);
        }

        return SeenIds.Joined(runOrgIds, count => OrganizationIdsBefore(organizations, count));
    }

    private static void Organization(ProblemList problems, string root, ImmutableArray<Organization> organizations, int i, SeenIds orgIds, SeenIds serviceIds)
    {
        var org = organizations[i];
        if (org is null)
        {
            orgIds.Skip();
            problems.Add(OrgPath(root, i, ""), "must not be null.");
            return;
        }

        if (!Id(problems, root, i, -1, ".id", org.Id))
        {
            orgIds.Skip();
        }
        else if (!orgIds.TryAdd(org.Id, out var first))
        {
            problems.Add(OrgPath(root, i, ".id"), $"'{org.Id}' is also the id of {OrgPath(root, first, "")}; organization ids must be unique.");
        }

        if (string.IsNullOrWhiteSpace(org.Name))
        {
            problems.Add(OrgPath(root, i, ".name"), "is required.");
        }

        Length(problems, root, i, -1, ".name", org.Name, MaxNameLength);
        Length(problems, root, i, -1, ".website", org.Website, MaxLinkLength);

        if (!Enum.IsDefined(org.Kind))
        {
            problems.Add(OrgPath(root, i, ".kind"), "is not a defined organization kind.");
        }

        for (var j = 0; j < org.Services.Length; j++)
        {
            Service(problems, root, organizations, i, j, serviceIds);
        }
    }

    // The valid organization ids before position count, with their positions.
    private static IEnumerable<(string Id, int Ordinal)> OrganizationIdsBefore(ImmutableArray<Organization> organizations, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (organizations[i] is { } org && IsValidId(org.Id))
            {
                yield return (org.Id, i);
            }
        }
    }

    // The valid service ids before the count-th service in directory order, with their ordinals there.
    private static IEnumerable<(string Id, int Ordinal)> ServiceIdsBefore(ImmutableArray<Organization> organizations, int count)
    {
        var ordinal = 0;
        foreach (var org in organizations)
        {
            foreach (var service in org?.Services ?? [])
            {
                if (ordinal == count)
                {
                    yield break;
                }

                if (service is not null && IsValidId(service.Id))
                {
                    yield return (service.Id, ordinal);
                }

                ordinal++;
            }
        }
    }

    // The organization and position in it of the ordinal-th service in directory order.
    private static (int Org, int Service) ServicePosition(ImmutableArray<Organization> organizations, int ordinal)
    {
        var i = 0;
        while (ordinal >= (organizations[i]?.Services.Length ?? 0))
        {
            ordinal -= organizations[i]?.Services.Length ?? 0;
            i++;
        }

        return (i, ordinal);
    }

    private static string OrgPath(string root, int org, string member) => $"{root}[{org}]{member}";

    private static string ServicePath(string root, int org, int service, string member) => $"{root}[{org}].services[{service}]{member}";

    private static void CoLeads(ProblemList problems, string root, int i, ImmutableArray<Organization> organizations, SeenIds orgIds, Func<int, string> orgIdAt)
    {
        var org = organizations[i];
        if (!org.CoLeadIds.IsEmpty && org.Kind is not (OrganizationKind.TaskForce or OrganizationKind.Coalition))
        {
            problems.Add(OrgPath(root, i, ".coLeads"), "only a task force or coalition has co-leads.");
            return;
        }

        var hasLawEnforcement = false;
        var hasProvider = false;
        var repeats = new Repeats<string>(org.CoLeadIds.AsSpan(), StringComparer.Ordinal);
        for (var k = 0; k < org.CoLeadIds.Length; k++)
        {
            var id = org.CoLeadIds[k];
            if (id is null || repeats.IsRepeat(k))
            {
                problems.Add(OrgPath(root, i, $".coLeads[{k}]"), id is null ? "must not be null." : $"'{Quote(id)}' is listed twice.");
            }
            else if (id == org.Id)
            {
                problems.Add(OrgPath(root, i, $".coLeads[{k}]"), "an organization cannot co-lead itself.");
            }
            else if (!orgIds.TryGet(id, orgIdAt, out var found))
            {
                problems.Add(OrgPath(root, i, $".coLeads[{k}]"), $"'{Quote(id)}' is not the id of an organization in the directory.");
            }
            else
            {
                var lead = organizations[found];
                hasLawEnforcement |= lead.Kind == OrganizationKind.LawEnforcement;
                hasProvider |= lead.Kind == OrganizationKind.ServiceProvider;
            }
        }

        if (org.Kind == OrganizationKind.TaskForce && (!hasLawEnforcement || !hasProvider))
        {
            problems.Add(OrgPath(root, i, ".coLeads"), "a task force must be co-led by a lawEnforcement organization and a serviceProvider organization of the directory.");
        }
    }

    // Co-lead lists are short, so a repeat is found by comparing with the earlier entries rather than with a set.
    private static void Service(ProblemList problems, string root, ImmutableArray<Organization> organizations, int i, int j, SeenIds serviceIds)
    {
        var service = organizations[i].Services[j];
        if (service is null)
        {
            serviceIds.Skip();
            problems.Add(ServicePath(root, i, j, ""), "must not be null.");
            return;
        }

        if (!Id(problems, root, i, j, ".id", service.Id))
        {
            serviceIds.Skip();
        }
        else if (!serviceIds.TryAdd(service.Id, out var firstOrdinal))
        {
            var first = ServicePosition(organizations, firstOrdinal);
            problems.Add(ServicePath(root, i, j, ".id"), $"'{service.Id}' is also the id of {ServicePath(root, first.Org, first.Service, "")}; service ids must be unique in the directory.");
        }

        if (string.IsNullOrWhiteSpace(service.Name))
        {
            problems.Add(ServicePath(root, i, j, ".name"), "is required.");
        }

        Length(problems, root, i, j, ".name", service.Name, MaxNameLength);

        if (service.Types.IsEmpty)
        {
            problems.Add(ServicePath(root, i, j, ".types"), "must list at least one service type.");
        }

        Distinct(problems, root, i, j, ".types", service.Types, t => WireNames.Of(t), Enum.IsDefined);
        if (service.Area is null || service.Area.IsEmpty)
        {
            problems.Add(ServicePath(root, i, j, ".area"), "must be national or list at least one state, county, ZIP code or radius.");
        }
        else if (service.Area.IsNational && (service.Area.States.Length + service.Area.Counties.Length + service.Area.Zips.Length + service.Area.Radii.Length) > 0)
        {
            problems.Add(ServicePath(root, i, j, ".area"), "is national, so must not also list states, counties, ZIP codes or radii.");
        }

        if (service.Area is { } area)
        {
            NoNulls(problems, root, i, j, ".area.states", area.States);
            NoNulls(problems, root, i, j, ".area.counties", area.Counties);
            NoNulls(problems, root, i, j, ".area.zips", area.Zips);
            for (var k = 0; k < area.Radii.Length; k++)
            {
                // Only a default RadiusArea gets here: its constructor checks the radius.
                if (!RadiusArea.IsValidRadius(area.Radii[k].RadiusKilometers))
                {
                    problems.Add(ServicePath(root, i, j, $".area.radii[{k}].kilometers"), RadiusArea.RadiusMessage);
                }
            }
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
            if (service.Locations[k] is not { } location)
            {
                problems.Add(ServicePath(root, i, j, $".locations[{k}]"), "must not be null.");
                continue;
            }

            // As the JSON reader checks them.
            if (string.IsNullOrWhiteSpace(location.City))
            {
                problems.Add(ServicePath(root, i, j, $".locations[{k}].city"), "is required.");
            }

            Length(problems, root, i, j, ".locations", k, ".name", location.Name, MaxNameLength);
            Length(problems, root, i, j, ".locations", k, ".address", location.StreetAddress, MaxStreetAddressLength);
            Length(problems, root, i, j, ".locations", k, ".city", location.City, MaxCityLength);

            if (location.State is null)
            {
                problems.Add(ServicePath(root, i, j, $".locations[{k}].state"), "is required.");
            }
            else if (location.Zip is { } zip && zip.State != location.State)
            {
                problems.Add(ServicePath(root, i, j, $".locations[{k}].zip"), $"is in {zip.State.Code}, not {location.State.Code}.");
            }
        }

        for (var k = 0; k < service.Contacts.Length; k++)
        {
            if (service.Contacts[k] is not { } contact)
            {
                problems.Add(ServicePath(root, i, j, $".contacts[{k}]"), "must not be null.");
            }
            else if (!Enum.IsDefined(contact.Channel))
            {
                problems.Add(ServicePath(root, i, j, $".contacts[{k}].channel"), $"{(int)contact.Channel} is not a defined contact channel.");
            }
            else
            {
                Length(problems, root, i, j, ".contacts", k, ".value", contact.Value, MaxLinkLength);
            }
        }
    }

    // Items made in code may be null; indexing and matching read every one.
    private static void NoNulls<T>(ProblemList problems, string root, int i, int j, string member, ImmutableArray<T> items)
        where T : class
    {
        for (var k = 0; k < items.Length; k++)
        {
            if (items[k] is null)
            {
                problems.Add(ServicePath(root, i, j, $"{member}[{k}]"), "must not be null.");
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

        Distinct(problems, root, i, j, ".population.genders", population.Genders, g => WireNames.Of(g), Enum.IsDefined);
        Distinct(problems, root, i, j, ".population.immigrationStatuses", population.ImmigrationStatuses, s => WireNames.Of(s), Enum.IsDefined);
        for (var k = 0; k < population.TraffickingTypes.Length; k++)
        {
            if (population.TraffickingTypes[k] is not (TraffickingType.Sex or TraffickingType.Labor))
            {
                problems.Add(ServicePath(root, i, j, $".population.traffickingTypes[{k}]"), "must be sex or labor (omit the list to serve both).");
            }
        }

        Distinct(problems, root, i, j, ".population.traffickingTypes", population.TraffickingTypes, t => t.ToString(), _ => true);
    }

    private static void Distinct<T>(ProblemList problems, string root, int i, int j, string member, ImmutableArray<T> items, Func<T, string> name, Func<T, bool> defined)
    {
        var repeats = new Repeats<T>(items.AsSpan());
        for (var k = 0; k < items.Length; k++)
        {
            if (!defined(items[k]))
            {
                problems.Add(ServicePath(root, i, j, $"{member}[{k}]"), "is not a defined value.");
            }
            else if (repeats.IsRepeat(k))
            {
                problems.Add(ServicePath(root, i, j, $"{member}[{k}]"), $"'{name(items[k])}' is listed twice.");
            }
        }
    }

    // Text longer than its field allows (a name, an address, a link): said without echoing any of it. The member of
    // a list item is formatted only for a problem: a valid directory of 100,000 services formats no paths.
    private static void Length(ProblemList problems, string root, int i, int j, string list, int k, string member, string? text, int max)
    {
        if (text is not null && text.Length > max)
        {
            Length(problems, root, i, j, $"{list}[{k}]{member}", text, max);
        }
    }

    private static void Length(ProblemList problems, string root, int i, int j, string member, string? text, int max)
    {
        if (text is not null && text.Length > max)
        {
            problems.Add(j < 0 ? OrgPath(root, i, member) : ServicePath(root, i, j, member), $"must be at most {max} characters.");
        }
    }

    private static bool IsValidId([NotNullWhen(true)] string? id)
    {
        var ok = !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength;
        foreach (var c in id ?? "")
        {
            ok &= char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
        }

        return ok;
    }

    private static bool Id(ProblemList problems, string root, int i, int j, string member, [NotNullWhen(true)] string? id)
    {
        var ok = IsValidId(id);
        if (!ok)
        {
            var path = j < 0 ? OrgPath(root, i, member) : ServicePath(root, i, j, member);
            problems.Add(path, string.IsNullOrEmpty(id) ? "is required." : $"must be 1 to {MaxIdLength} ASCII letters, digits, '.', '_' or '-'.");
        }

        return ok;
    }

    /// <summary>
    /// The valid ids seen so far, in the order Validate sees them, each with its ordinal: how many items
    /// (with or without a valid id) came before it. Directories are usually written in id order, and ids in
    /// ascending ordinal order are unique, so while they come in order nothing is stored; the first one out
    /// of order moves the ids seen before it (replayed from the directory) into a dictionary. Without a
    /// replay (a run of a parallel pass) it only notes that the ids came out of order.
    /// </summary>
    private sealed class SeenIds(Func<int, IEnumerable<(string Id, int Ordinal)>>? seenBefore = null)
    {
        private Dictionary<string, int>? _byId;

        /// <summary>The first valid id, when every one came in order.</summary>
        public string? First { get; private set; }

        /// <summary>The last valid id, when every one came in order.</summary>
        public string? Last { get; private set; }

        /// <summary>How many items were counted.</summary>
        public int Count { get; private set; }

        /// <summary>True when an item had no valid id.</summary>
        public bool Skipped { get; private set; }

        /// <summary>True when, without a replay, an id came that was not after the last.</summary>
        public bool OutOfOrder { get; private set; }

        /// <summary>True when the valid ids of the runs, one after another, are in order.</summary>
        public static bool InOrder(SeenIds[] runs)
        {
            string? last = null;
            foreach (var run in runs)
            {
                if (run.OutOfOrder || (last is not null && run.First is not null && string.CompareOrdinal(last, run.First) >= 0))
                {
                    return false;
                }

                last = run.Last ?? last;
            }

            return true;
        }

        /// <summary>The ids of runs that are <see cref="InOrder"/>, as if one had seen them all.</summary>
        public static SeenIds Joined(SeenIds[] runs, Func<int, IEnumerable<(string Id, int Ordinal)>> seenBefore)
        {
            var joined = new SeenIds(seenBefore);
            foreach (var run in runs)
            {
                joined.First ??= run.First;
                joined.Last = run.Last ?? joined.Last;
                joined.Count += run.Count;
                joined.Skipped |= run.Skipped;
            }

            return joined;
        }

        /// <summary>Counts an item without a valid id, which takes no part in uniqueness or lookups.</summary>
        public void Skip()
        {
            Count++;
            Skipped = true;
        }

        /// <summary>Adds a valid id; false, with the ordinal of its first item, when it was seen before.</summary>
        public bool TryAdd(string id, out int first)
        {
            first = -1;
            if (_byId is null && (Last is null || string.CompareOrdinal(Last, id) < 0))
            {
                First ??= id;
                Last = id;
                Count++;
                return true;
            }

            if (seenBefore is null)
            {
                OutOfOrder = true;
                Count++;
                return true;
            }

            var byId = ById();
            var added = byId.TryAdd(id, Count++);
            if (!added)
            {
                first = byId[id];
            }

            return added;
        }

        /// <summary>
        /// Finds the ordinal of the item with a valid id, once every item is counted: while every item had a
        /// valid id, in order, by a binary search with <paramref name="idAt"/> (the id of an ordinal).
        /// </summary>
        public bool TryGet(string id, Func<int, string> idAt, out int ordinal)
        {
            if (_byId is not null || Skipped)
            {
                return ById().TryGetValue(id, out ordinal);
            }

            ordinal = SortedIds.Find(idAt, Count, static (at, k) => at(k), id);
            return ordinal >= 0;
        }

        private Dictionary<string, int> ById()
        {
            if (_byId is null)
            {
                _byId = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (id, ordinal) in seenBefore!(Count))
                {
                    _byId.TryAdd(id, ordinal);
                }
            }

            return _byId;
        }
    }

    private static string Quote(string id) => id.Length <= MaxIdLength ? id : id[..MaxIdLength] + "...";
}
