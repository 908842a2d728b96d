using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;

namespace Nhtrc.Sdk.Testing.Tests.Builders;

/// <summary>
/// Every fact of a directory as lines, field by field, written out by hand (no shared code with the SDK's writer), so two
/// directories are equal when their facts are: what "loads to an equal directory" means in these tests.
/// </summary>
internal static class DirectoryFacts
{
    public static List<string> Of(ReferralDirectory directory)
    {
        var facts = new List<string>();
        foreach (var o in directory.Organizations)
        {
            facts.Add($"org {o.Id} | {o.Name} | {o.Kind} | {o.Website} | leads {string.Join(",", o.CoLeadIds)}");
            foreach (var s in o.Services)
            {
                var a = s.Area;
                var p = s.Population;
                facts.Add($"  service {s.Id} | {s.Name} | types {string.Join(",", s.Types)}");
                facts.Add($"    area national={a.IsNational} states {string.Join(",", a.States.Select(x => x.Code))} counties {string.Join(",", a.Counties.Select(x => x.Fips))}"
                    + $" zips {string.Join(",", a.Zips.Select(x => x.Zip))} radii {string.Join(",", a.Radii.Select(r => Invariant($"{r.Center.Latitude}/{r.Center.Longitude}/{r.RadiusKilometers}")))}");
                facts.Add($"    population {p.MinAge}-{p.MaxAge} {string.Join(",", p.Genders)} {string.Join(",", p.TraffickingTypes)} {string.Join(",", p.ImmigrationStatuses)}");
                facts.Add($"    languages {string.Join(",", s.Languages.Select(l => l.Value))} warm={s.AcceptsWarmTransfers} capacity={s.Capacity} verified={s.LastVerified:uuuu-MM-dd}");
                facts.Add($"    availability {(s.Availability.Calendar is { } c ? ServiceCalendarJson.Serialize(c) : "24/7")}");
                facts.AddRange(s.Locations.Select(l =>
                    Invariant($"    location {l.Name} | {l.StreetAddress} | {l.City} | {l.State.Code} | {l.Zip?.Zip} | {l.Point.Latitude}/{l.Point.Longitude} | confidential={l.IsConfidential}")));
                facts.AddRange(s.Contacts.Select(x => $"    contact {x.Channel} {x.Value}"));
            }
        }

        return facts;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
