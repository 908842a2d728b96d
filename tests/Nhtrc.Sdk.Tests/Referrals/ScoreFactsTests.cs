using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// The ranking factors as data (<see cref="ScoreComponent"/>'s facts) say what the English reasons say: a naive
/// wording of the facts, written here without the matcher's code, is the reason; and the availability's next closing
/// or opening keeps the calendar's laws.
/// </summary>
[Properties(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 200)]
public sealed class ScoreFactsTests
{
    [Property]
    public void Facts_WordedNaively_AreTheEnglishReason(ReferralCase c)
    {
        var result = c.Directory.Match(c.Query);
        foreach (var match in result.Matches)
        {
            Assert.Equal(8, match.Breakdown.Length);
            foreach (var component in match.Breakdown)
            {
                var naive = NaiveReason(component, match, c.Query);
                if (component.Factor == ReferralFactor.Locality)
                {
                    // The place's own name (a ZIP code, county or state) is the query's, so only the wording of the level is checked.
                    Assert.StartsWith(naive, component.Reason, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(naive, component.Reason);
                }

                AssertOnlyItsOwnFacts(component);
            }

            var availability = match.Breakdown.Single(f => f.Factor == ReferralFactor.Availability);
            Assert.Equal(match.IsAlwaysOpen, availability.Availability == AvailabilityState.AlwaysOpen);
            Assert.Equal(match.IsOpenAtQueryTime && !match.IsAlwaysOpen, availability.Availability == AvailabilityState.OpenNow);
            Assert.Equal(match.Coverage, match.Breakdown.Single(f => f.Factor == ReferralFactor.Locality).Coverage);
            Assert.Equal(match.CoveredNeeds.Length, match.Breakdown.Single(f => f.Factor == ReferralFactor.NeedsCovered).NeedsCovered);
        }
    }

    [Property]
    public void ClosesAtAndOpensAt_AreTheCalendarsNextChange(ReferralCase c)
    {
        var services = c.Directory.Organizations.SelectMany(o => o.Services).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var at = c.Query.At;
        foreach (var match in c.Directory.Match(c.Query).Matches)
        {
            var facts = match.Breakdown.Single(f => f.Factor == ReferralFactor.Availability);
            var calendar = services[match.ServiceId].Availability.Calendar;
            if (facts.ClosesAt is { } closes)
            {
                // Open over the whole of [at, closes), closed at closes.
                Assert.Equal(AvailabilityState.OpenNow, facts.Availability);
                Assert.Equal(calendar!.Zone, closes.Zone);
                Assert.True(closes.ToInstant() > at);
                Assert.Equal(closes.ToInstant() - at, calendar.BusinessTimeBetween(at, closes.ToInstant()));
                Assert.False(calendar.IsOpen(closes.ToInstant()));
            }

            if (facts.OpensAt is { } opens)
            {
                // Closed over the whole of [at, opens), open at opens.
                Assert.Equal(AvailabilityState.ClosedNow, facts.Availability);
                Assert.Equal(calendar!.Zone, opens.Zone);
                Assert.True(opens.ToInstant() > at);
                Assert.Equal(Duration.Zero, calendar.BusinessTimeBetween(at, opens.ToInstant()));
                Assert.True(calendar.IsOpen(opens.ToInstant()));
            }

            if (facts.Availability == AvailabilityState.AlwaysOpen)
            {
                Assert.Null(facts.ClosesAt);
                Assert.Null(facts.OpensAt);
            }
        }
    }

    [Fact]
    public void BusinessHoursService_OpenAt1859_ClosesAt1900Local_ClosedAfter_OpensAfterTheHoliday()
    {
        var directory = ReferralDirectory.Create(
        [
            new Organization
            {
                Id = "org-day", Name = "Day Center (fictional)", Kind = OrganizationKind.ServiceProvider,
                Services =
                [
                    new Service
                    {
                        Id = "svc-day", Name = "Case management", Types = [ServiceType.CaseManagement],
                        Area = new ServiceArea { States = [UsState.GetByCode("DC")] },
                        Availability = ServiceAvailability.By(KnownServiceCalendars.NhtrcBusinessHours),
                        Languages = [LanguageTag.Parse("en")],
                        LastVerified = new LocalDate(2026, 7, 1),
                    },
                ],
            },
        ]);
        ScoreComponent At(Instant at) => directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.CaseManagement], Place = ReferralPlace.FromZip("20001"), At = at, Urgency = Urgency.Urgent,
            Language = LanguageTag.Parse("es"),
        }).Matches.Single().Breakdown.Single(f => f.Factor == ReferralFactor.Availability);

        var open = At(Instant.FromUtc(2026, 7, 2, 22, 59));
        Assert.Equal(AvailabilityState.OpenNow, open.Availability);
        Assert.True(open.IsScored);
        Assert.Equal(new LocalDateTime(2026, 7, 2, 19, 0), open.ClosesAt!.Value.LocalDateTime);
        Assert.Equal("America/New_York", open.ClosesAt.Value.Zone.Id);
        Assert.Null(open.OpensAt);

        // Friday 3 July 2026 is Independence Day (observed): next opening Monday 09:00 EDT.
        var closed = At(Instant.FromUtc(2026, 7, 2, 23, 30));
        Assert.Equal(AvailabilityState.ClosedNow, closed.Availability);
        Assert.Equal(new LocalDateTime(2026, 7, 6, 9, 0), closed.OpensAt!.Value.LocalDateTime);
        Assert.Null(closed.ClosesAt);

        var json = ReferralResultJson.Serialize(directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.CaseManagement], Place = ReferralPlace.FromZip("20001"), At = Instant.FromUtc(2026, 7, 2, 22, 59), Urgency = Urgency.Urgent,
            Language = LanguageTag.Parse("es"),
        }));
        Assert.Contains("\"facts\":{\"scored\":true,\"availability\":\"openNow\",\"closesAt\":\"2026-07-02T19:00:00-04:00\",\"opensAt\":null,\"timeZone\":\"America/New_York\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"facts\":{\"scored\":true,\"language\":\"es\",\"languageOffered\":false}", json, StringComparison.Ordinal);
    }

    /// <summary>The reason, worded from the facts alone (and the query), as plainly as possible.</summary>
    private static string NaiveReason(ScoreComponent f, ReferralMatch match, ReferralQuery query)
    {
        var scoredPrefix = f.IsScored ? "" : "not urgent, so not scored: ";
        switch (f.Factor)
        {
            case ReferralFactor.Distance:
                if (f.DistanceKilometers is { } km)
                {
                    return km.ToString("0.#", CultureInfo.InvariantCulture) + " km away (" + f.NearestCity + ", " + f.NearestState!.Code + ")";
                }

                return match.Locations.IsEmpty ? "no location listed" : query.Place.Kind == ReferralPlaceKind.State ? "distance not scored for a whole-state place" : "(measured, yet no distance)";
            case ReferralFactor.Locality:
                var reason = f.Coverage switch
                {
                    CoverageLevel.Zip => "serves ZIP",
                    CoverageLevel.Radius => "serves a radius",
                    CoverageLevel.County => "serves ",
                    CoverageLevel.State => "serves all of",
                    _ => "national service",
                };
                return reason; // compared as a prefix below
            case ReferralFactor.Language:
                return f.Language is null ? "no language asked for" : (f.LanguageOffered == true ? "offers " : "does not list ") + f.Language.Value;
            case ReferralFactor.Availability:
                return scoredPrefix + f.Availability switch
                {
                    AvailabilityState.AlwaysOpen => "open 24/7",
                    AvailabilityState.OpenNow => "open now",
                    _ => "closed now",
                };
            case ReferralFactor.WarmTransfer:
                return f.AcceptsWarmTransfers == true ? "accepts warm transfers" : "no warm transfers";
            case ReferralFactor.Freshness:
                var days = f.DaysSinceVerified!.Value;
                var expectedDays = Math.Max(0, Period.Between(f.LastVerified!.Value, query.At.InUtc().Date, PeriodUnits.Days).Days);
                Assert.Equal(expectedDays, days);
                return "verified " + f.LastVerified.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " (" + days + (days == 1 ? " day" : " days") + " before the query)";
            case ReferralFactor.NeedsCovered:
                Assert.Equal(query.Needs.Length, f.NeedsAsked);
                return f.NeedsAsked == 1 ? "covers the need" : "covers " + f.NeedsCovered + " of " + f.NeedsAsked + " needs";
            default:
                return f.Capacity switch
                {
                    Capacity.Accepting => "accepting new clients",
                    Capacity.Waitlist => "waitlist",
                    _ => "full",
                };
        }
    }

    private static void AssertOnlyItsOwnFacts(ScoreComponent f)
    {
        if (f.Factor == ReferralFactor.Distance)
        {
            Assert.Equal(f.IsScored, f.DistanceKilometers is not null);
            Assert.Equal(f.IsScored, f.NearestCity is not null && f.NearestState is not null);
        }
        else
        {
            Assert.Null(f.DistanceKilometers);
            Assert.Null(f.NearestCity);
            Assert.Null(f.NearestState);
        }

        Assert.Equal(f.Factor == ReferralFactor.Locality, f.Coverage is not null);
        Assert.Equal(f.Factor == ReferralFactor.Availability, f.Availability is not null);
        Assert.Equal(f.Factor == ReferralFactor.WarmTransfer, f.AcceptsWarmTransfers is not null);
        Assert.Equal(f.Factor == ReferralFactor.Freshness, f.LastVerified is not null && f.DaysSinceVerified is not null);
        Assert.Equal(f.Factor == ReferralFactor.NeedsCovered, f.NeedsCovered is not null && f.NeedsAsked is not null);
        Assert.Equal(f.Factor == ReferralFactor.Capacity, f.Capacity is not null);
        if (f.Factor != ReferralFactor.Language)
        {
            Assert.Null(f.Language);
            Assert.Null(f.LanguageOffered);
        }
    }
}
