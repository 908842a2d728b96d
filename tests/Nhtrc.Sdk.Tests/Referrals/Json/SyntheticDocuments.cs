using System.Text.Json;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Testing;

namespace Nhtrc.Sdk.Tests.Referrals.Json;

/// <summary>The testing package's synthetic directories, read into the SDK's internal document types for the reader's tests.</summary>
internal static class SyntheticDocuments
{
    /// <summary>The <see cref="SyntheticDirectory"/> document of seed <paramref name="seed"/> with at least <paramref name="services"/> services.</summary>
    public static DirectoryDocument WithServices(int seed, int services) =>
        JsonSerializer.Deserialize(
            SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = seed, Services = services }),
            DirectoryJsonContext.Default.DirectoryDocument)!;
}
