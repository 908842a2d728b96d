namespace Nhtrc.Cli;

/// <summary>The exit codes every <c>nhtrc</c> command uses (docs/cli.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>The command did all it was asked, including printing its help or version.</summary>
    public const int Success = 0;

    /// <summary>
    /// The environment failed: reading stdin or writing stdout or stderr threw an <see cref="System.IO.IOException"/>
    /// (a full disk, a closed pipe, an unreadable device). Never used for a file the user named.
    /// </summary>
    public const int EnvironmentFailure = 1;

    /// <summary>
    /// Bad arguments (an unknown command or option, a missing or bad value) or bad input (a missing, unreadable or
    /// invalid file, a bad line); what was wrong is on stderr or in the output.
    /// </summary>
    public const int UsageError = 2;

    /// <summary>A bug in <c>nhtrc</c>: an exception nothing expected. One line names its type; no stack trace.</summary>
    public const int InternalError = 70;
}
