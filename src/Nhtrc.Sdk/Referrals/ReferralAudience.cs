namespace Nhtrc.Sdk.Referrals;

/// <summary>Who will see a result; decides whether confidential addresses may be in it.</summary>
public enum ReferralAudience
{
    /// <summary>The public (a partner app, a web page, a caller): confidential addresses and points are withheld. The default.</summary>
    Public = 0,

    /// <summary>A hotline advocate or trusted partner staff: confidential addresses are included.</summary>
    Advocate = 1,
}
