using System;
using System.Collections.Generic;
using System.IO;

namespace Nhtrc.Cli;

/// <summary>How problems with the arguments are reported: one line each on stderr, then where to find help.</summary>
internal static class ArgumentProblems
{
    /// <summary>
    /// Writes every problem, prefixed with <c>nhtrc <paramref name="command"/>:</c> (<c>nhtrc:</c> for none), and a
    /// pointer to the help.
    /// </summary>
    /// <returns><see cref="ExitCodes.UsageError"/>.</returns>
    public static int Report(string command, IEnumerable<string> problems, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(stderr);
        var name = command.Length == 0 ? "nhtrc" : "nhtrc " + command;
        foreach (var problem in problems)
        {
            stderr.Write($"{name}: {problem}\n");
        }

        stderr.Write($"Run '{name} --help' for usage.\n");
        return ExitCodes.UsageError;
    }
}
