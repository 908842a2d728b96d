using System;
using System.IO;
using System.Linq;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsSourcesFileTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "feeds");

    [Fact]
    public void Every_setting_is_read_and_paths_resolve_against_the_file()
    {
        var sources = HsdsSourcesFile.Parse("""
            { "sources": [
              { "key": "harris-211", "path": "harris/services.json", "zone": "America/Chicago",
                "confidentialTerms": ["dv-confidential"], "confidentialLocationTypes": ["confidential"],
                "confidentialLocationIds": ["loc-9"], "shelterLocationsConfidential": false },
              { "key": "state-api", "url": "https://hsds.example.org/api", "headers": { "X-Api-Key": "s3cret-value" }, "comment": "fictional" } ] }
            """, Base);

        Assert.Equal(["harris-211", "state-api"], sources.Select(s => s.Key).ToArray());
        var harris = sources[0];
        Assert.Equal(Path.GetFullPath(Path.Combine(Base, "harris/services.json")), harris.Location);
        Assert.False(harris.IsApi);
        Assert.Equal("America/Chicago", harris.Options.TimeZone!.Id);
        var rule = harris.Options.Confidentiality!;
        Assert.Equal([HsdsConfidentialityRule.DefaultTermCode, "dv-confidential"], rule.TermCodes.ToArray());
        Assert.Equal(["confidential"], rule.LocationTypes.ToArray());
        Assert.Equal(["loc-9"], rule.LocationIds.ToArray());
        Assert.False(rule.ShelterLocationsConfidential);

        var api = sources[1];
        Assert.True(api.IsApi);
        Assert.Equal("s3cret-value", api.Headers["x-api-key"]);
        Assert.DoesNotContain("s3cret", api.ToString(), StringComparison.Ordinal);
        Assert.Contains("values hidden", api.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path_and_never_a_header_value()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => HsdsSourcesFile.Parse("""
            { "sources": [
              { "key": "Bad Key", "path": "a.json", "zone": "Mars/Olympus", "extra": 1 },
              { "key": "b", "path": "b.json", "url": "https://x.example.org" },
              { "key": "c", "url": "ftp://x.example.org", "headers": { "X-Api-Key": 42, "Bad Header!": "s3cret-value" } },
              { "key": "d", "path": "d.json", "shelterLocationsConfidential": "no", "confidentialTerms": "x" },
              { "key": "d", "path": "d2.json" },
              { "path": "e.json" } ] }
            """, Base));

        Assert.Equal(
            [
                "$.sources[0].extra", "$.sources[0].key", "$.sources[0].zone", "$.sources[1]", "$.sources[2].url", "$.sources[2].headers",
                "$.sources[2].headers", "$.sources[3].confidentialTerms", "$.sources[3].shelterLocationsConfidential", "$.sources[4].key", "$.sources[5].key",
            ],
            e.Problems.Select(p => p.Location).ToArray());
        Assert.All(e.Problems, p => Assert.DoesNotContain("s3cret", p.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{ "sources": [] }""")]
    [InlineData("""{ "sources": [1 """)]
    public void A_file_with_no_sources_or_broken_json_fails(string json) =>
        Assert.Throws<NhtrcValidationException>(() => HsdsSourcesFile.Parse(json, Base));
}
