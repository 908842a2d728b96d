namespace Nhtrc.Sdk.Referrals;

/// <summary>Who will see a result; decides whether confidential addresses may be in it.</summary>
public enum ReferralAudience
{
    /// <summary>
    /// The public (a partner app, a web page, a caller); the default. A confidential location's address, ZIP code and
    /// point are withheld, and its distance, the ranking and the nearest location are computed from the centre of its
    /// grid cell (about 11 km by 11 km), so no number of queries locates it more closely than that cell; its city and
    /// state are shown, and a small town can be smaller than the cell (docs/referrals.md, "Confidential locations").
    /// </summary>
    Public = 0,

    /// <summary>A hotline advocate or trusted partner staff: confidential addresses are included and distances are exact.</summary>
    Advocate = 1,
}
