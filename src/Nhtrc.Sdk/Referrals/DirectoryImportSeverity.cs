namespace Nhtrc.Sdk.Referrals;

/// <summary>How serious a <see cref="DirectoryImportIssue"/> is.</summary>
public enum DirectoryImportSeverity
{
    /// <summary>Part of a record was not imported (an unmappable area, an unknown term), or a record was skipped on purpose (an inactive or repeated service).</summary>
    Warning = 0,

    /// <summary>A record could not be mapped and was left out of the directory.</summary>
    Error = 1,
}
