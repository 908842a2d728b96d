using System;
using System.IO;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Resources;

public class ResourceLibraryJsonTests
{
    private const string Valid = """
        {"id":"sample-a","title":"Sample A","summary":"A fictional material.","topics":["laborTrafficking"],
         "audiences":["serviceProvider"],"languages":["en","es"],"format":"toolkit","link":"https://example.org/a",
         "published":"2024-03-01"}
        """;

    private static ResourceLibrary Load(string json) => ResourceLibraryJson.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static ValidationProblem[] Problems(string json) =>
        [.. Assert.Throws<NhtrcValidationException>(() => Load(json)).Problems];

    /// <summary>A one-material library whose material is <see cref="Valid"/> with <paramref name="member"/> replaced (or removed when null).</summary>
    private static string With(string member, string? value)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        json.Remove(member);
        if (value is not null)
        {
            json[member] = System.Text.Json.Nodes.JsonNode.Parse(value);
        }

        return $"{{\"materials\":[{json.ToJsonString()}]}}";
    }

    [Fact]
    public void Load_Valid_ReadsEveryMember()
    {
        var m = Load($"{{\"materials\":[{Valid}]}}").Materials.Single();
        Assert.Equal("sample-a", m.Id);
        Assert.Equal("Sample A", m.Title);
        Assert.Equal([ResourceTopic.LaborTrafficking], m.Topics.ToArray());
        Assert.Equal([CallerRole.ServiceProvider], m.Audiences.ToArray());
        Assert.Equal([LanguageTag.English, LanguageTag.Spanish], m.Languages.ToArray());
        Assert.Equal(ResourceFormat.Toolkit, m.Format);
        Assert.Equal(new Uri("https://example.org/a"), m.Link);
        Assert.Equal(new LocalDate(2024, 3, 1), m.Published);
    }

    [Fact]
    public void Load_EmptyLibrary_IsValid() => Assert.Equal(0, Load("""{"materials":[]}""").Count);

    [Theory]
    [InlineData("id", "\"Not A Slug\"", "$.materials[0].id")]
    [InlineData("id", null, "$.materials[0].id")]
    [InlineData("title", "\"   \"", "$.materials[0].title")]
    [InlineData("title", null, "$.materials[0].title")]
    [InlineData("summary", "\"\"", "$.materials[0].summary")]
    [InlineData("topics", "[\"trafficking\"]", "$.materials[0].topics[0]")]
    [InlineData("topics", "[]", "$.materials[0].topics")]
    [InlineData("topics", "[\"youth\",\"youth\"]", "$.materials[0].topics[1]")]
    [InlineData("audiences", "[\"victim\"]", "$.materials[0].audiences[0]")]
    [InlineData("audiences", null, "$.materials[0].audiences")]
    [InlineData("audiences", "[null]", "$.materials[0].audiences[0]")]
    [InlineData("languages", "[\"english\"]", "$.materials[0].languages[0]")]
    [InlineData("languages", "[\"en\",\"EN\"]", "$.materials[0].languages[1]")]
    [InlineData("languages", "[]", "$.materials[0].languages")]
    [InlineData("format", "\"pamphlet\"", "$.materials[0].format")]
    [InlineData("format", null, "$.materials[0].format")]
    [InlineData("link", "\"http://example.org/a\"", "$.materials[0].link")]
    [InlineData("link", "\"/resources/a\"", "$.materials[0].link")]
    [InlineData("link", "\"example.org/a\"", "$.materials[0].link")]
    [InlineData("link", null, "$.materials[0].link")]
    [InlineData("published", "\"2024-02-30\"", "$.materials[0].published")]
    [InlineData("color", "\"red\"", "$.materials[0].color")]
    public void Load_InvalidMember_IsReportedWithItsPath(string member, string? value, string path)
    {
        var problem = Assert.Single(Problems(With(member, value)));
        Assert.Equal(path, problem.Location);
    }

    [Fact]
    public void Load_DuplicateIds_AreReportedAtTheRepeat()
    {
        var problems = Problems($"{{\"materials\":[{Valid},{Valid.Replace("sample-a", "sample-b")},{Valid}]}}");
        var problem = Assert.Single(problems);
        Assert.Equal("$.materials[2].id", problem.Location);
        Assert.Contains("$.materials[0]", problem.Message);
    }

    [Fact]
    public void Load_ManyProblems_ListsEveryOne_AndLoadsNothing()
    {
        var bad = """
            {"materials":[
              {"id":"ok","title":"","summary":"S","topics":["youth"],"audiences":["student"],"languages":["en"],"format":"video","link":"https://example.org/ok"},
              null,
              {"id":"ok","title":"T","summary":"S","topics":["nope"],"audiences":["student"],"languages":["e"],"format":"video","link":"ftp://example.org"}
            ],"version":2}
            """;
        var e = Assert.Throws<NhtrcValidationException>(() => Load(bad));
        Assert.Equal(
            ["$.version", "$.materials[0].title", "$.materials[1]", "$.materials[2].topics[0]", "$.materials[2].languages[0]", "$.materials[2].link", "$.materials[2].id"],
            e.Problems.Select(p => p.Location).ToArray());
        Assert.StartsWith("Invalid resource library document: 7 problems:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "$.materials")]
    [InlineData("null", "$")]
    [InlineData("{\"materials\":[", "$.materials[0]")]
    [InlineData("{\"materials\":{}}", "$.materials")]
    [InlineData("{\"materials\":[{\"title\":42}]}", "$.materials[0].title")]
    [InlineData("{\"materials\":[],\"materials\":[]}", "$.materials")]
    public void Load_WrongShape_IsReported(string json, string path) =>
        Assert.Equal(path, Problems(json)[0].Location);

    [Fact]
    public void Sample_Loads_WithEveryAudienceTopicAndFormat_AndFictionalLinks()
    {
        var sample = ResourceLibrary.Sample;
        Assert.Same(sample, ResourceLibrary.Sample);
        Assert.InRange(sample.Count, 35, 50);
        Assert.Equal(Enum.GetValues<CallerRole>().Order(), sample.Materials.SelectMany(m => m.Audiences).Distinct().Order());
        Assert.Equal(Enum.GetValues<ResourceTopic>().Order(), sample.Materials.SelectMany(m => m.Topics).Distinct().Order());
        Assert.Equal(Enum.GetValues<ResourceFormat>().Order(), sample.Materials.Select(m => m.Format).Distinct().Order());
        Assert.All(sample.Materials, m => Assert.StartsWith("Sample ", m.Title, StringComparison.Ordinal));
        Assert.All(sample.Materials, m => Assert.Equal("example.org", m.Link.Host));
        var languages = sample.Materials.SelectMany(m => m.Languages).Select(l => l.Language).Distinct().ToArray();
        Assert.Contains("en", languages);
        Assert.Contains("es", languages);
        Assert.True(languages.Length >= 5);
    }

    [Fact]
    public void Sample_FindsSpanishLaborMaterials()
    {
        var result = ResourceLibrary.Sample.Search(new ResourceQuery("trata laboral agricultura") { Language = LanguageTag.Spanish, MaxResults = 3 });
        Assert.Equal("sample-labor-trafficking-agriculture-toolkit-es", result[0].Material.Id);
        Assert.Contains("in Spanish", result[0].Reasons);
    }

    [Fact]
    public void Sample_DocsExample_GivesTheDocumentedTopResult()
    {
        var results = ResourceLibrary.Sample.Search(new ResourceQuery("labor trafficking agriculture")
        {
            Topics = [ResourceTopic.LaborTrafficking],
            Audience = CallerRole.CommunityMember,
            Language = LanguageTag.Spanish,
            MaxResults = 5,
        });
        var top = results[0];
        Assert.Equal("sample-labor-trafficking-agriculture-toolkit", top.Material.Id);
        Assert.Equal(["title matches 'labor'", "summary matches 'labor'", "topic matches 'labor'"], top.Reasons.Take(3).ToArray());
        Assert.Equal(["about labor trafficking", "for community member and 1 other audience", "in Spanish"], top.Reasons.TakeLast(3).ToArray());
    }

    [Fact]
    public void Serialize_Sample_RoundTrips()
    {
        // ToArray: xUnit would compare two ImmutableArrays by reference.
        var again = ResourceLibraryJson.Parse(ResourceLibraryJson.Serialize(ResourceLibrary.Sample)).Materials;
        Assert.Equal(ResourceLibrary.Sample.Materials.ToArray(), again.ToArray());
    }
}
