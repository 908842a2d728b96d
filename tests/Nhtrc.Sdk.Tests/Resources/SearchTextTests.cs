using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;

namespace Nhtrc.Sdk.Tests.Resources;

public class SearchTextTests
{
    [Theory]
    [InlineData("Labor TRAFFICKING", "labor trafficking")]
    [InlineData("The Rights of Victims", "right victim")]
    [InlineData("agencies, farms & status: analysis of business", "agency farm status analysis business")]
    [InlineData("Víctimas de la Trata para NIÑOS", "victima trata nino")]
    [InlineData("24/7 T-visa", "24 7 t visa")]
    [InlineData("  ", "")]
    public void Tokenize_LowercasesFoldsDropsStopWordsAndStemsPlurals(string text, string expected) =>
        Assert.Equal(expected, string.Join(" ", SearchText.Tokenize(text)));

    [Fact]
    public void Words_SplitsCamelCaseNames()
    {
        Assert.Equal("law enforcement response", SearchText.Words(ResourceTopic.LawEnforcementResponse));
        Assert.Equal("possible victim", SearchText.Words(CallerRole.PossibleVictim));
    }

    [Fact]
    public void LanguageName_KnownAndUnknown()
    {
        Assert.Equal("Spanish", SearchText.LanguageName(LanguageTag.Parse("es-MX")));
        Assert.Equal("language 'gd'", SearchText.LanguageName(LanguageTag.Parse("gd")));
    }

    // Words that exercise each rule (stop words, plurals, kept endings, diacritics, digits, other scripts)
    // joined by separators that must split.
    private static readonly string[] Words =
    [
        "The", "of", "LA", "y", "victims", "agencies", "ies", "spies", "business", "status", "analysis", "bus",
        "Víctimas", "NIÑOS", "ÇA", "24", "7", "T", "visa", "人口贩卖", "Œuvre", "ﬁles", "İstanbul", "ǅemal", "x²", "١٢",
    ];

    private static readonly string[] Separators = [" ", "-", "/", ", ", "\t", "_", "'", "\u00a0", "\ud83d\ude00", ""];

    [Property(MaxTest = 500)]
    public Property Tokenize_MatchesTheNaiveTokenizerWrittenFromTheDocs() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements(Words).Zip(Gen.Elements(Separators)), 8).Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2))).ToArbitrary(),
            text => SearchText.Tokenize(text).SequenceEqual(NaiveTokenizer.Tokenize(text)));

    [Fact]
    public void TopicWords_MatchTheNaiveTokenizerForEveryTopic()
    {
        foreach (var topic in Enum.GetValues<ResourceTopic>())
        {
            Assert.Equal(NaiveTokenizer.TopicWords(topic), SearchText.Tokenize(SearchText.Words(topic)));
        }
    }
}
