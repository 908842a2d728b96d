using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// A directory source reading an HSDS 3.0 JSON file: a compiled <c>service</c>, <c>organization</c> or
/// <c>service_at_location</c> document, or a paged list of them (<c>contents</c>), streamed record by record; a file
/// named <c>*.ndjson</c> or <c>*.jsonl</c> is newline-delimited JSON, one record a line. A file that is not HSDS 3.0
/// or not well-formed JSON fails whole; records that cannot be mapped are reported. Thread-safe.
/// </summary>
public sealed class HsdsDirectorySource : IReferralDirectorySource
{
    private readonly string _path;
    private readonly HsdsImportOptions _options;

    /// <summary>Creates a source for a file.</summary>
    /// <param name="path">The HSDS 3.0 JSON file.</param>
    /// <param name="options">Settings; <see cref="HsdsImportOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public HsdsDirectorySource(string path, HsdsImportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        _options = options ?? HsdsImportOptions.Default;
    }

    /// <summary>The file's name, without its folder.</summary>
    public string Name => "hsds:" + Path.GetFileName(_path);

    /// <summary>Reads and maps the file.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The directory and the import report.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The file is not HSDS 3.0 or not well-formed JSON.</exception>
    public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = File.OpenRead(_path);
        await using (stream.ConfigureAwait(false))
        {
            return await HsdsReader.LoadAsync(stream, Name, _options, cancellationToken, IsNdJson(_path)).ConfigureAwait(false);
        }
    }

    private static bool IsNdJson(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".NDJSON" or ".JSONL";

    /// <inheritdoc/>
    public override string ToString() => $"HsdsDirectorySource {Name}";
}
