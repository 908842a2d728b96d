using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Referrals;

public class DirectoryValidatorTests
{
    private static readonly string[] OrgIds = ["a", "b", "c", "a.b", "B", "", "bad id"];
    private static readonly string[] ServiceIds = ["s1", "s2", "s10", "S1", "t", "", "x y"];

    // Ids drawn from small pools, so that repeats, ids out of order, invalid ids and unknown co-leads are common.
    [Property(MaxTest = 300)]
    public Property RepeatedIdsAndUnknownCoLeads_AreReportedAsADictionaryOfFirstSightingsWould() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue - 1)),
            seed =>
            {
                var random = new System.Random(seed);
                var organizations = Enumerable.Range(0, 1 + random.Next(8)).Select(i => new Organization
                {
                    Id = OrgIds[random.Next(OrgIds.Length)],
                    Name = "Org",
                    Kind = random.Next(3) == 0 ? OrganizationKind.Coalition : OrganizationKind.ServiceProvider,
                    CoLeadIds = random.Next(3) == 0 ? [.. Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(5) == 0 ? "zz" : OrgIds[random.Next(OrgIds.Length)])] : [],
                    Services = [.. Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(10) == 0 ? null! : Service(ServiceIds[random.Next(ServiceIds.Length)]))],
                }).ToList();

                var problems = Problems(organizations).Where(p => p.Contains("is also the id of") || p.Contains("not the id of an organization"));

                Assert.Equal(Expected(organizations), problems);
            });

    // Ids mostly in order (so runs validated in parallel usually stand), with now and then a repeat, an id
    // out of order, an invalid id, a null organization or service, a blank name or a co-lead reference.
    [Property(MaxTest = 300)]
    public Property ValidatingInParallelRuns_ListsTheProblemsOneRunLists_InTheSameOrder() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue - 1)),
            seed =>
            {
                var random = new System.Random(seed);
                var rare = 3 + random.Next(40);
                string Id(string prefix, int n, string previous) => random.Next(rare) switch
                {
                    0 => previous,
                    1 => prefix + "0",
                    2 => "bad id",
                    _ => $"{prefix}{n:D4}",
                };

                var organizations = new List<Organization>();
                var lastOrg = "o";
                var lastService = "s";
                var services = 0;
                for (var i = 0; i < 2 + random.Next(14); i++)
                {
                    if (random.Next(rare) == 0)
                    {
                        organizations.Add(null!);
                        continue;
                    }

                    lastOrg = Id("o", i + 1, lastOrg);
                    var list = new List<Service>();
                    for (var j = random.Next(3); j > 0; j--)
                    {
                        lastService = Id("s", ++services, lastService);
                        list.Add(random.Next(rare) == 0 ? null! : Service(lastService, random.Next(rare) == 0 ? " " : "S"));
                    }

                    organizations.Add(new Organization
                    {
                        Id = lastOrg,
                        Name = random.Next(rare) == 0 ? "" : "Org",
                        Kind = random.Next(4) == 0 ? OrganizationKind.TaskForce : OrganizationKind.ServiceProvider,
                        CoLeadIds = random.Next(4) == 0 ? [$"o{random.Next(1, 20):D4}", $"o{random.Next(1, 20):D4}"] : [],
                        Services = [.. list],
                    });
                }

                var parallel = new ProblemList();
                DirectoryValidator.Validate(parallel, [.. organizations], "organizations", organizationsPerRun: 1);
                var oneRun = new ProblemList();
                DirectoryValidator.Validate(oneRun, [.. organizations], "organizations", organizationsPerRun: int.MaxValue);

                Assert.Equal(Listed(oneRun), Listed(parallel));
            });

    private static IEnumerable<string> Listed(ProblemList problems)
    {
        try
        {
            problems.ThrowIfAny("directory");
            return [];
        }
        catch (NhtrcValidationException e)
        {
            return e.Problems.Select(p => $"{p.Location}: {p.Message}");
        }
    }

    private static List<string> Expected(List<Organization> organizations)
    {
        var expected = new List<string>();
        var orgs = new Dictionary<string, int>();
        var services = new Dictionary<string, string>();
        for (var i = 0; i < organizations.Count; i++)
        {
            var org = organizations[i];
            if (Valid(org.Id) && !orgs.TryAdd(org.Id, i))
            {
                expected.Add($"organizations[{i}].id: '{org.Id}' is also the id of organizations[{orgs[org.Id]}]; organization ids must be unique.");
            }

            for (var j = 0; j < org.Services.Length; j++)
            {
                var s = org.Services[j];
                if (s is not null && Valid(s.Id) && !services.TryAdd(s.Id, $"organizations[{i}].services[{j}]"))
                {
                    expected.Add($"organizations[{i}].services[{j}].id: '{s.Id}' is also the id of {services[s.Id]}; service ids must be unique in the directory.");
                }
            }
        }

        for (var i = 0; i < organizations.Count; i++)
        {
            var org = organizations[i];
            if (org.Kind != OrganizationKind.Coalition)
            {
                continue;
            }

            var seen = new HashSet<string>();
            for (var k = 0; k < org.CoLeadIds.Length; k++)
            {
                var id = org.CoLeadIds[k];
                if (seen.Add(id) && id != org.Id && !orgs.ContainsKey(id))
                {
                    expected.Add($"organizations[{i}].coLeads[{k}]: '{id}' is not the id of an organization in the directory.");
                }
            }
        }

        return expected;
    }

    private static bool Valid(string id) => id.Length > 0 && !id.Contains(' ');

    private static IEnumerable<string> Problems(List<Organization> organizations)
    {
        try
        {
            ReferralDirectory.Create(organizations);
            return [];
        }
        catch (NhtrcValidationException e)
        {
            return e.Problems.Select(p => $"{p.Location}: {p.Message}");
        }
    }

    private static Service Service(string id, string name = "S") => new()
    {
        Id = id,
        Name = name,
        Types = [ServiceType.Housing],
        Area = ServiceArea.Nationwide,
        LastVerified = new NodaTime.LocalDate(2026, 1, 1),
    };
}
