using System;
using System.IO;
using System.IO.Compression;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>
/// The text sources of the data Nhtrc.Sdk embeds in prepared form (src/Nhtrc.Sdk/*/Data), copied beside the tests by
/// the project file, decompressed.
/// </summary>
internal static class DataSources
{
    public static Stream Gazetteer() => Open("gazetteer.tsv.gz");

    public static Stream SampleDirectory() => Open("sample-directory.json.gz");

    private static MemoryStream Open(string name)
    {
        var bytes = new MemoryStream();
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "DataSources", name)), CompressionMode.Decompress))
        {
            gzip.CopyTo(bytes);
        }

        bytes.Position = 0;
        return bytes;
    }
}
