using System;
using System.IO;
using System.Text;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Writes our directory as HSDS 3.0 JSON: one page (the shape of the API's <c>/organizations</c> list, every record a
/// compiled <c>organization</c> with its nested <c>services</c>), valid against the official schemas. The ids of
/// organizations and services are ours; every other entity gets a UUID derived from its owner, so the same directory
/// always exports byte for byte the same. What HSDS cannot express is listed in docs/open-referral.md. Thread-safe.
/// </summary>
public static class HsdsExport
{
    /// <summary>Writes <paramref name="directory"/> to <paramref name="utf8Json"/> as UTF-8 JSON.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="utf8Json">The stream written to; left open.</param>
    /// <param name="options">Settings; <see cref="HsdsExportOptions.Default"/> (public) when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be written.</exception>
    public static void Write(ReferralDirectory directory, Stream utf8Json, HsdsExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(utf8Json);
        HsdsExportWriter.Write(directory, utf8Json, options ?? HsdsExportOptions.Default);
    }

    /// <summary>Returns <paramref name="directory"/> as HSDS 3.0 JSON text.</summary>
    /// <param name="directory">The directory.</param>
    /// <param name="options">Settings; <see cref="HsdsExportOptions.Default"/> (public) when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static string ToJson(ReferralDirectory directory, HsdsExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        using var stream = new MemoryStream();
        HsdsExportWriter.Write(directory, stream, options ?? HsdsExportOptions.Default);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
