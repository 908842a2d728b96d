using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Referrals.Data;

namespace Nhtrc.DataGen;

/// <summary>
/// The data files Nhtrc.Sdk is built from, by their paths from the repository root (where every command runs), and the
/// prepared forms it embeds: <c>gazetteer.bin</c> beside <c>gazetteer.tsv.gz</c>, <c>sample-directory.bin</c> beside
/// <c>sample-directory.json.gz</c>. A prepared form is written from what the SDK's own reader loaded from the
/// source, and only after it reads back to the same content.
/// </summary>
internal static class PreparedData
{
    public const string GazetteerSource = "src/Nhtrc.Sdk/Geography/Data/gazetteer.tsv.gz";
    public const string SampleDirectorySource = "src/Nhtrc.Sdk/Referrals/Data/sample-directory.json.gz";

    /// <summary>The prepared form's path beside a source: <c>gazetteer.tsv.gz</c> gives <c>gazetteer.bin</c>.</summary>
    public static string PathBeside(string sourcePath)
    {
        var name = Path.GetFileName(sourcePath);
        return Path.Combine(Path.GetDirectoryName(sourcePath) ?? "", name[..name.IndexOf('.', System.StringComparison.Ordinal)] + ".bin");
    }

    public static Gazetteer LoadGazetteerSource(string path)
    {
        using var file = File.OpenRead(path);
        using var text = new GZipStream(file, CompressionMode.Decompress);
        return Gazetteer.Load(text);
    }

    public static void WriteGazetteer(Gazetteer gazetteer, string path, TextWriter log)
    {
        var image = GazetteerBinaryFormat.Write(gazetteer);
        var back = GazetteerBinaryFormat.Read(image);
        if (!GazetteerBinaryFormat.Write(back).AsSpan().SequenceEqual(image) || back.ToString() != gazetteer.ToString())
        {
            throw new InvalidDataException("The prepared gazetteer does not read back to what was written.");
        }

        File.WriteAllBytes(path, image);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {back}, {image.Length} bytes"));
    }

    public static void WriteDirectory(ReferralDirectory directory, string path, TextWriter log)
    {
        var image = DirectoryBinaryFormat.Write(directory);
        var back = ReferralDirectory.Create(DirectoryBinaryFormat.Read(image, directory.Gazetteer), directory.Gazetteer);
        if (ReferralDirectoryJson.Serialize(back) != ReferralDirectoryJson.Serialize(directory))
        {
            throw new InvalidDataException("The prepared directory does not read back to the directory it was written from.");
        }

        File.WriteAllBytes(path, image);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: {back}, {image.Length} bytes"));
    }
}
