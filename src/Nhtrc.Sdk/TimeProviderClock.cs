using System;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>
/// An <see cref="IClock"/> over a <see cref="TimeProvider"/>, so that an application that tests with
/// <c>FakeTimeProvider</c> moves the SDK's clock too: every <see cref="GetCurrentInstant"/> reads
/// <see cref="TimeProvider.GetUtcNow"/> afresh. Dependency injection uses it when the app registers a
/// <see cref="TimeProvider"/>; construct it yourself to give one to a service without a container. Thread-safe
/// when the provider is.
/// </summary>
/// <param name="timeProvider">The provider to read the time from.</param>
public sealed class TimeProviderClock(TimeProvider timeProvider) : IClock
{
    /// <summary>The provider this clock reads.</summary>
    public TimeProvider TimeProvider { get; } = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>The provider's current UTC time as an <see cref="Instant"/>.</summary>
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(TimeProvider.GetUtcNow());

    /// <summary>Returns <c>clock over</c> and the provider's type name, for example <c>clock over FakeTimeProvider</c>.</summary>
    public override string ToString() => $"clock over {TimeProvider.GetType().Name}";
}
