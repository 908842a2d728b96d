using System;

namespace Nhtrc.Sdk.Validation;

/// <summary>
/// One problem found while validating input: where it is (a JSON path such as <c>$.rules[2].target</c>,
/// a line number or a member name) and what is wrong. Messages never carry caller personal data.
/// </summary>
public sealed record ValidationProblem
{
    /// <summary>Creates a problem at <paramref name="location"/>.</summary>
    /// <exception cref="ArgumentException">Either argument is null or blank.</exception>
    public ValidationProblem(string location, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Location = location;
        Message = message;
    }

    /// <summary>Where the problem is: a JSON path, <c>line N</c>, or a member name.</summary>
    public string Location { get; }

    /// <summary>What is wrong, in one sentence.</summary>
    public string Message { get; }

    /// <summary>Returns <c>location: message</c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
