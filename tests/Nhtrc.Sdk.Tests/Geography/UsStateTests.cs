using System;
using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Geography;

public class UsStateTests
{
    [Fact]
    public void All_HasTheFiftyStatesDcAndTheFiveTerritories_OrderedByFips()
    {
        Assert.Equal(56, UsState.All.Length);
        Assert.Equal(56, UsState.All.Select(s => s.Code).Distinct().Count());
        Assert.Equal(UsState.All.Select(s => s.Fips).Order(StringComparer.Ordinal), UsState.All.Select(s => s.Fips));
        Assert.Equal("AL", UsState.All[0].Code);
        Assert.Equal("VI", UsState.All[^1].Code);
        Assert.Equal(50, UsState.All.Count(s => s.Kind == UsStateKind.State));
        Assert.Equal("DC", Assert.Single(UsState.All, s => s.Kind == UsStateKind.FederalDistrict).Code);
        Assert.Equal(["AS", "GU", "MP", "PR", "VI"], UsState.All.Where(s => s.IsTerritory).Select(s => s.Code));
        Assert.Contains(UsState.All, s => s.Code == "DC" && s.Name == "District of Columbia" && s.Fips == "11");
    }

    [Theory]
    [InlineData("CA", "California", "06", UsStateKind.State)]
    [InlineData("ny", "New York", "36", UsStateKind.State)]
    [InlineData("Dc", "District of Columbia", "11", UsStateKind.FederalDistrict)]
    [InlineData("AS", "American Samoa", "60", UsStateKind.Territory)]
    [InlineData("gu", "Guam", "66", UsStateKind.Territory)]
    [InlineData("MP", "Northern Mariana Islands", "69", UsStateKind.Territory)]
    [InlineData("pr", "Puerto Rico", "72", UsStateKind.Territory)]
    [InlineData("VI", "U.S. Virgin Islands", "78", UsStateKind.Territory)]
    public void GetByCode_IgnoresCase(string code, string name, string fips, UsStateKind kind)
    {
        var state = UsState.GetByCode(code);

        Assert.Equal(name, state.Name);
        Assert.Equal(fips, state.Fips);
        Assert.Equal(kind, state.Kind);
        Assert.Equal(kind == UsStateKind.Territory, state.IsTerritory);
        Assert.Equal(code.ToUpperInvariant(), state.ToString());
        Assert.Same(state, UsState.GetByFips(fips));
    }

    [Theory]
    [InlineData("NY", "America/New_York")]
    [InlineData("TX", "America/Chicago")]
    [InlineData("AZ", "America/Phoenix")]
    [InlineData("IN", "America/Indiana/Indianapolis")]
    [InlineData("HI", "Pacific/Honolulu")]
    [InlineData("AK", "America/Anchorage")]
    [InlineData("PR", "America/Puerto_Rico")]
    [InlineData("VI", "America/St_Thomas")]
    [InlineData("GU", "Pacific/Guam")]
    [InlineData("AS", "Pacific/Pago_Pago")]
    [InlineData("MP", "Pacific/Saipan")]
    public void DefaultTimeZone_IsTheIanaZoneOfMostOfThePlace(string code, string zoneId)
    {
        Assert.Equal(zoneId, UsState.GetByCode(code).DefaultTimeZone.Id);
    }

    [Fact]
    public void EveryPlace_HasADefaultZoneOfTheTzDatabase()
    {
        Assert.All(UsState.All, s => Assert.Same(DateTimeZoneProviders.Tzdb[s.DefaultTimeZone.Id], s.DefaultTimeZone));
    }

    [Fact]
    public void TheTerritoriesZones_KeepNoDaylightSavingTime_AndGuamAndSaipanAreADayAheadOfTheMainland()
    {
        var january = Instant.FromUtc(2026, 1, 15, 12, 0);
        var july = Instant.FromUtc(2026, 7, 15, 12, 0);
        foreach (var territory in UsState.All.Where(s => s.IsTerritory))
        {
            Assert.Equal(territory.DefaultTimeZone.GetUtcOffset(january), territory.DefaultTimeZone.GetUtcOffset(july));
        }

        Assert.Equal(Offset.FromHours(-4), UsState.GetByCode("PR").DefaultTimeZone.GetUtcOffset(july));
        Assert.Equal(Offset.FromHours(-4), UsState.GetByCode("VI").DefaultTimeZone.GetUtcOffset(july));
        Assert.Equal(Offset.FromHours(-11), UsState.GetByCode("AS").DefaultTimeZone.GetUtcOffset(july));

        // 20:00 on Monday 6 July in New York is 10:00 on Tuesday 7 July in Guam and Saipan.
        var evening = Instant.FromUtc(2026, 7, 7, 0, 0);
        Assert.Equal(new LocalDateTime(2026, 7, 6, 20, 0), evening.InZone(UsState.GetByCode("NY").DefaultTimeZone).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 7, 7, 10, 0), evening.InZone(UsState.GetByCode("GU").DefaultTimeZone).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 7, 7, 10, 0), evening.InZone(UsState.GetByCode("MP").DefaultTimeZone).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 7, 6, 13, 0), evening.InZone(UsState.GetByCode("AS").DefaultTimeZone).LocalDateTime);
    }

    [Theory]
    [InlineData("AA")]
    [InlineData("AE")]
    [InlineData("AP")]
    [InlineData("MH")]
    [InlineData("FM")]
    [InlineData("PW")]
    [InlineData("")]
    public void TryGetByCode_MilitaryCodesAndFreelyAssociatedStates_AreNotPlaces(string code)
    {
        Assert.False(UsState.TryGetByCode(code, out _));
    }

    [Fact]
    public void TryGetByFips_UnknownAndNull_AreNotPlaces()
    {
        Assert.False(UsState.TryGetByFips("68", out _)); // the Marshall Islands' old FIPS code
        Assert.False(UsState.TryGetByFips("03", out _));
        Assert.False(UsState.TryGetByFips(null, out _));
        Assert.False(UsState.TryGetByCode(null, out _));
    }

    [Fact]
    public void GetByCode_Unknown_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => UsState.GetByCode("MH"));

        Assert.Equal("code", Assert.Single(ex.Problems).Location);
        Assert.Contains("'MH'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("50 states, the District of Columbia or the territories AS, GU, MP, PR and VI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetByFips_Unknown_ThrowsNamingTheCode()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => UsState.GetByFips("68"));

        Assert.Contains("'68'", ex.Message, StringComparison.Ordinal);
    }
}
