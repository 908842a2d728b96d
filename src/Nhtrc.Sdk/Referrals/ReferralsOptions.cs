using System.ComponentModel.DataAnnotations;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Options of the referral services (configuration section <c>Nhtrc:Referrals</c>, docs/configuration.md). With no
/// property set, the directory is the embedded fictional sample (<see cref="ReferralDirectory.Sample"/>) and a
/// contact's outcome lists five matches for the public.
/// </summary>
public sealed class ReferralsOptions
{
    /// <summary>
    /// A referral directory JSON file (docs/referrals.md) to use instead of the sample; a relative path is resolved
    /// against the host's content root, and the file is read once, at startup.
    /// </summary>
    public string? DirectoryFile { get; set; }

    /// <summary>How many referral matches a contact's outcome lists, from 1 to <see cref="ReferralQuery.MaximumCount"/>; 5 by default.</summary>
    [Range(1, ReferralQuery.MaximumCount)]
    public int ReferralCount { get; set; } = 5;

    /// <summary>Who the contact pipeline's referral results are for; <see cref="ReferralAudience.Public"/> (never a confidential address) by default.</summary>
    public ReferralAudience Audience { get; set; } = ReferralAudience.Public;
}
