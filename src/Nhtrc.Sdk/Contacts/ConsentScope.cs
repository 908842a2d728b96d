namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// What a caller consents to. JSON names are <c>lawEnforcementReport</c>, <c>referralSharing</c> and
/// <c>callback</c>.
/// </summary>
public enum ConsentScope
{
    /// <summary>Reporting the situation, including the caller's information, to a named law-enforcement agency.</summary>
    LawEnforcementReport = 1,

    /// <summary>Sharing the caller's information with a named organization the hotline refers them to.</summary>
    ReferralSharing = 2,

    /// <summary>The hotline calling, texting or emailing the caller back.</summary>
    Callback = 3,
}
