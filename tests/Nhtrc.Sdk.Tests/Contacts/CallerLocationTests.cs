using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

public class CallerLocationTests
{
    [Fact]
    public void Constructor_ValidParts_NormalizesStateToUppercase()
    {
        var location = new CallerLocation(zip: "00501", countyFips: "36103", state: "ny", point: new GeoPoint(40.8, -73.0));
        Assert.Equal("NY", location.State);
        Assert.Equal("00501", location.Zip);
        Assert.Equal(new CallerLocation(zip: "00501", countyFips: "36103", state: "NY", point: new GeoPoint(40.8, -73.0)), location);
    }

    [Theory]
    [InlineData("7700")]
    [InlineData("770021")]
    [InlineData("7700a")]
    [InlineData("77002-1234")]
    [InlineData("")]
    public void Constructor_BadZip_NamesZip(string zip)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new CallerLocation(zip: zip));
        Assert.Equal("zip", Assert.Single(e.Problems).Location);
    }

    [Theory]
    [InlineData("4820")]
    [InlineData("00000")]
    [InlineData("48-01")]
    public void Constructor_BadCountyFips_NamesCountyFips(string fips)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new CallerLocation(countyFips: fips));
        Assert.Equal("countyFips", Assert.Single(e.Problems).Location);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("Texas")]
    [InlineData("T")]
    public void Constructor_BadState_NamesState(string state)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new CallerLocation(state: state));
        Assert.Equal("state", Assert.Single(e.Problems).Location);
    }

    [Theory]
    [InlineData("PR")]
    [InlineData("DC")]
    [InlineData("gu")]
    [InlineData("AE")]
    public void Constructor_TerritoryDcOrMilitaryCode_IsAccepted(string state) =>
        Assert.NotNull(new CallerLocation(state: state).State);

    [Fact]
    public void Constructor_NothingGiven_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new CallerLocation());
        Assert.Equal("location", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_SeveralBadParts_NamesEveryOne()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new CallerLocation(zip: "1", countyFips: "2", state: "ZZ"));
        Assert.Equal(["zip", "countyFips", "state"], e.Problems.Select(p => p.Location));
    }
}
