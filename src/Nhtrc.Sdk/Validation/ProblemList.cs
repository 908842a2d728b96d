using System.Collections.Generic;

namespace Nhtrc.Sdk.Validation;

/// <summary>Collects validation problems so that one exception can name all of them.</summary>
internal sealed class ProblemList
{
    private List<ValidationProblem>? _problems;

    public bool IsEmpty => _problems is null;

    public int Count => _problems?.Count ?? 0;

    public IReadOnlyList<ValidationProblem> Items => (IReadOnlyList<ValidationProblem>?)_problems ?? [];

    public void Add(string location, string message) => (_problems ??= []).Add(new ValidationProblem(location, message));

    /// <summary>Adds every problem of <paramref name="other"/>, in its order.</summary>
    public void AddRange(ProblemList other)
    {
        if (other._problems is not null)
        {
            (_problems ??= []).AddRange(other._problems);
        }
    }

    /// <summary>Adds a problem when <paramref name="message"/> (the result of a rule) is not null.</summary>
    public void Check(string location, string? message)
    {
        if (message is not null)
        {
            Add(location, message);
        }
    }

    public void ThrowIfAny(string subject)
    {
        if (_problems is not null)
        {
            throw new NhtrcValidationException(subject, _problems);
        }
    }
}
