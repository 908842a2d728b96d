using Nhtrc.Sdk.Testing;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

/// <summary>The synthetic national directory of 100,000 services the referral benchmarks run on, as JSON (Nhtrc.Sdk.Testing's <see cref="SyntheticDirectory"/>, seed 42).</summary>
internal static class NationalDirectory
{
    public const int Services = 100_000;

    public static byte[] Json() => SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = 42, Services = Services });
}
