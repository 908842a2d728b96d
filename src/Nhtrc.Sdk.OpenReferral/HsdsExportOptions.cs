namespace Nhtrc.Sdk.OpenReferral;

/// <summary>Settings of an HSDS 3.0 export (docs/open-referral.md, "Export"). Immutable.</summary>
public sealed record HsdsExportOptions
{
    /// <summary>The default settings: a public export with our private attributes, not indented.</summary>
    public static HsdsExportOptions Default { get; } = new();

    /// <summary>
    /// True (the default) for an export meant for anyone: a confidential location keeps only its id, its location type
    /// and the <c>confidential-location</c> attribute, never its name, address or coordinates. False writes every
    /// location in full (with the attribute), for a trusted partner only.
    /// </summary>
    public bool Public { get; init; } = true;

    /// <summary>
    /// True (the default) to write our private attributes (populations, capacity, warm transfers, the IANA zone of a
    /// schedule) as taxonomy terms of our own vocabularies; false writes only what HSDS itself expresses.
    /// </summary>
    public bool PrivateAttributes { get; init; } = true;

    /// <summary>True to indent the JSON for reading; false (the default) writes it compact.</summary>
    public bool Indented { get; init; }
}
