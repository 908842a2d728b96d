using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Nhtrc.Cli.Commands;

namespace Nhtrc.Cli;

/// <summary>
/// The <c>nhtrc</c> entry point: a System.CommandLine root command with one subcommand per entry of
/// <see cref="Commands"/>, plus <c>help [COMMAND]</c>, <c>--help</c> and <c>--version</c>. Usage, help and argument
/// errors are generated from the definitions; every command's action is a thin layer over the SDK.
/// </summary>
internal static class Program
{
    /// <summary>System.CommandLine's message for a root command without a subcommand (InvariantGlobalization: English).</summary>
    private const string RequiredCommandWasNotProvided = "Required command was not provided.";

    /// <summary>The width help text is wrapped at, fixed so that help is the same on every terminal and in a pipe.</summary>
    private const int HelpWidth = 100;

    /// <summary>Every command, in the order <c>nhtrc --help</c> lists them.</summary>
    internal static IReadOnlyList<CliCommand> Commands { get; } =
    [
        new("check-hsds", "check Open Referral HSDS 3.0 feeds against the official schemas", CheckHsdsCommand.Details, (_, summary) => CheckHsdsCommand.Create(summary)),
        new("deadline", "response deadlines for JSON Lines requests read from stdin", DeadlineCommand.Details, DeadlineCommand.Create),
        new("export-hsds", "write a directory as Open Referral HSDS 3.0 JSON, public by default", ExportHsdsCommand.Details, (_, summary) => ExportHsdsCommand.Create(summary)),
        new("holidays", "observed US federal holidays in a range of years", HolidaysCommand.Details, (_, summary) => HolidaysCommand.Create(summary)),
        new("import-hsds", "import Open Referral HSDS 3.0 feeds into a directory, merging several", ImportHsdsCommand.Details, (_, summary) => ImportHsdsCommand.Create(summary)),
        new("match", "referral services for needs at a place, ranked with their reasons", MatchCommand.Details, (_, summary) => MatchCommand.Create(summary)),
        new("triage", "triage one contact: urgency, escalations, queue and deadline", TriageCommand.Details, TriageCommand.Create),
        new("validate", "check a directory, policy, rules, contact or calendar file for problems", ValidateCommand.Details, (_, summary) => ValidateCommand.Create(summary)),
    ];

    /// <summary>The tool's version, without the source revision suffix, for example <c>0.1.0</c>.</summary>
    internal static string Version { get; } = ReadVersion();

    /// <summary>What <c>nhtrc --help</c> prints after the generated usage, options and commands.</summary>
    private static string RootDetails { get; } = string.Join(
        '\n',
        "'nhtrc help COMMAND' and 'nhtrc COMMAND --help' print a command's help.",
        "Exit codes: 0 success; 2 bad arguments or bad input (see each command's help); 1 the environment",
        "failed: reading stdin or writing stdout or stderr (a full disk, a closed pipe). Details: docs/cli.md.");

    /// <summary>Runs <c>nhtrc</c> with <paramref name="args"/> over the given streams.</summary>
    /// <returns>
    /// The exit code: <see cref="ExitCodes.Success"/>; <see cref="ExitCodes.UsageError"/> for bad arguments or bad input;
    /// <see cref="ExitCodes.EnvironmentFailure"/> when reading stdin or writing stdout or stderr fails.
    /// </returns>
    internal static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        try
        {
            var root = CreateRootCommand(stdin);

            // "@file" tokens are file paths like any other, not response files to expand.
            var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parseResult.Action is ParseErrorAction)
            {
                var command = parseResult.CommandResult.Command;
                var problems = parseResult.Errors.Select(e => e.Message).ToList();
                if (problems.Count > 1)
                {
                    // "nhtrc deadlines" is an unknown command; that no known one was given too says nothing more.
                    problems.Remove(RequiredCommandWasNotProvided);
                }

                return ArgumentProblems.Report(command is RootCommand ? "" : command.Name, problems, stderr);
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
        }
        catch (IOException e)
        {
            // Files the user names are read by the commands, which report them as bad input; what is left is the
            // environment: stdin, stdout or stderr (a full disk, a closed pipe, an unreadable device).
            return Fail(stderr, ExitCodes.EnvironmentFailure, $"nhtrc: input or output failed: {IOErrors.Describe(e)}\n");
        }
#pragma warning disable CA1031 // A bug must not print a stack trace (with source paths) to a hotline worker's terminal.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(stderr, ExitCodes.InternalError, $"nhtrc: internal error ({e.GetType().Name}); this is a bug in nhtrc, please report it.\n");
        }
    }

    /// <summary>Builds the command tree: the root with its subcommands, help and version, reading stdin where a command does.</summary>
    internal static RootCommand CreateRootCommand(TextReader stdin)
    {
        var root = new RootCommand(
            "Response deadlines, holiday calendars, triage and referral matching from Nhtrc.Sdk, as plain text.")
        {
            HelpName = "nhtrc",
        };
        var details = new Dictionary<Command, string> { [root] = RootDetails };
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Action = new HelpWithDetailsAction(details);
                    break;
                case VersionOption version:
                    version.Action = new VersionAction();
                    break;
            }
        }

        foreach (var command in Commands)
        {
            var subcommand = command.Create(stdin, command.Summary);
            details[subcommand] = command.Details;
            root.Subcommands.Add(subcommand);
        }

        root.Subcommands.Add(CreateHelpCommand(root));
        return root;
    }

    private static Command CreateHelpCommand(RootCommand root)
    {
        var commandArgument = new Argument<string?>("COMMAND")
        {
            HelpName = "COMMAND",
            Description = "the command to explain; without it, the list of commands",
            Arity = ArgumentArity.ZeroOrOne,
        };
        commandArgument.AcceptOnlyFromAmong([.. Commands.Select(c => c.Name)]);
        var help = new Command("help", "print the help of a command: 'nhtrc help COMMAND' is 'nhtrc COMMAND --help'") { commandArgument };
        help.SetAction(parseResult =>
        {
            // "nhtrc help deadline" is "nhtrc deadline --help", whose help is generated from the same definition.
            string[] helpArgs = parseResult.GetValue(commandArgument) is { } name ? [name, "--help"] : ["--help"];
            return root.Parse(helpArgs).Invoke(parseResult.InvocationConfiguration);
        });
        return help;
    }

    private static int Fail(TextWriter stderr, int exitCode, string message)
    {
        try
        {
            stderr.Write(message);
            stderr.Flush();
        }
        catch (IOException)
        {
            // stderr is gone too; the exit code is all that is left to tell.
        }

        return exitCode;
    }

    private static int Main(string[] args)
    {
        // UTF-8 without a BOM out; a BOM on the way in is skipped, and invalid UTF-8 in is kept (StdinText). Output is flushed once, at the end, because
        // a console stream flushed per line is what makes a filter over 100,000 lines slow. Lines end in '\n' on
        // every operating system, help included.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = StdinText.Open(Console.OpenStandardInput());
        var stdout = new StreamWriter(OpenStandardOutput(), utf8, bufferSize: 1 << 16) { AutoFlush = false, NewLine = "\n" };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
        var exitCode = Run(args, stdin, stdout, stderr);
        try
        {
            stdout.Dispose();
        }
        catch (IOException e) when (exitCode != ExitCodes.EnvironmentFailure)
        {
            exitCode = Fail(stderr, ExitCodes.EnvironmentFailure, $"nhtrc: input or output failed: {IOErrors.Describe(e)}\n");
        }
        catch (IOException)
        {
            // Writing already failed and was said once; flushing what is left fails the same way.
        }

        return exitCode;
    }

    /// <summary>
    /// Standard output as a stream whose writes fail with an <see cref="IOException"/> when the reader has gone. On
    /// Unix the console stream ignores EPIPE, so a closed pipe would lose the output silently and still exit 0; a
    /// FileStream over descriptor 1 reports it (the runtime ignores SIGPIPE, so the write fails instead of killing
    /// the process). Where that stream cannot be made (no descriptor 1), the console's stream is used.
    /// </summary>
    private static Stream OpenStandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }

        try
        {
            // Only for a pipe, socket or terminal: a FileStream over a regular file writes at offsets of its own
            // (pwrite) without moving the descriptor's shared offset, so whatever a shell writes after nhtrc to the same
            // file (`(nhtrc ...; echo done) > log`) would overwrite nhtrc's output. A regular file has no EPIPE anyway.
            var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!stream.CanSeek)
            {
                return stream;
            }

            stream.Dispose();
            return Console.OpenStandardOutput();
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return Console.OpenStandardOutput();
        }
    }

    private static string ReadVersion()
    {
        var version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>The generated help of a command, then its details (input and output formats, exit codes).</summary>
    private sealed class HelpWithDetailsAction(IReadOnlyDictionary<Command, string> details) : SynchronousCommandLineAction
    {
        private readonly HelpAction _help = new() { MaxWidth = HelpWidth };

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            _ = _help.Invoke(parseResult);
            if (details.TryGetValue(parseResult.CommandResult.Command, out var text))
            {
                parseResult.InvocationConfiguration.Output.Write(text + "\n");
            }

            return ExitCodes.Success;
        }
    }

    /// <summary><c>nhtrc --version</c>: <c>nhtrc 0.1.0</c>, without the source revision the generated one prints.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.Write($"nhtrc {Version}\n");
            return ExitCodes.Success;
        }
    }
}
