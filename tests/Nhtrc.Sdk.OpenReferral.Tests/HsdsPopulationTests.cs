using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>Populations, capacity and warm transfers from our private attributes and the table's facets; contacts.</summary>
public class HsdsPopulationTests
{
    private static string Term(string taxonomy, string code) =>
        $$"""{ "id": "at", "link_entity": "service", "taxonomy_term": { "id": "t", "code": "{{code}}", "name": "n", "taxonomy": "{{taxonomy}}" } }""";

    private static string Service(string attributes, string extra = "") => $$"""
        { "id": "svc-1", "name": "Fictional service", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{ "id": "area-1", "name": "Harris County, TX" }],
          "attributes": [{{Term("nhtrc-service-type", "caseManagement")}}{{attributes}}] {{extra}} }
        """;

    private static (Service Service, DirectoryImportReport Report) Load(string attributes, string extra = "")
    {
        var load = HsdsReader.Parse(Service(attributes, extra), "t");
        return (load.Directory.GetService("svc-1"), load.Report);
    }

    [Fact]
    public void Our_population_codes_restrict_the_population()
    {
        var (s, report) = Load($", {Term("nhtrc-population", "gender:female")}, {Term("nhtrc-population", "gender:nonBinary")}, " +
            $"{Term("nhtrc-population", "trafficking-type:labor")}, {Term("nhtrc-population", "immigration-status:foreignNational")}, {Term("nhtrc-population", "gender:female")}",
            ", \"minimum_age\": 18");
        Assert.Equal([Gender.Female, Gender.NonBinary], s.Population.Genders.ToArray());
        Assert.Equal([TraffickingType.Labor], s.Population.TraffickingTypes.ToArray());
        Assert.Equal([ImmigrationStatus.ForeignNational], s.Population.ImmigrationStatuses.ToArray());
        Assert.Equal(18, s.Population.MinAge);
        Assert.Empty(report.Issues);
        Assert.Equal(0, report.CountOf("unmapped-terms"));
        Assert.False(s.Population.Admits(new ClientProfile { Gender = Gender.Male }));
        Assert.True(s.Population.Admits(new ClientProfile { Gender = Gender.Female, TraffickingType = TraffickingType.Labor }));
    }

    [Theory]
    [InlineData("nhtrc-population", "gender:robot")]
    [InlineData("nhtrc-population", "trafficking-type:both")]
    [InlineData("nhtrc-population", "trafficking-type:unknown")]
    [InlineData("nhtrc-population", "age:12")]
    [InlineData("nhtrc-population", "female")]
    [InlineData("nhtrc-capacity", "open")]
    [InlineData("nhtrc-capacity", "Full")]
    [InlineData("nhtrc-warm-transfer", "yes")]
    [InlineData("nhtrc-service-type", "shelter")]
    public void Unknown_codes_of_our_vocabularies_are_warnings_and_change_nothing(string taxonomy, string code)
    {
        var (s, report) = Load($", {Term(taxonomy, code)}");
        var issue = Assert.Single(report.Issues);
        Assert.Equal((DirectoryImportSeverity.Warning, "$.attributes[1].taxonomy_term"), (issue.Severity, issue.Path));
        Assert.Contains($"is not a", issue.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.CountOf("unmapped-terms"));
        Assert.Same(PopulationServed.Everyone, s.Population);
        Assert.Equal((Capacity.Accepting, false), (s.Capacity, s.AcceptsWarmTransfers));
        Assert.Equal([ServiceType.CaseManagement], s.Types.ToArray());
    }

    [Theory]
    [InlineData("accepting", Capacity.Accepting)]
    [InlineData("waitlist", Capacity.Waitlist)]
    [InlineData("full", Capacity.Full)]
    public void Capacity_comes_from_our_capacity_term(string code, Capacity capacity)
    {
        var (s, report) = Load($", {Term("nhtrc-capacity", code)}, {Term("nhtrc-warm-transfer", "accepts")}");
        Assert.Equal(capacity, s.Capacity);
        Assert.True(s.AcceptsWarmTransfers);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Without_our_terms_a_service_accepts_clients_and_no_warm_transfers()
    {
        var (s, _) = Load("");
        Assert.Equal((Capacity.Accepting, false), (s.Capacity, s.AcceptsWarmTransfers));
    }

    // Law: contradicting capacity terms give the most restrictive one (full over waitlist over accepting), as a
    // naive maximum over the list says, with one warning per contradicting term.
    [Property(MaxTest = 100)]
    public Property Contradicting_capacities_give_the_most_restrictive() =>
        Prop.ForAll(
            Arb.From(Gen.Elements(Capacity.Accepting, Capacity.Waitlist, Capacity.Full).NonEmptyListOf()),
            capacities =>
            {
                var (s, report) = Load(string.Concat(capacities.Select(c => ", " + Term("nhtrc-capacity", WireNames.Of(c)))));
                Assert.Equal(capacities.Max(), s.Capacity);
                var contradictions = 0;
                Capacity? so = null;
                foreach (var c in capacities)
                {
                    if (so is { } earlier && earlier != c)
                    {
                        contradictions++;
                    }

                    so = so is { } e ? (Capacity)Math.Max((int)e, (int)c) : c;
                }

                Assert.Equal(contradictions, report.Issues.Length);
            });

    [Fact]
    public void The_table_population_facets_join_our_codes()
    {
        var (s, report) = Load($", {Term("Open Eligibility", "women")}, {Term("nhtrc-population", "gender:nonBinary")}, {Term("Open Eligibility", "undocumented")}");
        Assert.Equal([Gender.Female, Gender.NonBinary], s.Population.Genders.ToArray());
        Assert.Equal([ImmigrationStatus.ForeignNational], s.Population.ImmigrationStatuses.ToArray());
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void A_custom_table_facet_restricts_trafficking_types()
    {
        var map = HsdsTaxonomyMap.Parse("""{ "taxonomies": [ { "names": ["Local"], "terms": [ { "code": "sex-trafficking-survivors", "types": ["victimAdvocacy"], "traffickingTypes": ["sex"] } ] } ] }""");
        var load = HsdsReader.Parse(Service($", {Term("Local", "sex-trafficking-survivors")}"), "t", new HsdsImportOptions { TaxonomyMap = map });
        var s = load.Directory.GetService("svc-1");
        Assert.Equal([ServiceType.CaseManagement, ServiceType.VictimAdvocacy], s.Types.ToArray());
        Assert.Equal([TraffickingType.Sex], s.Population.TraffickingTypes.ToArray());
    }

    [Fact]
    public void A_population_only_term_gives_no_type()
    {
        var json = Service("").Replace(Term("nhtrc-service-type", "caseManagement"), Term("Open Eligibility", "women"), StringComparison.Ordinal);
        var load = HsdsReader.Parse(json, "t");
        Assert.Equal(0, load.Report.CountOf("services"));
        Assert.Equal(0, load.Report.CountOf("unmapped-terms"));
        Assert.Equal(DirectoryImportSeverity.Error, Assert.Single(load.Report.Issues).Severity);
    }

    [Fact]
    public void Contacts_emails_and_phones_are_read_without_repeats_and_reported_without_their_data()
    {
        var (s, report) = Load("", """
            , "email": "desk@fictional.example.org",
              "phones": [{ "id": "p1", "number": "(713) 555-0100" }],
              "contacts": [
                { "id": "c1", "name": "Fictional Person", "email": "person@fictional.example.org",
                  "phones": [{ "id": "p2", "number": "(713) 555-0199", "type": "text" }, { "id": "p3", "number": "(713) 555-0100" }, { "id": "p4", "number": " " }] },
                { "id": "c2", "email": "desk@fictional.example.org" }, 7 ],
              "service_at_locations": [{ "id": "sal", "contacts": [{ "id": "c3", "email": "intake@fictional.example.org" }] }]
            """);
        Assert.Equal(
            [(ContactChannel.Phone, "(713) 555-0100"), (ContactChannel.Email, "desk@fictional.example.org"), (ContactChannel.Email, "person@fictional.example.org"),
             (ContactChannel.Text, "(713) 555-0199"), (ContactChannel.Email, "intake@fictional.example.org")],
            s.Contacts.Select(c => (c.Channel, c.Value)).ToArray());
        Assert.Equal(["$.contacts[0].phones[2].number", "$.contacts[2]"], report.Issues.Select(i => i.Path).ToArray());
        Assert.All(report.Issues, i => Assert.DoesNotContain("Fictional", i.Message, StringComparison.Ordinal));
    }
}
