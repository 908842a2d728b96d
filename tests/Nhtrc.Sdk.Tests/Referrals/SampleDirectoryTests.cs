using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

public class SampleDirectoryTests
{
    private static readonly ReferralDirectory Sample = ReferralDirectory.Sample;

    [Fact]
    public void Sample_HasTheAdvertisedShape()
    {
        var orgs = Sample.Organizations;
        Assert.Equal(3531, orgs.Length); // 3,500 in the states and DC, then 31 planned in the territories
        Assert.Equal(42, orgs.Count(o => o.Kind == OrganizationKind.TaskForce));
        Assert.Equal(25, orgs.Count(o => o.Kind == OrganizationKind.Coalition));
        Assert.InRange(orgs.Count(o => o.Kind == OrganizationKind.ServiceProvider), 2500, 3100);
        Assert.All(Enum.GetValues<OrganizationKind>(), k => Assert.Contains(orgs, o => o.Kind == k));

        var states = orgs.SelectMany(o => o.Services).SelectMany(s => s.Locations).Select(l => l.State).ToHashSet();
        Assert.Equal(UsState.All.Length, states.Count);

        var types = orgs.SelectMany(o => o.Services).SelectMany(s => s.Types).ToHashSet();
        Assert.Equal(Enum.GetValues<ServiceType>().Length, types.Count);
    }

    [Fact]
    public void Sample_IsClearlyFictional()
    {
        Assert.All(Sample.Organizations, o =>
        {
            Assert.EndsWith("(fictional)", o.Name, System.StringComparison.Ordinal);
            Assert.EndsWith(".example.org", o.Website, System.StringComparison.Ordinal);
            Assert.All(o.Services.SelectMany(s => s.Contacts).Where(c => c.Channel == ContactChannel.Phone),
                c => Assert.Matches(@"^\+1-\d{3}-555-01\d\d$", c.Value));
        });
    }

    [Fact]
    public void Sample_TaskForces_AreCoLedByLawEnforcementAndAProvider()
    {
        Assert.All(Sample.Organizations.Where(o => o.Kind == OrganizationKind.TaskForce), tf =>
        {
            var kinds = tf.CoLeadIds.Select(id => Sample.TryGetOrganization(id, out var o) ? o.Kind : (OrganizationKind?)null).ToList();
            Assert.Contains(OrganizationKind.LawEnforcement, kinds.Cast<OrganizationKind>());
            Assert.Contains(OrganizationKind.ServiceProvider, kinds.Cast<OrganizationKind>());
        });
    }

    [Fact]
    public void Sample_AnswersAShelterQueryInHouston()
    {
        var result = Sample.Match(new ReferralQuery
        {
            Needs = [ServiceType.EmergencyShelter, ServiceType.LegalServices],
            Place = ReferralPlace.FromZip("77002"),
            At = Instant.FromUtc(2026, 7, 2, 22, 0),
            Urgency = Urgency.Urgent,
        });

        Assert.NotEmpty(result.Matches);
        Assert.Empty(result.UncoveredNeeds);
        Assert.All(result.Matches.SelectMany(m => m.Locations).Where(l => l.IsConfidential), l => Assert.Null(l.StreetAddress));
    }
}
