using System;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// One problem met while importing a directory: which source, which record, where in it and what.
/// Immutable. The message names the rule, never the record's personal data; <see cref="ToString"/> shows no record text.
/// </summary>
public sealed class DirectoryImportIssue : IEquatable<DirectoryImportIssue>
{
    /// <summary>Creates an issue.</summary>
    /// <param name="severity">How serious the issue is.</param>
    /// <param name="source">The name of the source.</param>
    /// <param name="recordId">The id of the record concerned, if it has one.</param>
    /// <param name="path">Where in the source the issue is (a JSON path, or a file and row).</param>
    /// <param name="message">What is wrong, without personal data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="path"/> or <paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not defined.</exception>
    public DirectoryImportIssue(DirectoryImportSeverity severity, string source, string? recordId, string path, string message)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        if (severity is not (DirectoryImportSeverity.Warning or DirectoryImportSeverity.Error))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity.");
        }

        Severity = severity;
        Source = source;
        RecordId = recordId;
        Path = path;
        Message = message;
    }

    /// <summary>How serious the issue is.</summary>
    public DirectoryImportSeverity Severity { get; }

    /// <summary>The name of the source.</summary>
    public string Source { get; }

    /// <summary>The id of the record concerned, or null when the issue concerns no one record.</summary>
    public string? RecordId { get; }

    /// <summary>Where in the source the issue is (a JSON path, or a file and row).</summary>
    public string Path { get; }

    /// <summary>What is wrong, without personal data.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public bool Equals(DirectoryImportIssue? other) =>
        other is not null && Severity == other.Severity && Source == other.Source && RecordId == other.RecordId &&
        Path == other.Path && Message == other.Message;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DirectoryImportIssue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Severity, Source, RecordId, Path, Message);

    /// <summary>The severity, source and path; no record text.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Severity} in {Source} at {Path}";
}
