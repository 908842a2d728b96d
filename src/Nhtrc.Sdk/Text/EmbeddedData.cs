using System;
using System.Reflection;

namespace Nhtrc.Sdk.Text;

/// <summary>The data files embedded in the SDK's assemblies, read whole by their logical names (see the .csproj).</summary>
internal static class EmbeddedData
{
    /// <summary>The bytes of the resource <paramref name="name"/> of <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource (a broken build).</exception>
    public static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
