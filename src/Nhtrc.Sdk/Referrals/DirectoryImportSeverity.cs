namespace Nhtrc.Sdk.Referrals;

/// <summary>How serious a <see cref="DirectoryImportIssue"/> is.</summary>
public enum DirectoryImportSeverity
{
    /// <summary>Part of a record was not imported (an unmappable area, an unknown term); the record is kept.</summary>
    Warning = 0,

    /// <summary>A record was left out of the directory.</summary>
    Error = 1,
}
