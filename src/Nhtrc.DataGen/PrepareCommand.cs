using System.IO;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.DataGen;

/// <summary>
/// Rewrites both prepared forms from the sources in the repository (<see cref="PreparedData"/>): the gazetteer from
/// its TSV, then the sample directory from its JSON, its places resolved against that gazetteer.
/// </summary>
internal static class PrepareCommand
{
    public static int Run(TextWriter log)
    {
        var gazetteer = PreparedData.LoadGazetteerSource(PreparedData.GazetteerSource);
        PreparedData.WriteGazetteer(gazetteer, PreparedData.PathBeside(PreparedData.GazetteerSource), log);
        var directory = ReferralDirectoryJson.LoadFile(PreparedData.SampleDirectorySource, gazetteer);
        PreparedData.WriteDirectory(directory, PreparedData.PathBeside(PreparedData.SampleDirectorySource), log);
        return 0;
    }
}
