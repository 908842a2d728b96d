using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

// Verification dates in year 0 and before (and at the ends of NodaTime's range) are dates like any other:
// the directory builds and matching scores their freshness. A query instant before year 1 is a problem at At;
// nothing else comes out.
public class ReferralYearEdgeTests
{
    private static readonly LocalDate[] Dates =
    [
        LocalDate.MinIsoValue, new(-1, 1, 1), new(0, 6, 1), new(0, 12, 31), new(1, 1, 1), new(2026, 7, 1), new(9999, 12, 31), LocalDate.MaxIsoValue,
    ];

    private static readonly ReferralDirectory Directory = ReferralDirectory.Create(Dates.Select((d, i) => new Organization
    {
        Id = $"org-{i}",
        Name = "Org",
        Kind = OrganizationKind.ServiceProvider,
        Services = [new Service { Id = $"s{i}", Name = "S", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, LastVerified = d }],
    }));

    [Fact]
    public void Create_WithVerificationDatesInYearZeroAndBefore_Builds()
    {
        Assert.Equal(Dates.Length, Directory.ServiceCount);
    }

    [Fact]
    public void Parse_WithLastVerifiedInYearZeroAndBefore_Builds()
    {
        foreach (var date in new[] { "0000-06-01", "-0001-01-01" })
        {
            var json = DirectoryJsonTests.Valid.Replace("\"lastVerified\": \"2025-12-01\"", $"\"lastVerified\": \"{date}\"", System.StringComparison.Ordinal);

            var directory = ReferralDirectoryJson.Parse(json);

            Assert.True(directory.TryGetService("svc-tf", out var service, out _));
            Assert.Equal(0, service.LastVerified.Year - (date[0] == '-' ? -1 : 0));
        }
    }

    [Theory]
    [InlineData(-62_135_596_800L)] // 0001-01-01T00:00:00Z
    [InlineData(1_782_000_000L)]
    [InlineData(253_402_300_799L)] // 9999-12-31T23:59:59Z
    public void Match_AtInstantsAcrossTheWholeRange_ScoresFreshnessBetweenZeroAndTen(long unixSeconds)
    {
        Check(Instant.FromUnixTimeSeconds(unixSeconds));
    }

    [Fact]
    public void Match_AtTheLastInstant_ScoresFreshness()
    {
        Check(Instant.MaxValue);
    }

    [Theory]
    [InlineData(-62_135_596_801L, 0)] // 0000-12-31T23:59:59Z
    [InlineData(-62_167_219_200L, 0)] // 0000-01-01T00:00:00Z
    [InlineData(-62_198_755_200L, -1)]
    public void Match_AtAnInstantBeforeYearOne_IsAProblemAtAt(long unixSeconds, int year)
    {
        AssertProblemAtAt(Instant.FromUnixTimeSeconds(unixSeconds), year);
    }

    [Fact]
    public void Match_AtTheFirstInstant_IsAProblemAtAt()
    {
        AssertProblemAtAt(Instant.MinValue, -9998);
    }

    private static void AssertProblemAtAt(Instant at, int year)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => Directory.Match(Query(at)));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("At", problem.Location);
        Assert.Equal($"is in year {year}; a query must be in the years 1 to 9999.", problem.Message);
    }

    private static ReferralQuery Query(Instant at) => new() { Needs = [ServiceType.Housing], Place = ReferralPlace.FromZip("20001"), At = at, Count = 100 };

    [Theory]
    [InlineData(0, 12, 31, 1, 1, 1, "1 day")]
    [InlineData(-1, 1, 1, 1, 1, 1, "731 days")]
    [InlineData(0, 6, 1, 1, 12, 31, "578 days")]
    [InlineData(2026, 7, 1, 2028, 7, 1, "731 days")]
    public void Freshness_CountsTheDaysAcrossYearZero(int y, int m, int d, int queryYear, int queryMonth, int queryDay, string days)
    {
        var verified = new LocalDate(y, m, d);
        var result = Directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.Housing],
            Place = ReferralPlace.FromZip("20001"),
            At = Instant.FromUtc(queryYear, queryMonth, queryDay, 12, 0),
            Count = 100,
        });

        var match = result.Matches.Single(m => m.LastVerified == verified);
        Assert.EndsWith($"({days} before the query)", match.Breakdown.Single(c => c.Factor == ReferralFactor.Freshness).Reason, System.StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property Match_AtAnyInstant_ScoresFreshnessOrIsAProblemAtAt() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(-9998, 9999)),
            Arb.From(Gen.Choose(0, 364 * 24)),
            (year, hours) =>
            {
                var at = Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromHours(hours);
                if (year >= 1)
                {
                    Check(at);
                }
                else
                {
                    AssertProblemAtAt(at, year);
                }
            });

    private static void Check(Instant at)
    {
        var result = Directory.Match(Query(at));

        Assert.Equal(Dates.Length, result.Matches.Length);
        Assert.All(result.Matches, m =>
        {
            var freshness = m.Breakdown.Single(c => c.Factor == ReferralFactor.Freshness);
            Assert.InRange(freshness.Points, 0, freshness.MaxPoints);
        });
    }
}
