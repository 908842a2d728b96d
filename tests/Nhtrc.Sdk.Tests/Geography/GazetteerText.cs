using System.IO;
using System.Text;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

/// <summary>Builds small gazetteers from text rows for tests.</summary>
internal static class GazetteerText
{
    public const string Header = "zip\tplace\tstate\tcounty_fips\tcounty\tlatitude\tlongitude";

    public const string CountyHeader = "county_fips\tcounty\tstate\tlatitude\tlongitude";

    public static Gazetteer Load(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return Gazetteer.Load(stream);
    }

    public static Gazetteer LoadRows(params string[] rows) =>
        Load(Header + "\n" + string.Join("\n", rows) + "\n");
}
