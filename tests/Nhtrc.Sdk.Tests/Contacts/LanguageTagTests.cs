using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

public class LanguageTagTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("ES", "es")]
    [InlineData("zh-hant", "zh-Hant")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("ZH-HANT-tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData("haw", "haw")]
    [InlineData("sl-ROZAJ", "sl-rozaj")]
    [InlineData("de-CH-1901", "de-CH-1901")]
    public void Parse_ValidTag_ReturnsCanonicalCase(string input, string expected) =>
        Assert.Equal(expected, LanguageTag.Parse(input).Value);

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("english")]
    [InlineData("en_US")]
    [InlineData("en-")]
    [InlineData("-en")]
    [InlineData("en--US")]
    [InlineData("en-US-x-private")]
    [InlineData("e1")]
    [InlineData("en-Latn-Latn")]
    [InlineData("en-US-CA")]
    public void Parse_InvalidTag_ThrowsValidationException(string input)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => LanguageTag.Parse(input));
        Assert.Equal("tag", Assert.Single(e.Problems).Location);
        Assert.False(LanguageTag.TryParse(input, out _));
    }

    [Fact]
    public void Equality_DiffersOnlyInCase_IsEqual()
    {
        Assert.Equal(LanguageTag.Parse("PT-br"), LanguageTag.Parse("pt-BR"));
        Assert.True(LanguageTag.Parse("ZH-hant") == LanguageTag.Parse("zh-Hant"));
        Assert.Equal(LanguageTag.Parse("EN").GetHashCode(), LanguageTag.English.GetHashCode());
        Assert.NotEqual(LanguageTag.English, LanguageTag.Spanish);
    }

    [Fact]
    public void Language_ReturnsPrimarySubtag() => Assert.Equal("zh", LanguageTag.Parse("zh-Hant-TW").Language);
}
