using System;
using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Geography;

public class GazetteerLoadTests
{
    [Fact]
    public void Load_ValidText_BuildsZipsCountiesAndCentroids()
    {
        var gazetteer = GazetteerText.Load(
            "# a comment\n" + GazetteerText.Header + "\r\n" +
            "10003\tNew York\tNY\t36061\tNew York\t40.7\t-74.0\r\n" +
            "\n" +
            "10001\tNew York\tNY\t36061\tNew York\t40.8\t-74.0\r\n" +
            "19901\tDover\tDE\t10001\tKent\t39.16\t-75.52\r\n");

        Assert.Equal(["10001", "10003", "19901"], gazetteer.Zips.Select(z => z.Zip));
        Assert.Equal(["10001", "36061"], gazetteer.Counties.Select(c => c.Fips));
        Assert.Equal(2, gazetteer.GetCounty("36061").ZipCount);
        Assert.Equal(40.75, gazetteer.GetCounty("36061").Centroid.Latitude, 6);
        Assert.False(gazetteer.TryGetStateCentroid(UsState.GetByCode("CA"), out _));
        Assert.Throws<NhtrcValidationException>(() => gazetteer.GetStateCentroid(UsState.GetByCode("CA")));
        Assert.Empty(gazetteer.CountiesIn(UsState.GetByCode("CA")));
    }

    [Fact]
    public void Load_BadRows_ThrowsListingEveryProblemWithItsLine()
    {
        var text = string.Join("\n",
            "# line 1 is a comment",
            GazetteerText.Header,
            "10001\tNew York\tNY\t36061\tNew York\t40.7484\t-73.9967",
            "1234\tShort\tNY\t36061\tNew York\t40\t-74",
            "96960\tMajuro\tMH\t68010\tMajuro\t7.1\t171.4",
            "10002\tNew York\tNY\t06037\tNew York\t40\t-74",
            "10003\tNew York\tNY\t36061\tNew York\t91\tabc",
            "10001\tAgain\tNY\t36061\tNew York\t40\t-74",
            "10004\tNew York\tNY\t36061\tManhattan\t40\t-74",
            "10005\tToo few fields",
            "10006\t\tNY\t36061\t\t40\t-74",
            "10007\tNew York\tny\t36061\tNew York\t40\t-74",
            "");

        var ex = Assert.Throws<NhtrcValidationException>(() => GazetteerText.Load(text));

        Assert.Equal("gazetteer", ex.Subject);
        Assert.Equal(
        [
            "line 4: ZIP code '1234' is not 5 digits.",
            "line 5: state 'MH' is not the upper-case USPS code of one of the 50 states, DC or the territories AS, GU, MP, PR and VI.",
            "line 6: county FIPS code 06037 does not start with NY's state code 36.",
            "line 7: latitude '91' is not a number from -90 to 90.",
            "line 7: longitude 'abc' is not a number from -180 to 180.",
            "line 8: ZIP code 10001 is listed again (first on line 3).",
            "line 9: county 36061 is named 'Manhattan' here but 'New York' on line 3.",
            "line 10: expected 7 tab-separated fields, found 2.",
            "line 11: the place name is empty.",
            "line 11: the county name is empty.",
            "line 12: state 'ny' is not the upper-case USPS code of one of the 50 states, DC or the territories AS, GU, MP, PR and VI.",
        ],
        ex.Problems.Select(p => p.ToString()));
        Assert.StartsWith("Invalid gazetteer: 11 problems:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CountyTable_AddsCountiesWithoutZipCodesAtTheirPoints()
    {
        var gazetteer = GazetteerText.LoadRows(
            "96799\tPago Pago\tAS\t60010\tEastern District\t-14.2781\t-170.7025",
            GazetteerText.CountyHeader,
            "60040\tSwains Island\tAS\t-11.0553\t-171.0883",
            "60020\tManu'a District\tAS\t-14.2336\t-169.5144");

        Assert.Equal(["60010", "60020", "60040"], gazetteer.Counties.Select(c => c.Fips));
        Assert.Equal([1, 0, 0], gazetteer.Counties.Select(c => c.ZipCount));
        Assert.Equal(new GeoPoint(-11.0553, -171.0883), gazetteer.GetCounty("60040").Centroid);
        Assert.Equal<UsCounty>(gazetteer.Counties, gazetteer.CountiesIn(UsState.GetByCode("AS")));
        Assert.Equal(new GeoPoint(-14.2781, -170.7025), gazetteer.GetStateCentroid(UsState.GetByCode("AS")));
        Assert.Equal("60010", Assert.Single(gazetteer.NearestZips(new GeoPoint(-11, -171), 5)).Zip.County.Fips);
    }

    [Fact]
    public void Load_BadCountyRows_ThrowListingEveryProblemWithItsLine()
    {
        var text = string.Join("\n",
            GazetteerText.Header,
            "96799\tPago Pago\tAS\t60010\tEastern District\t-14.2781\t-170.7025",
            GazetteerText.CountyHeader,
            "60010\tEastern District\tAS\t-14.3\t-170.7",
            "60020\tManu'a District\tGU\t-14.2\t-169.5",
            "60030\t\tAS\t-95\t-168.15",
            "60040\tSwains Island\tAS",
            "60050\tWestern District\tAS\t-14.34\t-170.78",
            "60050\tWestern District\tAS\t-14.34\t-170.78",
            "96799\tPago Pago\tAS\t60010\tEastern District\t-14.2781\t-170.7025",
            "");

        var ex = Assert.Throws<NhtrcValidationException>(() => GazetteerText.Load(text));

        Assert.Equal(
        [
            "line 4: county 60010 is listed again (first on line 2); the county table lists only counties no ZIP code lies in.",
            "line 5: county FIPS code 60020 does not start with GU's state code 66.",
            "line 6: the county name is empty.",
            "line 6: latitude '-95' is not a number from -90 to 90.",
            "line 7: expected 5 tab-separated fields in the county table, found 3.",
            "line 9: county 60050 is listed again (first on line 8); the county table lists only counties no ZIP code lies in.",
            "line 10: expected 5 tab-separated fields in the county table, found 7.",
        ],
        ex.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Load_WrongHeader_Throws()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() =>
            GazetteerText.Load("zip,place\n10001\tNew York\tNY\t36061\tNew York\t40.7484\t-73.9967\n"));

        Assert.Equal("line 1", Assert.Single(ex.Problems).Location);
        Assert.Contains("header", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData(GazetteerText.Header + "\n")]
    public void Load_NoZips_Throws(string text)
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => GazetteerText.Load(text));

        Assert.Single(ex.Problems);
    }

    [Fact]
    public void Load_NullStream_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Gazetteer.Load(null!));
    }
}
