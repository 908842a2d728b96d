using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A directory source reading our own directory JSON (docs/referrals.md) from a stream the application opens for each
/// load: a blob, a database column, a resource. Like <see cref="JsonFileDirectorySource"/>, a document loads whole or
/// fails. Thread-safe when the open function is.
/// </summary>
public sealed class JsonStreamDirectorySource : IReferralDirectorySource
{
    private readonly Func<CancellationToken, ValueTask<Stream>> _open;
    private readonly ReadLimits _limits;
    private readonly Gazetteer? _gazetteer;

    /// <summary>Creates a source over a stream.</summary>
    /// <param name="name">A short name for reports and logs (no credentials, no personal data).</param>
    /// <param name="open">Opens a fresh stream of UTF-8 JSON for each load; the source disposes it.</param>
    /// <param name="limits">Read limits; <see cref="ReadLimits.Default"/> when null.</param>
    /// <param name="gazetteer">Resolves places; <see cref="Gazetteer.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="open"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public JsonStreamDirectorySource(string name, Func<CancellationToken, ValueTask<Stream>> open, ReadLimits? limits = null, Gazetteer? gazetteer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(open);
        Name = name;
        _open = open;
        _limits = limits ?? ReadLimits.Default;
        _gazetteer = gazetteer;
    }

    /// <summary>The name given.</summary>
    public string Name { get; }

    /// <summary>Opens a stream and reads it.</summary>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The directory and a report with the counts of organizations and services, and no issues.</returns>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InvalidOperationException">The open function returned null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The document is invalid; see <see cref="ReferralDirectoryJson.Parse(string)"/>.</exception>
    public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = await _open(cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"The open function of directory source {Name} returned null.");
        await using (stream.ConfigureAwait(false))
        {
            var directory = await DirectoryFormat.For(_gazetteer).LoadAsync(stream, _limits, cancellationToken).ConfigureAwait(false);
            return new ReferralDirectoryLoad(directory, DirectoryImportReport.ForDirectory(Name, directory, []));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"JsonStreamDirectorySource {Name}";
}
