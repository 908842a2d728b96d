using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

public sealed class ReferralNeedTests
{
    // Ids that are camelCase identifiers: service type names and others, some only a letter's case away from one.
    private static Arbitrary<string> Ids() =>
        Gen.OneOf(
                Gen.Elements(Enum.GetValues<ServiceType>().Select(t => t.ToString()).ToArray()).Select(n => char.ToLowerInvariant(n[0]) + n[1..]),
                Gen.Elements("runawayAndHomelessYouth", "housingx", "legalservices", "shelter", "a", "z9"),
                from first in Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray())
                from length in Gen.Choose(0, 63)
                from rest in Gen.ArrayOf(Gen.Elements("abcXYZ019".ToCharArray()), length)
                select first + new string(rest))
            .ToArbitrary();

    // Naive: an id names a service type when some member's name, first letter lowered, spells it.
    private static ServiceType? NaiveServiceType(string id) =>
        Enum.GetValues<ServiceType>().Cast<ServiceType?>().FirstOrDefault(t => char.ToLowerInvariant(t.ToString()![0]) + t.ToString()![1..] == id);

    [Property(MaxTest = 300)]
    public Property Parse_KnowsTheServiceTypes_AsTheNaiveReadingDoes_AndKeepsTheId() =>
        Prop.ForAll(Ids(), id =>
        {
            var need = ReferralNeed.Parse(id);
            return need.Id == id
                && need.ServiceType == NaiveServiceType(id)
                && need.IsServiceType == NaiveServiceType(id).HasValue
                && need.ToString() == id
                && ReferralNeed.TryParse(id, out var again) && again == need && again.GetHashCode() == need.GetHashCode();
        });

    [Fact]
    public void EveryServiceType_ConvertsToTheNeedOfItsWireName()
    {
        foreach (var type in Enum.GetValues<ServiceType>())
        {
            ReferralNeed need = type;
            Assert.Equal(ReferralNeed.Parse(Sdk.Text.WireNames.Of(type)), need);
            Assert.Same(ReferralNeed.Of(type), need);
            Assert.Equal(type, need.ServiceType);
        }
    }

    [Fact]
    public void Equality_IsByIdOrdinal()
    {
        Assert.True(ReferralNeed.Parse("housing") == ServiceType.Housing);
        Assert.True(ReferralNeed.Parse("housingX") != ReferralNeed.Parse("housingx"));
        Assert.False(ReferralNeed.Parse("housing").Equals(null));
        Assert.True((ReferralNeed?)null == null);
        Assert.True(ReferralNeed.Parse("housing").IsServiceType);
        Assert.Null(ReferralNeed.Parse("runawayAndHomelessYouth").ServiceType);
    }

    [Fact]
    public void Of_AnUndefinedServiceType_IsAValidationError()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ReferralNeed.Of((ServiceType)999));
        Assert.Equal(["serviceType"], e.Problems.Select(p => p.Location));
        Assert.Throws<NhtrcValidationException>(() => ReferralNeed.Of(0));
        Assert.Throws<ArgumentNullException>(() => ReferralNeed.Parse(null!));
        Assert.False(ReferralNeed.TryParse(null, out _));
    }
}
