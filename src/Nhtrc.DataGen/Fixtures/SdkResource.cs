using System.IO;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>The data files embedded in Nhtrc.Sdk, exactly as embedded, by their logical names (see Nhtrc.Sdk.csproj).</summary>
internal static class SdkResource
{
    public static Stream Open(string name) =>
        typeof(Contact).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidDataException($"The embedded resource {name} is missing from Nhtrc.Sdk.");

    public static string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
