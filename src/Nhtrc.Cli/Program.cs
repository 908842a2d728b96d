using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Nhtrc.Cli.Commands;

namespace Nhtrc.Cli;

/// <summary>
/// The <c>nhtrc</c> entry point: <c>nhtrc &lt;command&gt; [args]</c> dispatches to the command named by the
/// first argument. A new command is one entry in <see cref="Commands"/>.
/// </summary>
internal static class Program
{
    /// <summary>Every command, in the order <c>nhtrc --help</c> lists them.</summary>
    internal static IReadOnlyList<CliCommand> Commands { get; } =
    [
        new("deadline", "response deadlines for JSON Lines requests read from stdin", DeadlineCommand.Run),
        new("holidays", "observed US federal holidays in a range of years", (args, _, stdout, stderr) => HolidaysCommand.Run(args, stdout, stderr)),
        new("match", "referral services for needs at a place, ranked with their reasons", MatchCommand.Run),
        new("triage", "triage one contact: urgency, escalations, queue and deadline", TriageCommand.Run),
        new("validate", "check a referral directory file and list every problem", ValidateCommand.Run),
    ];

    /// <summary>The tool's version, without the source revision suffix, for example <c>0.1.0</c>.</summary>
    internal static string Version { get; } = ReadVersion();

    /// <summary>The text printed by <c>nhtrc --help</c>.</summary>
    internal static string Usage { get; } = BuildUsage();

    /// <summary>Runs <c>nhtrc</c> with <paramref name="args"/> over the given streams.</summary>
    /// <returns>The command's exit code; <see cref="ExitCodes.UsageError"/> when no known command is given.</returns>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if (args.Length == 0)
        {
            stderr.Write("nhtrc: no command given.\n");
            stderr.Write(Usage);
            return ExitCodes.UsageError;
        }

        var name = args[0];
        switch (name)
        {
            case "help" when args.Length > 1:
                // "nhtrc help deadline" is "nhtrc deadline --help".
                return Run([args[1], "--help"], stdin, stdout, stderr);
            case "help" or "--help" or "-h":
                stdout.Write(Usage);
                return ExitCodes.Success;
            case "--version":
                stdout.Write($"nhtrc {Version}\n");
                return ExitCodes.Success;
        }

        var command = Commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            stderr.Write($"nhtrc: '{name}' is not a command.\n");
            stderr.Write(Usage);
            return ExitCodes.UsageError;
        }

        return command.Run(args[1..], stdin, stdout, stderr);
    }

    private static int Main(string[] args)
    {
        // UTF-8 without a BOM out; a BOM on the way in is skipped. Output is flushed once, at the end, because
        // a console stream flushed per line is what makes a filter over 100,000 lines slow.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16) { AutoFlush = false };
        var exitCode = Run(args, stdin, stdout, Console.Error);
        stdout.Flush();
        return exitCode;
    }

    private static string BuildUsage()
    {
        var width = Commands.Max(c => c.Name.Length) + 2;
        var usage = new StringBuilder()
            .Append("Usage: nhtrc <command> [args]\n")
            .Append('\n')
            .Append("Commands:\n");
        foreach (var command in Commands)
        {
            usage.Append("  ").Append(command.Name.PadRight(width)).Append(command.Summary).Append('\n');
        }

        return usage
            .Append('\n')
            .Append("Options:\n")
            .Append("  -h, --help      print this help; 'nhtrc help <command>' or 'nhtrc <command> --help' for a command\n")
            .Append("  --version       print the version\n")
            .Append('\n')
            .Append("Exit codes: 0 success, 2 bad arguments or bad input (see each command's help).\n")
            .ToString();
    }

    private static string ReadVersion()
    {
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
