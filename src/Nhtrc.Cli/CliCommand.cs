using System;
using System.Collections.Generic;
using System.IO;

namespace Nhtrc.Cli;

/// <summary>
/// One <c>nhtrc</c> command: the word that selects it, the one line <c>nhtrc --help</c> shows for it, and
/// how to run it with the arguments after the word and the process's standard streams.
/// </summary>
/// <param name="Name">The command word, for example <c>deadline</c>.</param>
/// <param name="Summary">One line for the command list, without a trailing period.</param>
/// <param name="Run">Runs the command: (arguments after the word, stdin, stdout, stderr) to an exit code.</param>
internal sealed record CliCommand(
    string Name,
    string Summary,
    Func<IReadOnlyList<string>, TextReader, TextWriter, TextWriter, int> Run);
