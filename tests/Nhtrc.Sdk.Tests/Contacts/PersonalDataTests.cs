using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

public class PersonalDataTests
{
    [Fact]
    public void Values_AreReadableOnlyThroughReveal()
    {
        var data = ContactExamples.PersonalData();
        Assert.Equal("Sample Caller", data.Name!.Reveal());
        Assert.Equal("+1 202-555-0143", data.Phone!.Reveal());
        Assert.Equal("sample.caller@example.org", data.Email!.Reveal());
        Assert.Equal("100 Example Street, Sampletown", data.Address!.Reveal());
        Assert.Equal("Synthetic narrative for tests.", data.Narrative!.Reveal());
    }

    [Fact]
    public void ToString_ListsPresentValuesAsRedacted()
    {
        var data = new PersonalData(name: "Sample Caller", phone: "202-555-0143");
        Assert.Equal("PersonalData { Name = [redacted], Phone = [redacted] }", data.ToString());
        Assert.Equal("PersonalData { }", new PersonalData().ToString());
        Assert.True(new PersonalData().IsEmpty);
    }

    [Fact]
    public void Sensitive_EveryTextConversion_IsRedacted()
    {
        var secret = new Sensitive<string>("Sample Caller");
        Assert.Equal("[redacted]", secret.ToString());
        Assert.Equal("[redacted]", $"{secret}");
        Assert.Equal("[redacted]", $"{secret,-5:G}");
        Assert.Equal("[redacted]", string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:X}", secret));
        Assert.Equal("[redacted]", ((IFormattable)secret).ToString("G", null));
    }

    [Fact]
    public void Sensitive_Equality_IsByValue()
    {
        Assert.Equal(new Sensitive<string>("a"), new Sensitive<string>("a"));
        Assert.NotEqual(new Sensitive<string>("a"), new Sensitive<string>("b"));
        Assert.Equal(ContactExamples.PersonalData(), ContactExamples.PersonalData());
    }

    [Theory]
    [InlineData("555-01")]
    [InlineData("1234567890123456")]
    [InlineData("202 555 0143 ext 2")]
    [InlineData("2+02-555-0143")]
    [InlineData("")]
    public void Constructor_BadPhone_NamesPhoneWithoutEchoingIt(string phone)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new PersonalData(phone: phone));
        Assert.Equal("phone", Assert.Single(e.Problems).Location);
        if (phone.Length > 0)
        {
            Assert.DoesNotContain(phone, e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sample.caller")]
    [InlineData("@example.org")]
    [InlineData("sample@caller@example.org")]
    [InlineData("sample@example")]
    [InlineData("sample caller@example.org")]
    [InlineData("sample@example.org.")]
    public void Constructor_BadEmail_NamesEmailWithoutEchoingIt(string email)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new PersonalData(email: email));
        Assert.Equal("email", Assert.Single(e.Problems).Location);
        Assert.DoesNotContain(email, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BlankOrTooLongText_NamesEveryField()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new PersonalData(
            name: " ", address: new string('a', 501), narrative: new string('n', 20_001)));
        Assert.Equal(["name", "address", "narrative"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Constructor_LongestAllowedText_IsAccepted()
    {
        var data = new PersonalData(name: new string('a', 200), address: new string('b', 500), narrative: new string('c', 20_000));
        Assert.Equal(20_000, data.Narrative!.Reveal().Length);
    }
}
