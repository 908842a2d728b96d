using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Referrals;

public class ReferralDirectoryLookupTests
{
    [Property(MaxTest = 100)]
    public Property TryGet_FindsEveryOrganizationAndService_WhateverOrderTheyAreGivenIn() =>
        Prop.ForAll(
            Arb.From(
                from orgs in Gen.Choose(1, 12)
                from shuffle in Gen.Choose(0, int.MaxValue - 1)
                select (orgs, shuffle)),
            c =>
            {
                var random = new System.Random(c.shuffle);
                var organizations = Enumerable.Range(0, c.orgs).Select(i => new Organization
                {
                    Id = $"org-{i * 7 % 10}{i}",
                    Name = $"Org {i}",
                    Kind = OrganizationKind.ServiceProvider,
                    Services = [.. Enumerable.Range(0, random.Next(3)).Select(j => Service($"s{random.Next(1000)}-{i}-{j}"))],
                }).OrderBy(_ => random.Next()).ToList();

                var directory = ReferralDirectory.Create(organizations);

                Assert.Equal(organizations, directory.Organizations);
                foreach (var org in organizations)
                {
                    Assert.True(directory.TryGetOrganization(org.Id, out var found));
                    Assert.Same(org, found);
                    Assert.Same(org, directory.GetOrganization(org.Id));
                    foreach (var service in org.Services)
                    {
                        Assert.True(directory.TryGetService(service.Id, out var s, out var owner));
                        Assert.Same(service, s);
                        Assert.Same(org, owner);
                        Assert.Same(service, directory.GetService(service.Id));
                    }
                }

                foreach (var id in new[] { "", "org-", "org-99", "org-00z", "s", "s999-99-9", "~", "ORG-00" })
                {
                    Assert.False(directory.TryGetOrganization(id, out _));
                    Assert.False(directory.TryGetService(id, out _, out _));
                    Assert.Contains("is not the id of an organization", Assert.Throws<NhtrcValidationException>(() => directory.GetOrganization(id)).Message, System.StringComparison.Ordinal);
                    Assert.Contains("is not the id of a service", Assert.Throws<NhtrcValidationException>(() => directory.GetService(id)).Message, System.StringComparison.Ordinal);
                }

                Assert.False(directory.TryGetOrganization(null, out _));
                Assert.False(directory.TryGetService(null, out _, out _));
            });

    [Fact]
    public void TryGet_OnTheSample_FindsEveryOrganizationAndService()
    {
        var sample = ReferralDirectory.Sample;

        Assert.All(sample.Organizations, org =>
        {
            Assert.True(sample.TryGetOrganization(org.Id, out var found) && found == org);
            Assert.All(org.Services, s => Assert.True(sample.TryGetService(s.Id, out var service, out var owner) && service == s && owner == org));
        });
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
