using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// A directory source reading an HSDS 3.0 JSON file: a compiled <c>service</c>, <c>organization</c> or
/// <c>service_at_location</c> document, or a paged list of them (<c>contents</c>), streamed record by record; a file
/// named <c>*.ndjson</c> or <c>*.jsonl</c> is newline-delimited JSON, one record a line. A file that is not HSDS 3.0
/// or not well-formed JSON fails whole; records that cannot be mapped are reported. A folder is the tabular form, an
/// HSDS 3.0 CSV data package (one CSV file per entity, at least <c>services.csv</c>). Thread-safe.
/// </summary>
public sealed class HsdsDirectorySource : IFileDirectorySource
{
    private readonly string _path;
    private readonly HsdsImportOptions _options;

    /// <summary>Creates a source for a file.</summary>
    /// <param name="path">The HSDS 3.0 JSON or NDJSON file, or the folder of a CSV data package.</param>
    /// <param name="options">Settings; <see cref="HsdsImportOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public HsdsDirectorySource(string path, HsdsImportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        Paths = [Path.GetFullPath(path)];
        _options = options ?? HsdsImportOptions.Default;
    }

    /// <summary>"hsds:" and the file's or folder's name, without the folders above it.</summary>
    public string Name => "hsds:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(_path));

    /// <summary>The file's or folder's full path.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Reads and maps the file.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The directory and the import report.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The file or package is not HSDS 3.0, not well-formed JSON or CSV, or past a read limit.</exception>
    public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Directory.Exists(_path))
        {
            return HsdsCsvPackage.Load(_path, Name, _options, cancellationToken);
        }

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
