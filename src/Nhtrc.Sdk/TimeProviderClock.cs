using System;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>
/// An <see cref="IClock"/> over a <see cref="TimeProvider"/>, so that an application that tests with
/// <c>FakeTimeProvider</c> moves the SDK's clock too. Thread-safe when the provider is.
/// </summary>
internal sealed class TimeProviderClock(TimeProvider timeProvider) : IClock
{
    public TimeProvider TimeProvider { get; } = timeProvider;

    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(TimeProvider.GetUtcNow());

    public override string ToString() => $"clock over {TimeProvider.GetType().Name}";
}
