using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>
/// Our directory to HSDS and back (export without private attributes, then the importer) keeps everything HSDS
/// expresses, checked against a naive, hand-written expectation of what survives.
/// </summary>
public class HsdsRoundTripTests
{
    private static readonly HsdsExportOptions NoPrivate = new() { PrivateAttributes = false };

    [Property(MaxTest = 150)]
    public Property A_public_export_imports_back_to_everything_hsds_expresses_without_the_confidential_locations() =>
        Prop.ForAll(HsdsRoundTripGenerators.Directories(HsdsRoundTripGenerators.RoundTrip), orgs => RoundTrip(orgs, publicExport: true));

    [Property(MaxTest = 100)]
    public Property A_full_export_imports_back_with_the_confidential_locations_still_confidential() =>
        Prop.ForAll(HsdsRoundTripGenerators.Directories(HsdsRoundTripGenerators.RoundTrip), orgs => RoundTrip(orgs, publicExport: false));

    [Fact]
    public void The_comparison_sees_a_changed_date_and_a_dropped_confidential_location()
    {
        // The rendering the property compares must not be blind to what it checks.
        var orgs = HsdsRoundTripGenerators.Directory(HsdsRoundTripGenerators.RoundTrip).Sample(1, 1).Single();
        var s = orgs[0].Services[0];
        var location = new ServiceLocation { City = "Fictional City", State = Geography.UsState.GetByCode("TX"), Point = new Geography.GeoPoint(30, -97), IsConfidential = true };
        Service With(LocalDate verified, ImmutableArray<ServiceLocation> locations) => new()
        {
            Id = s.Id, Name = s.Name, Types = s.Types, Area = s.Area, Population = s.Population, Languages = s.Languages,
            Availability = s.Availability, Locations = locations, LastVerified = verified,
        };
        ImmutableArray<Organization> Dir(Service service) =>
            [new Organization { Id = orgs[0].Id, Name = orgs[0].Name, Kind = orgs[0].Kind, Services = [service] }];

        var withShelter = Dir(With(s.LastVerified, [location]));
        Assert.NotEqual(Render(withShelter), Render(Dir(With(s.LastVerified.PlusDays(1), [location]))));
        Assert.NotEqual(Render(withShelter), Render(Expected(withShelter, publicExport: true)));
        Assert.Equal(Render(withShelter), Render(Expected(withShelter, publicExport: false)));
    }

    private static void RoundTrip(ImmutableArray<Organization> orgs, bool publicExport)
    {
        var directory = ReferralDirectory.Create(orgs);
        var json = HsdsExport.ToJson(directory, NoPrivate with { Public = publicExport });
        var load = HsdsReader.Parse(json, "round-trip");
        Assert.False(load.Report.HasErrors, string.Join("\n", load.Report.Issues.Select(i => i.Path + " " + i.Message)));
        Assert.Equal(Render(Expected(orgs, publicExport)), Render(load.Directory.Organizations));
    }

    /// <summary>
    /// The naive reference: what HSDS carries of each field, written out by hand. Organizations keep id and name
    /// (kind, website and co-leads are not HSDS fields we read); a service keeps id, name, types, area, ages, languages,
    /// its phones and texts then its email, weekly hours in their zone, its locations (a public export drops the
    /// confidential ones) and the last verified date; capacity, warm transfers and the other population fields are
    /// private attributes, not written here.
    /// </summary>
    internal static ImmutableArray<Organization> Expected(ImmutableArray<Organization> orgs, bool publicExport) =>
    [
        .. orgs.Select(o => new Organization
        {
            Id = o.Id,
            Name = o.Name,
            Kind = OrganizationKind.ServiceProvider,
            Services =
            [
                .. o.Services.Select(s => new Service
                {
                    Id = s.Id,
                    Name = s.Name,
                    Types = s.Types,
                    Area = s.Area,
                    Population = new PopulationServed { MinAge = s.Population.MinAge, MaxAge = s.Population.MaxAge },
                    Languages = s.Languages,
                    Contacts = [.. s.Contacts.Where(c => c.Channel != ContactChannel.Email), .. s.Contacts.Where(c => c.Channel == ContactChannel.Email)],
                    Availability = s.Availability,
                    // The import's safe default: every location of an emergency shelter comes back confidential.
                    Locations = [.. s.Locations.Where(l => !(publicExport && l.IsConfidential)).Select(l => s.Types.Contains(ServiceType.EmergencyShelter) ? Confidential(l) : l)],
                    LastVerified = s.LastVerified,
                }),
            ],
        }),
    ];

    private static ServiceLocation Confidential(ServiceLocation l) => new()
    {
        Name = l.Name,
        StreetAddress = l.StreetAddress,
        City = l.City,
        State = l.State,
        Zip = l.Zip,
        Point = l.Point,
        IsConfidential = true,
    };

    /// <summary>A plain text of every compared field, one line per fact.</summary>
    internal static string Render(IEnumerable<Organization> orgs)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        foreach (var o in orgs)
        {
            Line($"org {o.Id} {o.Name} {o.Kind}");
            foreach (var s in o.Services)
            {
                Line($" service {s.Id} {s.Name} verified {s.LastVerified:uuuu-MM-dd} capacity {s.Capacity} warm {s.AcceptsWarmTransfers}");
                Line($"  types {string.Join(",", s.Types)}");
                Line($"  area national={s.Area.IsNational} states={string.Join(",", s.Area.States.Select(x => x.Code))} counties={string.Join(",", s.Area.Counties.Select(x => x.Fips))} zips={string.Join(",", s.Area.Zips.Select(x => x.Zip))} radii={string.Join(";", s.Area.Radii)}");
                var p = s.Population;
                Line($"  ages {p.MinAge}-{p.MaxAge} genders={string.Join(",", p.Genders)} trafficking={string.Join(",", p.TraffickingTypes)} status={string.Join(",", p.ImmigrationStatuses)}");
                Line($"  languages {string.Join(",", s.Languages)}");
                foreach (var c in s.Contacts)
                {
                    Line($"  contact {c.Channel} {c.Value}");
                }

                if (s.Availability.Calendar is { } calendar)
                {
                    Line($"  zone {calendar.Zone.Id} holidays {calendar.HolidayCalendars.Length} overrides {calendar.Overrides.Length}");
                    for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
                    {
                        Line($"  {day} {string.Join(",", calendar.WeeklyHours[day])}");
                    }

                    foreach (var dated in calendar.Overrides)
                    {
                        Line($"  on {dated.Date:yyyy-MM-dd} {string.Join(",", dated.Hours.Select(h => h.ToString()).Order(StringComparer.Ordinal))}");
                    }
                }
                else
                {
                    Line($"  always open");
                }

                foreach (var l in s.Locations)
                {
                    Line($"  location {l.Name}|{l.StreetAddress}|{l.City}|{l.State.Code}|{l.Zip?.Zip}|{l.Point.Latitude:R},{l.Point.Longitude:R}|confidential={l.IsConfidential}");
                }
            }
        }

        return text.ToString();
    }
}
