using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

public class CallerTests
{
    [Fact]
    public void ToString_ShowsRoleAndLocationButNoPersonalData()
    {
        var caller = ContactExamples.Caller(ContactExamples.PersonalData());
        var text = caller.ToString();
        Assert.Contains("PossibleVictim", text, StringComparison.Ordinal);
        Assert.Contains("Zip = 77002", text, StringComparison.Ordinal);
        Assert.Contains("Name = [redacted]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sample Caller", text, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0143", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_WithNarrativeOnly_IsAccepted()
    {
        var caller = ContactExamples.Caller(new PersonalData(narrative: "Synthetic."), anonymous: true);
        Assert.True(caller.IsAnonymous);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("phone")]
    [InlineData("email")]
    [InlineData("address")]
    public void Anonymous_WithIdentifyingData_Throws(string field)
    {
        var data = field switch
        {
            "name" => new PersonalData(name: "Sample Caller"),
            "phone" => new PersonalData(phone: "202-555-0143"),
            "email" => new PersonalData(email: "sample@example.org"),
            _ => new PersonalData(address: "100 Example Street"),
        };
        var e = Assert.Throws<NhtrcValidationException>(() => ContactExamples.Caller(data, anonymous: true));
        Assert.Equal("personalData", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void UndefinedRole_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new Caller((CallerRole)99, false, LanguageTag.English));
        Assert.Equal("role", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Equality_IsByValue() =>
        Assert.Equal(ContactExamples.Caller(ContactExamples.PersonalData()), ContactExamples.Caller(ContactExamples.PersonalData()));
}
