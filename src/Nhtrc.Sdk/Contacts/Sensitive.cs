using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// A value that is caller personal data. Every way of turning it into text (<see cref="ToString()"/>,
/// string interpolation, composite formatting, the debugger) gives <see cref="Redaction.Placeholder"/>;
/// the value itself is only available through <see cref="Reveal"/>. Immutable and thread-safe if
/// <typeparamref name="T"/> is.
/// </summary>
/// <typeparam name="T">The type of the value, usually <see cref="string"/>.</typeparam>
/// <remarks>
/// Equality compares the wrapped values with <see cref="EqualityComparer{T}.Default"/>. The type has no
/// public properties, so a reflection-based serializer writes it as an empty object, never the value.
/// </remarks>
[DebuggerDisplay(Redaction.Placeholder)]
public sealed class Sensitive<T> : IEquatable<Sensitive<T>>, IFormattable
    where T : notnull
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly T _value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public Sensitive(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>
    /// Returns the personal data itself. This is the only way to read it: call it only where the value is
    /// needed (a callback, a consented report, full serialization), never to build log or error text.
    /// </summary>
    public T Reveal() => _value;

    /// <summary>Returns <see cref="Redaction.Placeholder"/>, never the value.</summary>
    public override string ToString() => Redaction.Placeholder;

    /// <summary>Returns <see cref="Redaction.Placeholder"/> whatever the format, so interpolation never reveals the value.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => Redaction.Placeholder;

    /// <summary>True when <paramref name="other"/> wraps an equal value.</summary>
    public bool Equals(Sensitive<T>? other) =>
        other is not null && EqualityComparer<T>.Default.Equals(_value, other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Sensitive<T>);

    /// <summary>True when both are null or they are equal by <see cref="Equals(Sensitive{T}?)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(Sensitive<T>? left, Sensitive<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(Sensitive<T>? left, Sensitive<T>? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => EqualityComparer<T>.Default.GetHashCode(_value);
}
