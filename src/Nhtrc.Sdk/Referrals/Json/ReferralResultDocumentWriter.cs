using System;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using NodaTime.Text;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Turns a <see cref="ReferralResult"/> into its result document; a bigger result (a contact outcome) embeds it.
/// Writes only what the matches hold: the matcher already withheld what the query's audience may not see.
/// </summary>
internal static class ReferralResultDocumentWriter
{
    public static ReferralResultDocument ToDocument(ReferralResult result)
    {
        var matches = new ResultMatchDocument[result.Matches.Length];
        for (var i = 0; i < matches.Length; i++)
        {
            matches[i] = Match(result.Matches[i]);
        }

        var plan = new ResultPlanStepDocument[result.Plan.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            var step = result.Plan[i];
            plan[i] = new ResultPlanStepDocument
            {
                OrganizationId = step.OrganizationId,
                OrganizationName = step.OrganizationName,
                Needs = Names(step.Needs),
                ServiceIds = [.. step.ServiceIds],
            };
        }

        return new ReferralResultDocument
        {
            Audience = WireName<ReferralAudience>.Of(result.Query.Audience),
            At = InstantPattern.ExtendedIso.Format(result.Query.At),
            EligibleCount = result.EligibleCount,
            Matches = matches,
            Plan = plan,
            UncoveredNeeds = Names(result.UncoveredNeeds),
        };
    }

    private static ResultMatchDocument Match(ReferralMatch match)
    {
        var breakdown = new ResultScoreDocument[match.Breakdown.Length];
        for (var i = 0; i < breakdown.Length; i++)
        {
            var c = match.Breakdown[i];
            breakdown[i] = new ResultScoreDocument { Factor = WireName<ReferralFactor>.Of(c.Factor), Points = c.Points, MaxPoints = c.MaxPoints, Reason = c.Reason, Facts = new ResultFactsDocument { Component = c } };
        }

        var locations = new ResultLocationDocument[match.Locations.Length];
        for (var i = 0; i < locations.Length; i++)
        {
            locations[i] = Location(match.Locations[i]);
        }

        var contacts = new ResultContactDocument[match.Contacts.Length];
        for (var i = 0; i < contacts.Length; i++)
        {
            var c = match.Contacts[i];
            contacts[i] = new ResultContactDocument { Channel = WireName<ContactChannel>.Of(c.Channel), Value = c.Value };
        }

        var languages = new string[match.Languages.Length];
        for (var i = 0; i < languages.Length; i++)
        {
            languages[i] = match.Languages[i].Value;
        }

        return new ResultMatchDocument
        {
            Rank = match.Rank,
            Score = match.Score,
            ServiceId = match.ServiceId,
            ServiceName = match.ServiceName,
            OrganizationId = match.OrganizationId,
            OrganizationName = match.OrganizationName,
            OrganizationKind = WireName<OrganizationKind>.Of(match.OrganizationKind),
            Website = match.Website,
            ServiceTypes = Names(match.ServiceTypes),
            CoveredNeeds = Names(match.CoveredNeeds),
            Coverage = WireName<CoverageLevel>.Of(match.Coverage),
            DistanceKilometers = Kilometers(match.DistanceKilometers),
            AlwaysOpen = match.IsAlwaysOpen,
            OpenAtQueryTime = match.IsOpenAtQueryTime,
            AcceptsWarmTransfers = match.AcceptsWarmTransfers,
            Capacity = WireName<Capacity>.Of(match.Capacity),
            LastVerified = LocalDatePattern.Iso.Format(match.LastVerified),
            Languages = languages,
            Breakdown = breakdown,
            Reasons = [.. match.Reasons],
            Locations = locations,
            Contacts = contacts,
        };
    }

    // What the matcher withheld from the audience (a confidential address, ZIP and point in a public result) is null.
    private static ResultLocationDocument Location(MatchedLocation location) => new()
    {
        Name = location.Name,
        City = location.City,
        State = location.State.Code,
        Confidential = location.IsConfidential,
        DistanceKilometers = Kilometers(location.DistanceKilometers),
        Address = location.StreetAddress,
        Zip = location.Zip,
        Latitude = location.Point?.Latitude,
        Longitude = location.Point?.Longitude,
    };

    /// <summary>Distances to 0.01 km, as the command line has always printed them.</summary>
    private static double? Kilometers(double? distance) => distance is { } d ? Math.Round(d, 2) : null;

    private static string[] Names(ImmutableArray<ServiceType> types)
    {
        var names = new string[types.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = WireName<ServiceType>.Of(types[i]);
        }

        return names;
    }
}
