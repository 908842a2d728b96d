using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Cli;

/// <summary>The pieces of option parsing that the commands share: taking an option's value and the common problems.</summary>
internal static class OptionReader
{
    /// <summary>
    /// True when an argument follows <c>args[index]</c> and does not start with <c>--</c>: a following option is not
    /// taken as the value, so <c>--policy --explain</c> leaves <c>--policy</c> without a file.
    /// </summary>
    public static bool HasValueAfter(IReadOnlyList<string> args, int index) =>
        index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal);

    /// <summary>
    /// The value after the option at <c>args[index]</c>, moving <paramref name="index"/> onto it; null, and
    /// <paramref name="index"/> unchanged, when <see cref="HasValueAfter"/> is false.
    /// </summary>
    public static string? TakeValue(IReadOnlyList<string> args, ref int index) =>
        HasValueAfter(args, index) ? args[++index] : null;

    /// <summary>
    /// Reads the file after an option that takes one file and may be given once, such as <c>--policy FILE</c>,
    /// at <c>args[index]</c>; records that the option is given more than once (when <paramref name="given"/> is
    /// already set) or that it needs a file, and sets <paramref name="given"/>.
    /// </summary>
    /// <returns>True with the file, or false when a problem was recorded.</returns>
    public static bool TryTakeFile(
        IReadOnlyList<string> args,
        ref int index,
        ref bool given,
        List<ValidationProblem> problems,
        [NotNullWhen(true)] out string? file)
    {
        var option = args[index];
        var value = TakeValue(args, ref index);
        file = null;
        if (given)
        {
            problems.Add(GivenMoreThanOnce(option));
        }
        else if (value is null)
        {
            problems.Add(new ValidationProblem(option, "needs a file."));
        }
        else
        {
            file = value;
        }

        given = true;
        return file is not null;
    }

    /// <summary>The problem of an option that may be given once but is given again.</summary>
    public static ValidationProblem GivenMoreThanOnce(string option) => new(option, "is given more than once.");

    /// <summary>
    /// The problem of an argument the command does not take: an unknown option, or a word that is not expected,
    /// followed by <paramref name="hint"/>.
    /// </summary>
    public static ValidationProblem Unexpected(int index, string arg, string hint) => new(
        Argument(index, arg),
        arg.StartsWith('-') ? "is not a known option." : "is not expected; " + hint);

    /// <summary>How a problem names the argument at <paramref name="index"/>: <c>argument 2 'x'</c>, counting from 1.</summary>
    public static string Argument(int index, string arg) =>
        string.Create(CultureInfo.InvariantCulture, $"argument {index + 1} '{arg}'");
}
