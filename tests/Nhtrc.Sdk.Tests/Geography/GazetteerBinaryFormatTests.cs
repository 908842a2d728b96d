using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Tests.Text;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Tests.Geography;

/// <summary>
/// The embedded gazetteer is a prepared binary form of Geography/Data/gazetteer.tsv.gz; these tests keep the two from
/// drifting apart. After changing the TSV or the format, regenerate with <c>dotnet run --project src/Nhtrc.DataGen -- prepare</c>.
/// </summary>
public class GazetteerBinaryFormatTests
{
    private static readonly Lazy<Gazetteer> FromText = new(() =>
    {
        using var text = DataSources.Gazetteer();
        return Gazetteer.Load(text);
    });

    [Fact]
    public void EmbeddedImage_IsWhatTheWriterMakesOfTheTextSource()
    {
        var embedded = EmbeddedData.Read(typeof(Gazetteer).Assembly, GazetteerBinaryFormat.ResourceName);

        Assert.True(GazetteerBinaryFormat.Write(FromText.Value).AsSpan().SequenceEqual(embedded),
            "gazetteer.bin is not the prepared form of gazetteer.tsv.gz: run 'dotnet run --project src/Nhtrc.DataGen -- prepare'.");
    }

    [Fact]
    public void Default_HoldsWhatTheTextSourceHolds()
    {
        var text = FromText.Value;
        var prepared = Gazetteer.Default;

        // Records, compared item by item (ImmutableArray's own Equals compares the arrays' identity): equal ZIP codes have equal places, points and counties, and equal counties equal names, states,
        // ZIP counts and centroids to the last bit.
        Assert.Equal<ZipCodeInfo>(text.Zips, prepared.Zips);
        Assert.Equal<UsCounty>(text.Counties, prepared.Counties);
        Assert.Equal(text.TreeOrder.ToArray(), prepared.TreeOrder.ToArray());
        foreach (var state in UsState.All)
        {
            Assert.Equal<UsCounty>(text.CountiesIn(state), prepared.CountiesIn(state));
            Assert.Equal(text.GetStateCentroid(state), prepared.GetStateCentroid(state));
        }

        Assert.All(prepared.Zips, zip => Assert.Same(zip, prepared.GetZip(zip.Zip)));
        Assert.All(prepared.Counties, county => Assert.Same(county, prepared.GetCounty(county.Fips)));
        Assert.All(prepared.Zips, zip => Assert.Same(zip.County, prepared.GetCounty(zip.County.Fips)));
    }

    [Property(MaxTest = 300)]
    public Property NearestZips_AreTheSameAsFromTheTextSource() =>
        Prop.ForAll(Arb.From(Gen.OneOf(GeoGenerators.NearTheUs, GeoGenerators.Anywhere)), Gen.Choose(1, 12).ToArbitrary(), (point, count) =>
            Assert.Equal<NearbyZip>(FromText.Value.NearestZips(point, count), Gazetteer.Default.NearestZips(point, count)));

    [Fact]
    public void Read_AnyTruncationOrChangedByte_ThrowsInvalidDataException_OrReadsAGazetteer()
    {
        var image = GazetteerBinaryFormat.Write(GazetteerText.LoadRows(
            "10001\tNew York\tNY\t36061\tNew York\t40.7484\t-73.9967",
            "10003\tNew York\tNY\t36061\tNew York\t40.7313\t-73.9892",
            "02108\tBoston\tMA\t25025\tSuffolk\t42.3576\t-71.0684",
            "19901\tDover\tDE\t10001\tKent\t39.16\t-75.52",
            GazetteerText.CountyHeader,
            "60020\tManu'a District\tAS\t-14.2336\t-169.5144"));

        PreparedImageMutations.Check(image, changed =>
        {
            var gazetteer = GazetteerBinaryFormat.Read(changed);
            Assert.Equal(gazetteer.Zips.Length, gazetteer.TreeOrder.Length);
        });
    }

    [Fact]
    public void Read_ACountyWithoutZipCodes_RoundTripsWithItsPoint()
    {
        var small = GazetteerText.LoadRows(
            "96799\tPago Pago\tAS\t60010\tEastern District\t-14.2781\t-170.7025",
            GazetteerText.CountyHeader,
            "60020\tManu'a District\tAS\t-14.2336\t-169.5144");

        var back = GazetteerBinaryFormat.Read(GazetteerBinaryFormat.Write(small));

        Assert.Equal<UsCounty>(small.Counties, back.Counties);
        var manua = back.GetCounty("60020");
        Assert.Equal((0, new GeoPoint(-14.2336, -169.5144)), (manua.ZipCount, manua.Centroid));
    }

    [Fact]
    public void Read_OneZipGazetteer_RoundTrips()
    {
        var small = GazetteerText.LoadRows("10001\tNew York\tNY\t36061\tNew York\t40.7484\t-73.9967");

        var back = GazetteerBinaryFormat.Read(GazetteerBinaryFormat.Write(small));

        Assert.Equal<ZipCodeInfo>(small.Zips, back.Zips);
        Assert.Equal<UsCounty>(small.Counties, back.Counties);
        Assert.Equal<NearbyZip>(small.NearestZips(new GeoPoint(0, 0), 1), back.NearestZips(new GeoPoint(0, 0), 1));
    }
}
