using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc validate FILE</c>: loads a referral directory file and says whether it is valid, listing every problem
/// with its JSON path when it is not.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join(
        '\n',
        "Usage: nhtrc validate FILE",
        "",
        "Loads a referral directory (JSON in the format of docs/referrals.md; a name ending in .gz is",
        "decompressed first) with every rule checked, as nhtrc match --directory would. When it is valid,",
        "prints one line: FILE: valid referral directory, N organizations, M services.",
        "Otherwise prints every problem with its JSON path to stderr, for example",
        "  - $.organizations[2].services[0].area.zips[1]: ZIP code 00000 is not in the gazetteer ...",
        "Malformed JSON stops the reader, so only its first syntax error is listed, with its line.",
        "",
        "Options:",
        "  -h, --help    print this help",
        "",
        "Exit codes: 0 the file is a valid directory; 2 it is not, it cannot be read, or bad arguments.",
        "");

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the word <c>validate</c>.</param>
    /// <param name="stdin">Not read.</param>
    /// <param name="stdout">Where the summary (or the help) is written.</param>
    /// <param name="stderr">Where problems are written.</param>
    /// <returns><see cref="ExitCodes.Success"/> for a valid directory, otherwise <see cref="ExitCodes.UsageError"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        string? path = null;
        var help = false;
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
            }
            else if (arg.StartsWith('-'))
            {
                problems.Add(new ValidationProblem(OptionReader.Argument(i, arg), "is not a known option."));
            }
            else if (path is not null)
            {
                problems.Add(new ValidationProblem(OptionReader.Argument(i, arg), "is not expected; give one directory file."));
            }
            else
            {
                path = arg;
            }
        }

        if (path is null && problems.Count == 0)
        {
            problems.Add(new ValidationProblem("FILE", "is required: give the directory file to check."));
        }

        if (ArgumentProblems.HelpOrReport("validate", Usage, help, problems, stdout, stderr) is { } exitCode)
        {
            return exitCode;
        }

        if (!ReferralDirectoryFile.TryLoad(path!, "nhtrc validate: ", stderr, out var directory))
        {
            return ExitCodes.UsageError;
        }

        stdout.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: valid referral directory, {directory.Organizations.Length} organizations, {directory.ServiceCount} services\n"));
        return ExitCodes.Success;
    }
}
