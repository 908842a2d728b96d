using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Nhtrc.Sdk.Validation;

/// <summary>
/// Thrown when input (a JSON document, a definition built in code, a command-line value) is invalid.
/// The message names every problem found and where it is; it never contains caller personal data.
/// </summary>
public sealed class NhtrcValidationException : Exception
{
    /// <summary>Creates an exception for one or more problems; <paramref name="problems"/> must not be empty.</summary>
    /// <param name="subject">What was being validated, for example "response policy".</param>
    /// <param name="problems">Every problem found, in document order.</param>
    public NhtrcValidationException(string subject, IEnumerable<ValidationProblem> problems)
        : this(subject, (problems ?? throw new ArgumentNullException(nameof(problems))).ToImmutableArray())
    {
    }

    private NhtrcValidationException(string subject, ImmutableArray<ValidationProblem> problems)
        : base(FormatMessage(subject, problems))
    {
        if (problems.IsEmpty)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        Subject = subject;
        Problems = problems;
    }

    /// <summary>What was being validated, for example "response policy".</summary>
    public string Subject { get; }

    /// <summary>Every problem found, in the order they were found; never empty.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    private static string FormatMessage(string subject, ImmutableArray<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var noun = problems.Length == 1 ? "problem" : "problems";
        var lines = problems.Select(p => "  - " + p.ToString());
        return $"Invalid {subject}: {problems.Length} {noun}:" + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
