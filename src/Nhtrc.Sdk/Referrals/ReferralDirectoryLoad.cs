using System;

namespace Nhtrc.Sdk.Referrals;

/// <summary>The result of one load of an <see cref="IReferralDirectorySource"/>: the directory and its report. Immutable.</summary>
public sealed class ReferralDirectoryLoad
{
    /// <summary>Creates a load result.</summary>
    /// <param name="directory">The directory loaded.</param>
    /// <param name="report">What was imported and what was not.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ReferralDirectoryLoad(ReferralDirectory directory, DirectoryImportReport report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory = directory;
        Report = report;
    }

    /// <summary>The directory loaded.</summary>
    public ReferralDirectory Directory { get; }

    /// <summary>What was imported and what was not.</summary>
    public DirectoryImportReport Report { get; }

    /// <summary>Where each service came from, when the load merged several sources (<see cref="DirectoryMerge"/>); otherwise null.</summary>
    public DirectoryProvenance? Provenance { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"ReferralDirectoryLoad: {Directory}; {Report}";
}
