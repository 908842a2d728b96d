using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// A random referral directory and a query to match against it (<see cref="NhtrcGenerators.ReferralCasesAround"/>).
/// Immutable. <see cref="ToString"/> lists the query and every service on a line, so a shrunk counterexample reads as
/// the directory it is.
/// </summary>
public sealed class ReferralCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ReferralCase(ReferralDirectory directory, ReferralQuery query)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(query);
        Directory = directory;
        Query = query;
    }

    /// <summary>The directory.</summary>
    public ReferralDirectory Directory { get; }

    /// <summary>The query.</summary>
    public ReferralQuery Query { get; }

    /// <summary>
    /// Every service of <paramref name="directory"/> on a line: its organization and id, types, area, population,
    /// languages, hours, warm transfers, capacity, verification date and sites (city, state, ZIP code, confidential).
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static string Describe(ReferralDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var lines = new List<string> { $"{directory.Organizations.Length} organizations, {directory.ServiceCount} services" };
        foreach (var organization in directory.Organizations)
        {
            foreach (var s in organization.Services)
            {
                lines.Add($"  {organization.Id}/{s.Id} [{string.Join(", ", s.Types.Select(Wire))}] {Area(s.Area)}; {Population(s.Population)}; "
                    + $"languages {List(s.Languages.Select(l => l.Value), "any")}; {s.Availability}; {(s.AcceptsWarmTransfers ? "warm transfers" : "no warm transfers")}; "
                    + $"{Wire(s.Capacity)}; verified {s.LastVerified:uuuu'-'MM'-'dd}; sites {List(s.Locations.Select(Site), "none", " / ")}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// Everything <paramref name="query"/> asks: needs, place, client, language, urgency, instant, count, capacity filter
    /// and audience.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public static string Describe(ReferralQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var c = query.Client;
        var client = c == ClientProfile.Unknown
            ? "nothing disclosed"
            : $"age {c.Age?.ToString() ?? "?"}, gender {(c.Gender is { } g ? Wire(g) : "?")}, trafficking {Wire(c.TraffickingType)}, status {(c.ImmigrationStatus is { } i ? Wire(i) : "?")}";
        return $"[{string.Join(", ", query.Needs.Select(Wire))}] at {query.Place}; client {client}; language {query.Language?.Value ?? "none"}; "
            + $"{Wire(query.Urgency)} at {query.At}; count {query.Count}{(query.ExcludeFull ? ", full excluded" : "")}; for {Wire(query.Audience)}";
    }

    /// <summary>Returns the query and the directory, each described in full.</summary>
    public override string ToString() => $"query {Describe(Query)}{Environment.NewLine}directory {Describe(Directory)}";

    private static string Area(ServiceArea a) => a.IsNational
        ? "national"
        : string.Join(" + ", new[]
        {
            a.States.IsEmpty ? null : "states " + string.Join(",", a.States.Select(s => s.Code)),
            a.Counties.IsEmpty ? null : "counties " + string.Join(",", a.Counties.Select(c => c.Fips)),
            a.Zips.IsEmpty ? null : "ZIPs " + string.Join(",", a.Zips.Select(z => z.Zip)),
            a.Radii.IsEmpty ? null : string.Join(" + ", a.Radii.Select(r => r.ToString())),
        }.Where(part => part is not null));

    private static string Population(PopulationServed p)
    {
        if (p == PopulationServed.Everyone)
        {
            return "everyone";
        }

        var ages = p.MinAge is null && p.MaxAge is null ? "any age" : string.Create(CultureInfo.InvariantCulture, $"ages {p.MinAge?.ToString(CultureInfo.InvariantCulture) ?? "0"}-{p.MaxAge?.ToString(CultureInfo.InvariantCulture) ?? "any"}");
        return $"{ages}, genders {List(p.Genders.Select(Wire), "any")}, trafficking {List(p.TraffickingTypes.Select(Wire), "any")}, statuses {List(p.ImmigrationStatuses.Select(Wire), "any")}";
    }

    private static string Site(ServiceLocation l) => $"{l.City}, {l.State.Code}{(l.Zip is { } z ? " " + z.Zip : "")}{(l.IsConfidential ? " (confidential)" : "")}";

    private static string List(IEnumerable<string> items, string none, string separator = ",")
    {
        var text = string.Join(separator, items);
        return text.Length == 0 ? none : text;
    }

    private static string Wire<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
