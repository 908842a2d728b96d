namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Options of the <c>hsds</c> directory source (configuration section <c>Nhtrc:OpenReferral</c>, docs/configuration.md):
/// set exactly one of <see cref="Location"/> and <see cref="SourcesFile"/>. Choose the source with
/// <c>Nhtrc:Referrals:Source</c> = <c>hsds</c>; it reloads with the settings under <c>Nhtrc:Referrals</c>.
/// </summary>
public sealed class OpenReferralOptions
{
    /// <summary>The configuration section the options are usually bound from: <c>Nhtrc:OpenReferral</c>.</summary>
    public const string SectionName = "Nhtrc:OpenReferral";

    /// <summary>
    /// One HSDS 3.0 source with the default import settings: a JSON or NDJSON file, a CSV data package's folder (a
    /// relative path is resolved against the host's content root), or the base URL of a live API (http or https).
    /// </summary>
    public string? Location { get; set; }

    /// <summary>
    /// A sources file (docs/open-referral.md, "Sources file"): one or more HSDS sources with their keys and settings,
    /// merged in order; a relative path is resolved against the host's content root. Read at startup.
    /// </summary>
    public string? SourcesFile { get; set; }
}
