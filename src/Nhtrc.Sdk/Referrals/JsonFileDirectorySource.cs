using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A directory source reading our own directory JSON file (docs/referrals.md) with
/// <see cref="ReferralDirectoryJson"/>. The format has no partial import: a file either loads whole with an
/// empty list of issues or fails. Thread-safe; each load reads the file again.
/// </summary>
public sealed class JsonFileDirectorySource : IFileDirectorySource
{
    private readonly string _path;
    private readonly ReadLimits _limits;
    private readonly Gazetteer? _gazetteer;

    /// <summary>Creates a source for a file.</summary>
    /// <param name="path">The directory file.</param>
    /// <param name="limits">Read limits; <see cref="ReadLimits.Default"/> when null.</param>
    /// <param name="gazetteer">Resolves places; <see cref="Gazetteer.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public JsonFileDirectorySource(string path, ReadLimits? limits = null, Gazetteer? gazetteer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        Paths = [System.IO.Path.GetFullPath(path)];
        _limits = limits ?? ReadLimits.Default;
        _gazetteer = gazetteer;
    }

    /// <summary>The file's name (without its folder, which may name a person or a machine).</summary>
    public string Name => "json:" + System.IO.Path.GetFileName(_path);

    /// <summary>The file's full path.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Reads the file.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The directory and a report with the counts of organizations and services, and no issues.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The file is invalid; see <see cref="ReferralDirectoryJson.Parse(string)"/>.</exception>
    public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = await DirectoryFormat.For(_gazetteer).LoadFileAsync(_path, _limits, cancellationToken).ConfigureAwait(false);
        return new ReferralDirectoryLoad(directory, DirectoryImportReport.ForDirectory(Name, directory, []));
    }

    /// <inheritdoc/>
    public override string ToString() => $"JsonFileDirectorySource {Name}";
}
