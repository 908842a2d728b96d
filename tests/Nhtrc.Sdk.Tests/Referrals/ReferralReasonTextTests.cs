using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

public sealed class ReferralReasonTextTests
{
    [Fact]
    public void OneNeed_SaysItCoversTheNeed_AndCountsDaysInTheSingularWhenOne()
    {
        var directory = ReferralDirectory.Sample;
        var first = ReferralDirectory.Sample.Match(new ReferralQuery
        {
            Needs = [ServiceType.EmergencyShelter],
            Place = ReferralPlace.FromZip("10001"),
            At = Instant.FromUtc(2026, 6, 18, 0, 0),
        }).Matches[0];

        var needs = first.Breakdown.Single(c => c.Factor == ReferralFactor.NeedsCovered);
        Assert.Equal("covers the need", needs.Reason);

        // Query exactly one day after the match's verification date.
        var verified = directory.Organizations.SelectMany(o => o.Services).Single(s => s.Id == first.ServiceId).LastVerified;
        var dayAfter = directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.EmergencyShelter],
            Place = ReferralPlace.FromZip("10001"),
            At = verified.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(),
        }).Matches.Single(m => m.ServiceId == first.ServiceId);
        Assert.EndsWith("(1 day before the query)", dayAfter.Breakdown.Single(c => c.Factor == ReferralFactor.Freshness).Reason, System.StringComparison.Ordinal);
    }
}
