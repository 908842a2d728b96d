using System;
using System.ComponentModel.DataAnnotations;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Options of the referral services (configuration section <c>Nhtrc:Referrals</c>, docs/configuration.md). With no
/// property set, the directory is the embedded fictional sample (<see cref="ReferralDirectory.Sample"/>) and a
/// contact's outcome lists five matches for the public. The reload settings are <see cref="TimeSpan"/>s, the type
/// configuration binds (<c>"01:00:00"</c>); everything the SDK reports about time is NodaTime.
/// </summary>
public sealed class ReferralsOptions
{
    /// <summary>The shortest <see cref="ReloadInterval"/> and <see cref="RetryInterval"/>: one second.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest <see cref="ReloadInterval"/> and <see cref="RetryInterval"/>: 30 days.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(30);

    /// <summary>
    /// The directory source's name: <c>sample</c> (the embedded fictional sample), <c>json</c> (the
    /// <see cref="DirectoryFile"/>), <c>hsds</c> (registered by Nhtrc.Sdk.OpenReferral's <c>AddNhtrcOpenReferral</c>), or a
    /// name the application registered with <c>AddNhtrcDirectorySource</c>. When null: <c>json</c> if
    /// <see cref="DirectoryFile"/> is set, else <c>sample</c>.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>
    /// A referral directory JSON file (docs/referrals.md) to use instead of the sample; a relative path is resolved
    /// against the host's content root. It is read at startup (a bad file stops the start) and again at each reload.
    /// </summary>
    public string? DirectoryFile { get; set; }

    /// <summary>How often the source is loaded again after a successful load; null (the default) for never, else from <see cref="MinimumInterval"/> to <see cref="MaximumInterval"/>.</summary>
    public TimeSpan? ReloadInterval { get; set; }

    /// <summary>
    /// How soon a load is tried again after a failure, or while there is no directory, when that comes before the next
    /// scheduled reload; one minute by default, from <see cref="MinimumInterval"/> to <see cref="MaximumInterval"/>.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether a change to the source's files (<see cref="IFileDirectorySource.Paths"/>: the directory file, an HSDS
    /// file or folder) reloads it; false by default. Changes within half a second are taken as one.
    /// </summary>
    public bool WatchFile { get; set; }

    /// <summary>How old the directory may grow before the health check reports it degraded; null (the default) for no limit, else positive.</summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>How many referral matches a contact's outcome lists, from 1 to <see cref="ReferralQuery.MaximumCount"/>; 5 by default.</summary>
    [Range(1, ReferralQuery.MaximumCount)]
    public int ReferralCount { get; set; } = 5;

    /// <summary>Who the contact pipeline's referral results are for; <see cref="ReferralAudience.Public"/> (never a confidential address) by default.</summary>
    public ReferralAudience Audience { get; set; } = ReferralAudience.Public;
}
