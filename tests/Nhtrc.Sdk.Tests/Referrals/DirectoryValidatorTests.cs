using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Referrals;

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

    private static Service Service(string id) => new()
    {
        Id = id,
        Name = "S",
        Types = [ServiceType.Housing],
        Area = ServiceArea.Nationwide,
        LastVerified = new NodaTime.LocalDate(2026, 1, 1),
    };
}
