using System;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Resources;

public class ResourceSearchTests
{
    private static readonly ResourceLibrary Library = new(
    [
        TestMaterials.Make("title-labor", title: "Labor Trafficking Toolkit", summary: "Guidance for outreach.",
            topics: [ResourceTopic.ServiceProviderTraining], audiences: [CallerRole.ServiceProvider]),
        TestMaterials.Make("summary-labor", title: "Outreach Toolkit", summary: "Guidance on labor trafficking for outreach.",
            topics: [ResourceTopic.ServiceProviderTraining], audiences: [CallerRole.ServiceProvider, CallerRole.CommunityMember]),
        TestMaterials.Make("topic-labor", title: "Farm Guide", summary: "Guidance for growers.",
            topics: [ResourceTopic.LaborTrafficking], audiences: [CallerRole.CommunityMember], languages: ["en", "es"]),
        TestMaterials.Make("spanish-only", title: "Guía de Trata Laboral", summary: "Material ficticio sobre la trata laboral.",
            topics: [ResourceTopic.LaborTrafficking, ResourceTopic.LegalRights], audiences: [CallerRole.PossibleVictim], languages: ["es-MX"]),
        TestMaterials.Make("youth-poster", title: "Youth Poster", summary: "A poster for schools.",
            topics: [ResourceTopic.Youth, ResourceTopic.PublicAwareness], audiences: [CallerRole.Student], languages: ["en", "fr"]),
    ]);

    [Fact]
    public void Search_TitleMatchOutranksSummaryMatch()
    {
        var ids = Library.Search(new ResourceQuery("toolkit labor")).Select(r => r.Material.Id).ToArray();
        Assert.Equal("title-labor", ids[0]);
        Assert.True(Array.IndexOf(ids, "title-labor") < Array.IndexOf(ids, "summary-labor"));
    }

    [Fact]
    public void Search_TopicWordsAreSearchable()
    {
        var result = Library.Search(new ResourceQuery("labor"));
        var topicMatch = Assert.Single(result, r => r.Material.Id == "topic-labor");
        Assert.Contains("topic matches 'labor'", topicMatch.Reasons);
    }

    [Fact]
    public void Search_ResultsCarryReadableReasons_TextFirstInQueryOrder()
    {
        var top = Library.Search(new ResourceQuery("Labor toolkits") { Language = LanguageTag.English, Audience = CallerRole.ServiceProvider })[0];
        Assert.Equal("title-labor", top.Material.Id);
        Assert.Equal(["title matches 'labor'", "title matches 'toolkit'", "made for service provider", "in English"], top.Reasons.ToArray());
    }

    [Fact]
    public void Search_NoTextMatch_ReturnsNothing() =>
        Assert.Empty(Library.Search(new ResourceQuery("zzz")));

    [Fact]
    public void Search_OnlyStopWords_ImposesNoTextCondition() =>
        Assert.Equal(Library.Count, Library.Search(new ResourceQuery("the of") { MaxResults = 100 }).Length);

    [Fact]
    public void Search_NoWordsNoFilters_ListsByIdWithZeroScores()
    {
        var result = Library.Search(new ResourceQuery { MaxResults = 100 });
        Assert.Equal(Library.Materials.Select(m => m.Id).Order(StringComparer.Ordinal), result.Select(r => r.Material.Id));
        Assert.All(result, r => Assert.Equal(0.0, r.Score));
        Assert.All(result, r => Assert.Empty(r.Reasons));
    }

    [Fact]
    public void Search_TopicFilter_IsHardAndAnyOf()
    {
        var result = Library.Search(new ResourceQuery { Topics = [ResourceTopic.Youth, ResourceTopic.LegalRights] });
        Assert.Equal(["spanish-only", "youth-poster"], result.Select(r => r.Material.Id).ToArray());
        Assert.Equal(["about legal rights"], result[0].Reasons.ToArray());
    }

    [Fact]
    public void Search_MoreMatchingTopics_RankHigher()
    {
        var result = Library.Search(new ResourceQuery { Topics = [ResourceTopic.LegalRights, ResourceTopic.LaborTrafficking] });
        Assert.Equal(["spanish-only", "topic-labor"], result.Select(r => r.Material.Id).ToArray());
        Assert.Equal(2.0, result[0].Score);
        Assert.Equal(1.0, result[1].Score);
    }

    [Fact]
    public void Search_AudienceFilter_IsHard_AndTargetedMaterialsRankHigher()
    {
        var result = Library.Search(new ResourceQuery { Audience = CallerRole.CommunityMember });
        Assert.Equal(["topic-labor", "summary-labor"], result.Select(r => r.Material.Id).ToArray());
        Assert.Equal(["made for community member"], result[0].Reasons.ToArray());
        Assert.Equal(["for community member and 1 other audience"], result[1].Reasons.ToArray());
    }

    [Fact]
    public void Search_LanguageFilter_MatchesPrimaryLanguage_ExactTagRanksHigher()
    {
        var result = Library.Search(new ResourceQuery("trata laboral labor") { Language = LanguageTag.Parse("es") });
        Assert.Equal(["spanish-only", "topic-labor"], result.Select(r => r.Material.Id).Order(StringComparer.Ordinal).ToArray());
        var spanishOnly = result.Single(r => r.Material.Id == "spanish-only");
        var topicLabor = result.Single(r => r.Material.Id == "topic-labor");
        Assert.Contains("in Spanish (es-MX)", spanishOnly.Reasons);
        Assert.Contains("in Spanish", topicLabor.Reasons);

        var exact = Library.Search(new ResourceQuery { Language = LanguageTag.Parse("es-MX") });
        Assert.Equal(["spanish-only", "topic-labor"], exact.Select(r => r.Material.Id).ToArray());
        Assert.Equal(0.5, exact[0].Score);
        Assert.Equal(0.0, exact[1].Score);
    }

    [Fact]
    public void Search_MultilingualMaterial_MatchesAnyOfItsLanguages()
    {
        Assert.Contains(Library.Search(new ResourceQuery { Language = LanguageTag.Parse("fr") }), r => r.Material.Id == "youth-poster");
        Assert.Contains(Library.Search(new ResourceQuery { Language = LanguageTag.English }), r => r.Material.Id == "youth-poster");
        Assert.Empty(Library.Search(new ResourceQuery { Language = LanguageTag.Parse("vi") }));
    }

    [Fact]
    public void Search_AccentsAndPluralsAreIgnored()
    {
        var withAccent = Library.Search(new ResourceQuery("guía")).Select(r => r.Material.Id);
        var without = Library.Search(new ResourceQuery("GUIAS")).Select(r => r.Material.Id);
        Assert.Equal(["spanish-only"], withAccent);
        Assert.Equal(withAccent, without);
    }

    [Fact]
    public void Search_Ties_BreakById()
    {
        var library = new ResourceLibrary([TestMaterials.Make("b"), TestMaterials.Make("c"), TestMaterials.Make("a")]);
        var result = library.Search(new ResourceQuery("sample"));
        Assert.Equal(["a", "b", "c"], result.Select(r => r.Material.Id).ToArray());
        Assert.Equal(result[0].Score, result[2].Score);
    }

    [Fact]
    public void Search_MaxResults_Truncates() =>
        Assert.Equal(2, Library.Search(new ResourceQuery("labor") { MaxResults = 2 }).Length);

    [Fact]
    public void Search_RareWordOutranksCommonWord()
    {
        // "guidance" is in three summaries, "farm" in one title: idf makes the rare word worth more.
        var result = Library.Search(new ResourceQuery("guidance farm"));
        Assert.Equal("topic-labor", result[0].Material.Id);
    }

    [Fact]
    public void Search_FromManyThreads_GivesTheSameResults()
    {
        var query = new ResourceQuery("labor trafficking guide") { Language = LanguageTag.English };
        var expected = Library.Search(query).Select(r => (r.Material.Id, r.Score)).ToArray();
        var results = new (string, double)[32][];
        Parallel.For(0, results.Length, i => results[i] = [.. Library.Search(query).Select(r => (r.Material.Id, r.Score))]);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Query_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResourceQuery { MaxResults = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResourceQuery { Topics = [(ResourceTopic)0] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResourceQuery { Audience = (CallerRole)42 });
        Assert.Throws<ArgumentException>(() => new ResourceQuery(new string('a', ResourceQuery.MaxTextLength + 1)));
    }

    [Fact]
    public void Library_DuplicateIds_ListsEveryRepeat()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ResourceLibrary(
            [TestMaterials.Make("a"), TestMaterials.Make("b"), TestMaterials.Make("a"), TestMaterials.Make("b")]));
        Assert.Equal(["materials[2]", "materials[3]"], e.Problems.Select(p => p.Location).ToArray());
    }

    [Fact]
    public void Library_Find_ByIdOrNull()
    {
        Assert.Equal("Youth Poster", Library.GetMaterial("youth-poster").Title);
        Assert.False(Library.TryGetMaterial("missing", out var missing));
        Assert.Null(missing);
        Assert.Throws<NhtrcValidationException>(() => Library.GetMaterial("missing"));
    }
}
