using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Resources;

public class ResourceMaterialTests
{
    [Fact]
    public void Constructor_Valid_KeepsEveryMemberInOrder()
    {
        var m = TestMaterials.Make("sample-x", topics: [ResourceTopic.Youth, ResourceTopic.Healthcare],
            audiences: [CallerRole.Student, CallerRole.Other], languages: ["EN", "es-mx"], published: new LocalDate(2024, 3, 1));
        Assert.Equal([ResourceTopic.Youth, ResourceTopic.Healthcare], m.Topics.ToArray());
        Assert.Equal([CallerRole.Student, CallerRole.Other], m.Audiences.ToArray());
        Assert.Equal(["en", "es-MX"], m.Languages.Select(l => l.Value).ToArray());
        Assert.Equal(new LocalDate(2024, 3, 1), m.Published);
        Assert.Equal("sample-x (FactSheet): Sample Material", m.ToString());
    }

    [Fact]
    public void Equals_IsByValue()
    {
        Assert.Equal(TestMaterials.Make("a"), TestMaterials.Make("a"));
        Assert.NotEqual(TestMaterials.Make("a"), TestMaterials.Make("a", title: "Other"));
        Assert.NotEqual(TestMaterials.Make("a", languages: ["en", "es"]), TestMaterials.Make("a", languages: ["es", "en"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper-Case")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double--hyphen")]
    [InlineData("under_score")]
    [InlineData("spa ce")]
    public void Constructor_BadId_Throws(string id)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => TestMaterials.Make(id));
        Assert.Equal("id", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_IdOfMaximumLength_IsAccepted() =>
        Assert.Equal(100, TestMaterials.Make(new string('a', 100)).Id.Length);

    [Fact]
    public void Constructor_EveryProblem_IsListedByParameter()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ResourceMaterial(
            "Bad Id", " ", "", [], [CallerRole.Student, CallerRole.Student], [LanguageTag.English, LanguageTag.Parse("EN")],
            (ResourceFormat)99, new Uri("http://example.org/x")));
        Assert.Equal(
            ["id", "title", "summary", "topics", "audiences[1]", "languages[1]", "format", "link"],
            e.Problems.Select(p => p.Location).ToArray());
    }

    [Fact]
    public void Constructor_UndefinedTopicAndEmptyAudiences_AreProblems()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ResourceMaterial(
            "a", "T", "S", [(ResourceTopic)0], [], [LanguageTag.English], ResourceFormat.Toolkit, new Uri("https://example.org")));
        Assert.Equal(["topics[0]", "audiences"], e.Problems.Select(p => p.Location).ToArray());
    }

    [Theory]
    [InlineData("http://example.org/a")]
    [InlineData("ftp://example.org/a")]
    [InlineData("https://user:secret@example.org/a")]
    [InlineData("file:///etc/passwd")]
    public void Constructor_LinkNotPlainHttps_Throws(string link)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ResourceMaterial(
            "a", "T", "S", [ResourceTopic.Youth], [CallerRole.Student], [LanguageTag.English], ResourceFormat.Toolkit, new Uri(link)));
        Assert.Equal("link", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_RelativeLink_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ResourceMaterial(
            "a", "T", "S", [ResourceTopic.Youth], [CallerRole.Student], [LanguageTag.English], ResourceFormat.Toolkit, new Uri("/a", UriKind.Relative)));
        Assert.Equal("link", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_NullLanguage_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => new ResourceMaterial(
            "a", "T", "S", [ResourceTopic.Youth], [CallerRole.Student], [null!], ResourceFormat.Toolkit, new Uri("https://example.org")));
}
