using System.Globalization;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// What a <see cref="ReferralDirectoryUpdater"/> knows of its directory: the source, when the current snapshot loaded and
/// its size, and how the last attempt went. It never holds credentials or personal data. Immutable.
/// </summary>
public sealed record ReferralDirectoryStatus
{
    /// <summary>The source's name (<see cref="IReferralDirectorySource.Name"/>).</summary>
    public required string Source { get; init; }

    /// <summary>When the current snapshot was swapped in, or null while there is none.</summary>
    public Instant? LoadedAt { get; init; }

    /// <summary>The current snapshot's organizations; 0 while there is none.</summary>
    public int OrganizationCount { get; init; }

    /// <summary>The current snapshot's services; 0 while there is none.</summary>
    public int ServiceCount { get; init; }

    /// <summary>When the last load was attempted (successful or not), or null before the first.</summary>
    public Instant? LastAttemptAt { get; init; }

    /// <summary>Why the last attempt failed, or null when it succeeded (or none was made).</summary>
    public string? LastError { get; init; }

    /// <summary>How many attempts in a row have failed; 0 after a success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>True once a snapshot has loaded.</summary>
    public bool HasDirectory => LoadedAt is not null;

    /// <summary>The current snapshot's age at <paramref name="now"/>, or null while there is none.</summary>
    /// <param name="now">The instant to measure at.</param>
    public Duration? AgeAt(Instant now) => LoadedAt is { } at ? now - at : null;

    /// <summary>Returns for example <c>json:directory.json: 12 services, loaded 2026-12-03T09:00:00Z; last attempt failed (2 in a row)</c>; never the error's text.</summary>
    public override string ToString() =>
        (LoadedAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"{Source}: {ServiceCount} services, loaded {at}")
            : $"{Source}: no directory yet") +
        (LastError is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; last attempt failed ({ConsecutiveFailures} in a row)"));
}
