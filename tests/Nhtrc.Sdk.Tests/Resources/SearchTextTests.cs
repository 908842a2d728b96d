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
}
