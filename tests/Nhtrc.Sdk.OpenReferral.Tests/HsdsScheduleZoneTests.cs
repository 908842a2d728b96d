using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsScheduleZoneTests
{
    internal static readonly HsdsImportOptions Options = new()
    {
        DefaultTypes = [ServiceType.CaseManagement],
        DefaultLastVerified = new LocalDate(2026, 1, 1),
    };

    internal static string FixtureId(int n) => $"00000000-0000-4000-8000-0100000000{n:00}";

    internal static ReferralDirectoryLoad Fixtures(HsdsImportOptions? options = null) =>
        HsdsReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json")), "fixtures", options ?? Options);

    internal static string Zone(ReferralDirectoryLoad load, int n) => load.Directory.GetService(FixtureId(n)).Availability.Calendar!.Zone.Id;

    private static string Service(string schedules, int place = -1) => $$"""
        { "id": "a", "name": "Fictional service", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{ "id": "1", "name": "TX" }], "schedules": [{{schedules}}]{{(place < 0 ? "" : Location(Places[place]))}} }
        """;

    /// <summary>Places a service's one location may be in: the state or territory, its ZIP code and point, the zone it implies.</summary>
    private static readonly (string State, string Zip, string City, double Latitude, double Longitude, string Zone)[] Places =
    [
        ("PR", "00901", "San Juan", 18.4663, -66.1057, "America/Puerto_Rico"),
        ("GU", "96910", "Hagatna", 13.452, 144.7465, "Pacific/Guam"),
        ("AS", "96799", "Pago Pago", -14.2781, -170.7025, "Pacific/Pago_Pago"),
        ("CA", "90012", "Los Angeles", 34.056, -118.243, "America/Los_Angeles"),
    ];

    private static string Location((string State, string Zip, string City, double Latitude, double Longitude, string Zone) place) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $$"""
        , "service_at_locations": [{ "id": "sal", "service_id": "a", "location_id": "l", "location": { "id": "l", "location_type": "physical",
          "name": "Fictional site", "latitude": {{place.Latitude}}, "longitude": {{place.Longitude}}, "addresses": [{ "id": "ad", "location_id": "l",
          "address_1": "1 Example Street", "city": "{{place.City}}", "state_province": "{{place.State}}", "postal_code": "{{place.Zip}}",
          "country": "US", "address_type": "physical" }] } }]
        """);

    private static string Row(string id, string extra) =>
        $$"""{ "id": "{{id}}", "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "17:00" {{extra}} }""";

    private static string Attribute(string code) =>
        $$""", "attributes": [{ "id": "x", "taxonomy_term": { "id": "t", "code": "{{code}}", "name": "zone", "taxonomy": "nhtrc-timezone" } }]""";

    [Theory]
    [InlineData(1, "America/Chicago")]
    [InlineData(6, "America/Los_Angeles")]
    [InlineData(9, "America/Denver")]
    [InlineData(10, "Pacific/Honolulu")]
    [InlineData(11, "America/New_York")]
    [InlineData(19, "America/Los_Angeles")] // no timezone; its one location is in Los Angeles
    public void Fixture_offsets_resolve_through_the_us_table_and_a_schedule_without_one_takes_its_places_zone(int fixture, string zone)
    {
        var load = Fixtures();
        Assert.Equal(zone, Zone(load, fixture));
        Assert.DoesNotContain(load.Report.Issues, i => i.Path.EndsWith(".timezone", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_zone_applies_only_to_schedules_naming_none_of_a_service_without_a_location()
    {
        var options = Options with { DefaultTimeZone = DateTimeZoneProviders.Tzdb["America/Anchorage"] };
        var load = Fixtures(options);
        Assert.Equal("America/Los_Angeles", Zone(load, 19));
        Assert.Equal("America/Chicago", Zone(load, 1));
        Assert.Equal("Pacific/Honolulu", Zone(load, 10));
        Assert.Equal("America/Anchorage", HsdsReader.Parse(Service(Row("s", "")), "t", options).Directory.GetService("a").Availability.Calendar!.Zone.Id);
    }

    [Theory]
    [InlineData(0, "America/Puerto_Rico")]
    [InlineData(1, "Pacific/Guam")]
    [InlineData(2, "Pacific/Pago_Pago")]
    [InlineData(3, "America/Los_Angeles")]
    public void A_schedule_naming_no_zone_takes_the_zone_of_its_services_state_or_territory(int place, string zone)
    {
        var load = HsdsReader.Parse(Service(Row("s", ""), place), "t", Options);

        var calendar = load.Directory.GetService("a").Availability.Calendar!;
        Assert.Equal(zone, calendar.Zone.Id);
        Assert.Equal(Places[place].State, load.Directory.GetService("a").Locations[0].State.Code);
    }

    [Fact]
    public void A_per_source_zone_wins_over_offsets_and_attributes()
    {
        var phoenix = DateTimeZoneProviders.Tzdb["America/Phoenix"];
        var load = Fixtures(Options with { TimeZone = phoenix });
        foreach (var n in new[] { 1, 6, 9, 10, 11, 19 })
        {
            Assert.Equal("America/Phoenix", Zone(load, n));
        }

        var attributed = HsdsReader.Parse(Service(Row("s", ", \"timezone\": -6" + Attribute("America/Adak"))), "t", Options with { TimeZone = phoenix });
        Assert.Equal("America/Phoenix", attributed.Directory.GetService("a").Availability.Calendar!.Zone.Id);
    }

    [Fact]
    public void The_fixture_hours_are_local_to_the_resolved_zone()
    {
        // Fixture 10 (Honolulu, -10) opens at 07:45 local: 17:45 UTC; fixture 6 (Portland, -8) opens Tuesday 10:00 local.
        var load = Fixtures();
        var honolulu = load.Directory.GetService(FixtureId(10)).Availability;
        Assert.False(honolulu.IsOpen(Instant.FromUtc(2026, 6, 1, 17, 44)));
        Assert.True(honolulu.IsOpen(Instant.FromUtc(2026, 6, 1, 17, 45)));
        var portland = load.Directory.GetService(FixtureId(6)).Availability;
        Assert.False(portland.IsOpen(Instant.FromUtc(2026, 6, 2, 16, 59)));
        Assert.True(portland.IsOpen(Instant.FromUtc(2026, 6, 2, 17, 0)));
    }

    [Fact]
    public void The_private_attribute_names_the_zone_the_offset_cannot()
    {
        var load = HsdsReader.Parse(Service(Row("s", ", \"timezone\": -7" + Attribute("America/Phoenix"))), "t", Options);
        Assert.Equal("America/Phoenix", load.Directory.GetService("a").Availability.Calendar!.Zone.Id);
        Assert.Empty(load.Report.Issues);
    }

    [Fact]
    public void An_unknown_attribute_zone_is_reported_and_the_offset_used()
    {
        var load = HsdsReader.Parse(Service(Row("s", ", \"timezone\": -8" + Attribute("Mars/Olympus_Mons"))), "t", Options);
        Assert.Equal("America/Los_Angeles", load.Directory.GetService("a").Availability.Calendar!.Zone.Id);
        var issue = Assert.Single(load.Report.Issues);
        Assert.Equal("$.schedules[0].attributes[0].taxonomy_term.code", issue.Path);
        Assert.DoesNotContain("Mars", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("5.5")]
    [InlineData("-3.5")]
    [InlineData("\"east\"")]
    [InlineData("true")]
    public void An_offset_outside_the_table_is_reported_and_the_default_used(string offset)
    {
        var load = HsdsReader.Parse(Service(Row("s", ", \"timezone\": " + offset)), "t", Options);
        Assert.Equal("America/New_York", load.Directory.GetService("a").Availability.Calendar!.Zone.Id);
        Assert.Equal("$.schedules[0].timezone", Assert.Single(load.Report.Issues).Path);
    }

    [Fact]
    public void An_offset_given_as_text_resolves_as_the_csv_form_carries_it()
    {
        var load = HsdsReader.Parse(Service(Row("s", ", \"timezone\": \"-9\"")), "t", Options);
        Assert.Equal("America/Anchorage", load.Directory.GetService("a").Availability.Calendar!.Zone.Id);
    }

    [Fact]
    public void Rows_naming_different_zones_are_reported_and_the_first_wins()
    {
        var load = HsdsReader.Parse(Service(string.Join(",", Row("s1", ""), Row("s2", ", \"timezone\": -6"), Row("s3", ", \"timezone\": -8"), Row("s4", ", \"timezone\": -6"))), "t", Options);
        Assert.Equal("America/Chicago", load.Directory.GetService("a").Availability.Calendar!.Zone.Id);
        Assert.Equal(["$.schedules[2]"], load.Report.Issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void Every_table_zone_has_the_offset_as_its_standard_offset()
    {
        // Law against the tz database itself: the zone a whole-hour offset maps to keeps that offset in winter.
        var january = Instant.FromUtc(2026, 1, 15, 12, 0);
        foreach (var (offset, id) in HsdsTimeZones.OffsetZones)
        {
            Assert.Equal(Offset.FromHours(offset), DateTimeZoneProviders.Tzdb[id].GetZoneInterval(january).StandardOffset);
        }

        Assert.Equal(HsdsTimeZones.OffsetZones.Count, HsdsTimeZones.OffsetZones.Select(z => z.Offset).Distinct().Count());
        Assert.Null(HsdsTimeZones.FromOffset(-7.0001));
    }

    // ---- the rule against a naive reference ----

    private static readonly string[] AttributeCodes = ["America/Phoenix", "America/Adak", "Nowhere/Zone", ""];
    private static readonly double?[] Offsets = [null, -4, -5, -6, -7, -8, -9, -10, -11, 10, 0, 3, -3.5, 12];

    /// <summary>One row: an attribute code index (-1 none) and an offset index.</summary>
    public sealed record RowSpec(int Attribute, int Offset);

    private static Arbitrary<(bool Setting, RowSpec[] Rows, int Place)> Specs() =>
        (from setting in Gen.Elements(true, false, false, false)
         from rows in Gen.Zip(Gen.Choose(-1, AttributeCodes.Length - 1), Gen.Choose(0, Offsets.Length - 1)).Select(t => new RowSpec(t.Item1, t.Item2)).ArrayOf().Where(a => a.Length is > 0 and < 6)
         from place in Gen.Choose(-1, Places.Length - 1)
         select (setting, rows, place))
        .ToArbitrary();

    // Written from the documented rule, longhand: a switch over the table, no dictionary; the place's zone by its state.
    private static string NaiveZone(bool setting, RowSpec[] rows, int place, out int warnings)
    {
        warnings = 0;
        if (setting)
        {
            return "Europe/Lisbon";
        }

        var zones = new List<string>();
        foreach (var row in rows)
        {
            string? zone = null;
            if (row.Attribute >= 0)
            {
                var code = AttributeCodes[row.Attribute];
                if (code.StartsWith("America/", StringComparison.Ordinal))
                {
                    zone = code;
                }
                else if (code.Length > 0)
                {
                    warnings++;
                }
            }

            if (zone is null && Offsets[row.Offset] is { } offset)
            {
                zone = offset switch
                {
                    -4 => "America/Puerto_Rico", -5 => "America/New_York", -6 => "America/Chicago", -7 => "America/Denver",
                    -8 => "America/Los_Angeles", -9 => "America/Anchorage", -10 => "Pacific/Honolulu", -11 => "Pacific/Pago_Pago",
                    10 => "Pacific/Guam", _ => null,
                };
                if (zone is null)
                {
                    warnings++;
                }
            }

            if (zone is not null)
            {
                zones.Add(zone);
            }
        }

        if (zones.Distinct().Count() > 1)
        {
            warnings++;
        }

        if (zones.Count > 0)
        {
            return zones[0];
        }

        return place < 0 ? "America/New_York" : Places[place].State switch
        {
            "PR" => "America/Puerto_Rico", "GU" => "Pacific/Guam", "AS" => "Pacific/Pago_Pago", "CA" => "America/Los_Angeles", _ => "none",
        };
    }

    [Property]
    public Property The_zone_rule_agrees_with_a_naive_reference() => Prop.ForAll(Specs(), spec =>
    {
        var rows = spec.Rows.Select((r, i) =>
        {
            var extra = (Offsets[r.Offset] is { } o ? ", \"timezone\": " + o.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") +
                (r.Attribute >= 0 ? Attribute(AttributeCodes[r.Attribute]) : "");
            return Row("s" + i, extra);
        });
        var options = spec.Setting ? Options with { TimeZone = DateTimeZoneProviders.Tzdb["Europe/Lisbon"] } : Options;
        var load = HsdsReader.Parse(Service(string.Join(",", rows), spec.Place), "t", options);
        var expected = NaiveZone(spec.Setting, spec.Rows, spec.Place, out var warnings);
        var actual = load.Directory.GetService("a").Availability.Calendar!.Zone.Id;

        // An empty attribute code is no term at all (HsdsTaxonomy skips blank codes).
        return (actual == expected && load.Report.Issues.Length == (spec.Setting ? 0 : warnings))
            .Label($"expected {expected} with {warnings} warnings, got {actual} with {load.Report.Issues.Length}");
    });

    [Fact]
    public void The_naive_reference_is_not_vacuous()
    {
        Assert.Equal("America/Chicago", NaiveZone(false, [new RowSpec(-1, 3), new RowSpec(-1, 5)], -1, out var w));
        Assert.Equal(1, w);
        Assert.Equal("Pacific/Guam", NaiveZone(false, [new RowSpec(-1, 0)], 1, out _));
        Assert.Equal("America/New_York", NaiveZone(false, [new RowSpec(-1, 0)], -1, out _));
        using var doc = JsonDocument.Parse("{}");
        Assert.Null(HsdsTimeZones.ForRow(doc.RootElement, "$", (_, _) => throw new InvalidOperationException()));
    }
}
