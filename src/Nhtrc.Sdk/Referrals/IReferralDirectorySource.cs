using System.Threading;
using System.Threading.Tasks;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A place a referral directory is loaded from (our JSON file, an Open Referral feed, ...). Each load reads a
/// fresh snapshot and reports what was imported and what could not be. Implementations are thread-safe.
/// </summary>
public interface IReferralDirectorySource
{
    /// <summary>A short name of the source for reports and logs; never contains credentials or personal data.</summary>
    string Name { get; }

    /// <summary>Loads a snapshot of the directory with its import report.</summary>
    /// <param name="cancellationToken">Stops loading.</param>
    /// <returns>The directory and the report of the load.</returns>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The source is structurally broken; nothing is imported.</exception>
    ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default);
}
