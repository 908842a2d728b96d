using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Text;

public sealed class WireNamesTests
{
    [Fact]
    public void Of_And_TryParse_RoundTripEveryMember_InDeclarationOrder()
    {
        AssertRoundTrips<ContactChannel>();
        AssertRoundTrips<ServiceType>();
        AssertRoundTrips<Urgency>();
        AssertRoundTrips<ImmigrationStatus>();
        Assert.Equal(["phone", "text", "chat", "email", "webForm"], WireNames.All<ContactChannel>().ToArray());
        Assert.Equal("webForm", WireNames.Of(ContactChannel.WebForm));
        Assert.Equal("phone, text, chat, email, webForm", WireNames.Expected<ContactChannel>());
    }

    [Fact]
    public void TryParse_IsCaseSensitive_AndRejectsNullAndNumbers()
    {
        Assert.False(WireNames.TryParse("WebForm", out ContactChannel _));
        Assert.False(WireNames.TryParse("webform", out ContactChannel _));
        Assert.False(WireNames.TryParse(null, out ContactChannel _));
        Assert.False(WireNames.TryParse("1", out ContactChannel _));
    }

    [Fact]
    public void Parse_AnUnknownName_ListsTheNames_WithoutEchoingLongText()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => WireNames.Parse<ContactChannel>("fax"));
        Assert.Contains("'fax' is not one of: phone, text, chat, email, webForm.", e.Message, StringComparison.Ordinal);

        var secret = Assert.Throws<NhtrcValidationException>(() => WireNames.Parse<ContactChannel>("Jane Example 555 0100"));
        Assert.DoesNotContain("Jane", secret.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AnUndefinedMember_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WireNames.Of((ContactChannel)99));

    private static void AssertRoundTrips<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        Assert.Equal(values.Length, WireNames.All<T>().Length);
        foreach (var (value, name) in values.Zip(WireNames.All<T>()))
        {
            Assert.Equal(name, WireNames.Of(value));
            Assert.True(WireNames.TryParse(name, out T parsed));
            Assert.Equal(value, parsed);
            Assert.Equal(value, WireNames.Parse<T>(name));
            Assert.True(char.IsAsciiLetterLower(name[0]));
        }
    }
}
