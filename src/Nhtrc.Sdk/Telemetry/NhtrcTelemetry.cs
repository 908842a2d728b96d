using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nhtrc.Sdk.Telemetry;

/// <summary>
/// The names the SDK's telemetry is published under (docs/telemetry.md): one <see cref="System.Diagnostics.Metrics.Meter"/>
/// and one <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="MeterName"/>. Subscribe with
/// OpenTelemetry's <c>AddMeter(NhtrcTelemetry.MeterName)</c> and <c>AddSource(NhtrcTelemetry.ActivitySourceName)</c>.
/// No instrument, span or tag carries personal data, and every tag has a bounded set of values.
/// </summary>
public static class NhtrcTelemetry
{
    /// <summary>The meter's name: <c>Nhtrc.Sdk</c>.</summary>
    public const string MeterName = "Nhtrc.Sdk";

    /// <summary>The activity source's name: <c>Nhtrc.Sdk</c>.</summary>
    public const string ActivitySourceName = "Nhtrc.Sdk";

    private static readonly string? Version = typeof(NhtrcTelemetry).Assembly.GetName().Version?.ToString(3);

    /// <summary>The SDK's meter; every instrument is created on it once.</summary>
    internal static Meter Meter { get; } = new(MeterName, Version);

    /// <summary>The SDK's activity source.</summary>
    internal static ActivitySource Source { get; } = new(ActivitySourceName, Version);
}
