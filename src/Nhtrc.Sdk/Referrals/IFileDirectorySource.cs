using System.Collections.Generic;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A directory source that reads files: the reload service watches <see cref="Paths"/> when
/// <c>Nhtrc:Referrals:WatchFile</c> is true and reloads when one changes (docs/dependency-injection.md).
/// </summary>
public interface IFileDirectorySource : IReferralDirectorySource
{
    /// <summary>The full paths of the files and folders the source reads.</summary>
    IReadOnlyList<string> Paths { get; }
}
