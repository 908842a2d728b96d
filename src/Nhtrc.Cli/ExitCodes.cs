namespace Nhtrc.Cli;

/// <summary>The exit codes every <c>nhtrc</c> command uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did all it was asked, including printing its help.</summary>
    public const int Success = 0;

    /// <summary>Bad arguments, an unknown command, or bad input; what was wrong is on stderr or in the output.</summary>
    public const int UsageError = 2;
}
