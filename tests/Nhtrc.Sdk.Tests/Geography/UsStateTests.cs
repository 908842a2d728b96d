using System;
using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Geography;

public class UsStateTests
{
    [Fact]
    public void All_HasTheFiftyStatesAndDc_OrderedByFips()
    {
        Assert.Equal(51, UsState.All.Length);
        Assert.Equal(51, UsState.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal(UsState.All.Select(s => s.Fips).Order(StringComparer.Ordinal), UsState.All.Select(s => s.Fips));
        Assert.Equal("AL", UsState.All[0].Code);
        Assert.Equal("WY", UsState.All[^1].Code);
        Assert.Contains(UsState.All, s => s.Code == "DC" && s.Name == "District of Columbia" && s.Fips == "11");
    }

    [Theory]
    [InlineData("CA", "California", "06")]
    [InlineData("ny", "New York", "36")]
    [InlineData("Dc", "District of Columbia", "11")]
    public void GetByCode_IgnoresCase(string code, string name, string fips)
    {
        var state = UsState.GetByCode(code);

        Assert.Equal(name, state.Name);
        Assert.Equal(fips, state.Fips);
        Assert.Equal(code.ToUpperInvariant(), state.ToString());
        Assert.Same(state, UsState.GetByFips(fips));
    }

    [Theory]
    [InlineData("PR")]
    [InlineData("GU")]
    [InlineData("VI")]
    [InlineData("AS")]
    [InlineData("MP")]
    [InlineData("AA")]
    [InlineData("")]
    public void TryGetByCode_TerritoriesAndMilitaryCodes_AreNotStates(string code)
    {
        Assert.False(UsState.TryGetByCode(code, out _));
    }

    [Fact]
    public void TryGetByFips_PuertoRicoAndNull_AreNotStates()
    {
        Assert.False(UsState.TryGetByFips("72", out _));
        Assert.False(UsState.TryGetByFips(null, out _));
        Assert.False(UsState.TryGetByCode(null, out _));
    }

    [Fact]
    public void GetByCode_Unknown_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => UsState.GetByCode("PR"));

        Assert.Equal("code", Assert.Single(ex.Problems).Location);
        Assert.Contains("'PR'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetByFips_Unknown_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => UsState.GetByFips("72"));

        Assert.Contains("'72'", ex.Message, StringComparison.Ordinal);
    }
}
