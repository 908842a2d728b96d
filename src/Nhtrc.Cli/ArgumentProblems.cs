using System.Collections.Generic;
using System.IO;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Cli;

/// <summary>How a command reports the problems found in its arguments: one line each on stderr, then where to find help.</summary>
internal static class ArgumentProblems
{
    /// <summary>
    /// How every command ends the reading of its arguments: with <c>--help</c> it prints <paramref name="usage"/>
    /// (whatever else is wrong); otherwise, when there are problems, it reports them as <see cref="Report"/> does.
    /// </summary>
    /// <returns>The exit code to return now, or null when the command should go on.</returns>
    public static int? HelpOrReport(
        string command,
        string usage,
        bool help,
        IReadOnlyCollection<ValidationProblem> problems,
        TextWriter stdout,
        TextWriter stderr)
    {
        if (help)
        {
            stdout.Write(usage);
            return ExitCodes.Success;
        }

        return problems.Count > 0 ? Report(command, problems, stderr) : null;
    }

    /// <summary>Writes every problem, prefixed with <c>nhtrc <paramref name="command"/>:</c>, and a pointer to the help.</summary>
    /// <returns><see cref="ExitCodes.UsageError"/>.</returns>
    public static int Report(string command, IEnumerable<ValidationProblem> problems, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            stderr.Write($"nhtrc {command}: {problem}\n");
        }

        stderr.Write($"Run 'nhtrc {command} --help' for usage.\n");
        return ExitCodes.UsageError;
    }
}
