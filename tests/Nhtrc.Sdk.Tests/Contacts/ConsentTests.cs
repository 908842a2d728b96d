using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Contacts;

public class ConsentTests
{
    private static readonly Instant Granted = Instant.FromUtc(2026, 7, 2, 23, 0);
    private static readonly Instant Expires = Granted + Duration.FromDays(30);

    private static Consent Fbi(Instant? expiresAt = null, Instant? revokedAt = null) =>
        new(ConsentScope.LawEnforcementReport, "FBI", Granted, expiresAt, revokedAt);

    [Fact]
    public void IsValidAt_AtGrantedInstant_IsTrue() =>
        Assert.True(Fbi(Expires).IsValidAt(Granted, ConsentScope.LawEnforcementReport, "fbi"));

    [Fact]
    public void IsValidAt_JustBeforeGranted_IsFalse() =>
        Assert.False(Fbi(Expires).IsValidAt(Granted - Duration.Epsilon, ConsentScope.LawEnforcementReport, "fbi"));

    [Fact]
    public void IsValidAt_JustBeforeExpiry_IsTrue() =>
        Assert.True(Fbi(Expires).IsValidAt(Expires - Duration.Epsilon, ConsentScope.LawEnforcementReport, "fbi"));

    [Fact]
    public void IsValidAt_AtExpiry_IsFalse() =>
        Assert.False(Fbi(Expires).IsValidAt(Expires, ConsentScope.LawEnforcementReport, "fbi"));

    [Fact]
    public void IsValidAt_NoExpiry_IsTrueForever() =>
        Assert.True(Fbi().IsValidAt(Instant.MaxValue, ConsentScope.LawEnforcementReport, "fbi"));

    [Fact]
    public void IsValidAt_AtRevocation_IsFalse()
    {
        var revoked = Granted + Duration.FromHours(1);
        var consent = Fbi(Expires, revoked);
        Assert.True(consent.IsValidAt(revoked - Duration.Epsilon, ConsentScope.LawEnforcementReport, "fbi"));
        Assert.False(consent.IsValidAt(revoked, ConsentScope.LawEnforcementReport, "fbi"));
        Assert.False(consent.IsValidAt(Expires - Duration.Epsilon, ConsentScope.LawEnforcementReport, "fbi"));
    }

    [Fact]
    public void IsValidAt_RevokedAtGrant_IsNeverValid() =>
        Assert.False(Fbi(revokedAt: Granted).IsValidAt(Granted, ConsentScope.LawEnforcementReport, "fbi"));

    [Fact]
    public void IsValidAt_WrongScope_IsFalse() =>
        Assert.False(Fbi(Expires).IsValidAt(Granted, ConsentScope.ReferralSharing, "fbi"));

    [Theory]
    [InlineData("hsi")]
    [InlineData("*")]
    [InlineData("fbi-houston")]
    [InlineData("")]
    public void IsValidAt_WrongRecipient_IsFalse(string recipient) =>
        Assert.False(Fbi(Expires).IsValidAt(Granted, ConsentScope.LawEnforcementReport, recipient));

    [Theory]
    [InlineData("fbi")]
    [InlineData("FBI")]
    [InlineData("Fbi")]
    public void IsValidAt_RecipientDiffersInCase_IsTrue(string recipient) =>
        Assert.True(Fbi(Expires).IsValidAt(Granted, ConsentScope.LawEnforcementReport, recipient));

    [Fact]
    public void Recipient_IsStoredLowercase() => Assert.Equal("fbi", Fbi().Recipient);

    [Fact]
    public void Constructor_WildcardRecipient_IsRejected()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new Consent(ConsentScope.ReferralSharing, "*", Granted));
        Assert.Equal("recipient", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_ExpiryNotAfterGrant_AndRevocationBeforeGrant_NamesBoth()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => Fbi(Granted, Granted - Duration.FromSeconds(1)));
        Assert.Equal(["expiresAt", "revokedAt"], e.Problems.Select(p => p.Location));
    }

    [Theory]
    [InlineData("")]
    [InlineData("f b i")]
    [InlineData("fbi/houston")]
    public void Constructor_BadRecipient_Throws(string recipient)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new Consent(ConsentScope.Callback, recipient, Granted));
        Assert.Equal("recipient", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_UndefinedScope_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new Consent((ConsentScope)0, "fbi", Granted));
        Assert.Equal("scope", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Revoke_SetsRevocation_AndKeepsAnEarlierOne()
    {
        var at = Granted + Duration.FromHours(2);
        var revoked = Fbi(Expires).Revoke(at);
        Assert.Equal(at, revoked.RevokedAt);
        Assert.Same(revoked, revoked.Revoke(at + Duration.FromHours(1)));
        Assert.Equal(at - Duration.FromHours(1), revoked.Revoke(at - Duration.FromHours(1)).RevokedAt);
        Assert.Throws<NhtrcValidationException>(() => Fbi().Revoke(Granted - Duration.Epsilon));
    }

    [Fact]
    public void Contact_HasConsent_LooksAtEveryConsent()
    {
        var contact = ContactExamples.Contact();
        var at = ContactExamples.Received;
        Assert.True(contact.HasConsent(at, ConsentScope.LawEnforcementReport, "fbi"));
        Assert.True(contact.HasConsent(at, ConsentScope.Callback, "NHTRC"));
        Assert.False(contact.HasConsent(at, ConsentScope.ReferralSharing, "fbi"));
        Assert.False(contact.HasConsent(at + Duration.FromDays(30), ConsentScope.LawEnforcementReport, "fbi"));
    }

    [Fact]
    public void ToString_ShowsScopeRecipientAndInstants() =>
        Assert.Equal(
            "Consent { LawEnforcementReport to fbi, granted 2026-07-02T23:00:00Z, expires 2026-08-01T23:00:00Z }",
            Fbi(Expires).ToString());
}
