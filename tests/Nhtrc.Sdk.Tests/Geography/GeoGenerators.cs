using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

/// <summary>Generators of points: anywhere on the globe (poles and antimeridian included) and near the US.</summary>
internal static class GeoGenerators
{
    public static Gen<GeoPoint> Anywhere { get; } = Gen.Frequency(
        (8, from lat in Gen.Choose(-900_000, 900_000)
            from lon in Gen.Choose(-1_800_000, 1_800_000)
            select new GeoPoint(lat / 10_000.0, lon / 10_000.0)),
        (2, from lat in Gen.Elements(-90.0, -89.9999, 0.0, 89.9999, 90.0)
            from lon in Gen.Elements(-180.0, -179.9999, 0.0, 179.9999, 180.0)
            select new GeoPoint(lat, lon)));

    /// <summary>Mostly the 50 states and DC (Alaska and Hawaii included), where ZIP codes are dense.</summary>
    public static Gen<GeoPoint> NearTheUs { get; } =
        from lat in Gen.Choose(180_000, 715_000)
        from lon in Gen.Choose(-1_800_000, -660_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0);

    public static Arbitrary<GeoPoint> AnyPoint { get; } = Arb.From(Anywhere);

    public static Arbitrary<(GeoPoint A, GeoPoint B)> TwoPoints { get; } =
        Arb.From(Gen.Zip(Anywhere, Anywhere));

    public static Arbitrary<(GeoPoint A, GeoPoint B, GeoPoint C)> ThreePoints { get; } =
        Arb.From(from a in Anywhere from b in Anywhere from c in Anywhere select (a, b, c));
}
