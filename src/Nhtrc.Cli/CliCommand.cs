using System;
using System.CommandLine;
using System.IO;

namespace Nhtrc.Cli;

/// <summary>
/// One <c>nhtrc</c> command: the word that selects it, the one line <c>nhtrc --help</c> shows for it, and how to
/// build its System.CommandLine definition over the process's standard input.
/// </summary>
/// <param name="Name">The command word, for example <c>deadline</c>.</param>
/// <param name="Summary">One line for the command list, without a trailing period.</param>
/// <param name="Details">What the command's help prints after the generated usage and options.</param>
/// <param name="Create">Builds the command (its options, arguments and action) given stdin and its summary.</param>
internal sealed record CliCommand(string Name, string Summary, string Details, Func<TextReader, string, Command> Create);
