using System.Collections.Generic;
using System.IO;
using Nhtrc.Sdk;

namespace Nhtrc.Cli;

/// <summary>How a command reports the problems found in its arguments: one line each on stderr, then where to find help.</summary>
internal static class ArgumentProblems
{
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
