using System.Globalization;
using System.IO;
using System.IO.Compression;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing;

namespace Nhtrc.DataGen;

/// <summary>
/// Writes the fictional sample referral directory (<see cref="SyntheticDirectory"/> of the testing package, seed <c>--seed</c>
/// and <see cref="SyntheticDirectory.SampleOrganizations"/> organizations) as
/// gzip-compressed JSON, proves the output loads with <see cref="ReferralDirectoryJson.LoadFile(string)"/>, and writes
/// the prepared form of what loaded beside it (<see cref="PreparedData"/>).
/// </summary>
internal static class DirectoryCommand
{
    public static int Run(int seed, string outputPath, TextWriter log)
    {
        var bytes = SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = seed, Organizations = SyntheticDirectory.SampleOrganizations });
        using (var output = File.Create(outputPath))
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }

        var loaded = ReferralDirectoryJson.LoadFile(outputPath);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {outputPath}: {loaded.Organizations.Length} organizations, {loaded.ServiceCount} services, {new FileInfo(outputPath).Length} bytes ({bytes.Length} uncompressed)"));
        PreparedData.WriteDirectory(loaded, PreparedData.PathBeside(outputPath), log);
        return 0;
    }
}
