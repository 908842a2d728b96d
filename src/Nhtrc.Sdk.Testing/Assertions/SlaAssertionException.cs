using System;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Thrown by <see cref="SlaAssert"/> when a deadline, a response or an SLA clock is not what a test expects. It belongs
/// to no test framework, so xUnit, NUnit and MSTest all report it as a failure with its message, which explains the
/// case in the calendar's local time. It never contains caller data.
/// </summary>
public sealed class SlaAssertionException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public SlaAssertionException()
        : base("An SLA assertion failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What was expected and what happened.</param>
    public SlaAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What was expected and what happened.</param>
    /// <param name="innerException">The cause.</param>
    public SlaAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
