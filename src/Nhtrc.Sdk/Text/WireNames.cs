using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// The camelCase names the SDK's JSON documents, results and the <c>nhtrc</c> command line give enum members
/// (<c>WebForm</c> is <c>webForm</c>, <c>EmergencyShelter</c> is <c>emergencyShelter</c>), for every enum of
/// the SDK. Names are matched case-sensitively. Thread-safe; no reflection beyond the enum's own names.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">A defined member.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined member.</exception>
    public static string Of<T>(T value)
        where T : struct, Enum => WireName<T>.Of(value);

    /// <summary>Reads a wire name; false, with the default value, when <paramref name="name"/> is not one of <see cref="All{T}"/>.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="name">The name, such as <c>webForm</c>.</param>
    /// <param name="value">The member named.</param>
    public static bool TryParse<T>([NotNullWhen(true)] string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        return name is not null && WireName<T>.TryParse(name, out value);
    }

    /// <summary>Reads a wire name.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="name">The name, such as <c>webForm</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="name"/> is not a wire name of <typeparamref name="T"/>; the message lists them.</exception>
    public static T Parse<T>(string name)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out T value)
            ? value
            : throw new NhtrcValidationException(typeof(T).Name, [new ValidationProblem("name", $"{InputText.Describe(name)} is not one of: {WireName<T>.Expected}.")]);
    }

    /// <summary>Every wire name of <typeparamref name="T"/>, in declaration order.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    public static ImmutableArray<string> All<T>()
        where T : struct, Enum => WireName<T>.All;

    /// <summary>Every wire name of <typeparamref name="T"/>, comma separated, for messages: <c>phone, text, chat, email, webForm</c>.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    public static string Expected<T>()
        where T : struct, Enum => WireName<T>.Expected;
}
