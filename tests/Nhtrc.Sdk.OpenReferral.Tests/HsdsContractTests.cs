using System.Linq;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The two terms the export writes and the import must read back: our service types and the confidential location.</summary>
public class HsdsContractTests
{
    private const string Location = """
        { "id": "loc-1", "name": "Fictional site", "latitude": 29.76, "longitude": -95.37,
          "addresses": [{ "id": "a-1", "address_1": "1 Fictional Way", "city": "Houston", "state_province": "TX", "postal_code": "77002", "address_type": "physical" }]
          ATTRS }
        """;

    private static string Service(string serviceAttributes, string locationAttributes) => $$"""
        { "id": "svc-1", "name": "Fictional service", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{ "id": "area-1", "name": "Harris County, TX" }],
          "service_at_locations": [{ "id": "sal-1", "location": {{Location.Replace("ATTRS", locationAttributes, System.StringComparison.Ordinal)}} }]
          {{serviceAttributes}} }
        """;

    private static string Term(string taxonomy, string code) =>
        $$"""{ "id": "at-{{code}}", "link_entity": "service", "taxonomy_term": { "id": "t-{{code}}", "code": "{{code}}", "name": "n", "description": "d", "taxonomy": "{{taxonomy}}" } }""";

    [Fact]
    public void Terms_of_our_own_vocabulary_are_the_service_types_in_document_order()
    {
        var json = Service($""", "attributes": [{Term("nhtrc-service-type", "legalServices")}, {Term("nhtrc-service-type", "emergencyShelter")}, {Term("other", "housing")}, {Term("nhtrc-service-type", "legalServices")}]""", "");
        var service = HsdsReader.Parse(json, "t").Directory.Organizations.Single().Services.Single();
        Assert.Equal([ServiceType.LegalServices, ServiceType.EmergencyShelter], service.Types.ToArray());
    }

    [Fact]
    public void Without_a_term_of_our_vocabulary_the_default_types_apply()
    {
        var json = Service($""", "attributes": [{Term("other", "emergencyShelter")}]""", "");
        var options = new HsdsImportOptions { DefaultTypes = [ServiceType.Housing] };
        Assert.Equal([ServiceType.Housing], HsdsReader.Parse(json, "t", options).Directory.Organizations.Single().Services.Single().Types.ToArray());
    }

    [Theory]
    [InlineData("confidential-location", true)]
    [InlineData("CONFIDENTIAL-LOCATION", true)]
    [InlineData("public-location", false)]
    public void A_location_with_the_confidential_term_is_confidential(string code, bool confidential)
    {
        var json = Service($""", "attributes": [{Term("nhtrc-service-type", "legalServices")}]""", $""", "attributes": [{Term("nhtrc", code)}]""");
        var location = HsdsReader.Parse(json, "t").Directory.Organizations.Single().Services.Single().Locations.Single();
        Assert.Equal(confidential, location.IsConfidential);
        Assert.Equal(new LocalDate(2026, 3, 1), HsdsReader.Parse(json, "t").Directory.Organizations.Single().Services.Single().LastVerified);
    }
}
