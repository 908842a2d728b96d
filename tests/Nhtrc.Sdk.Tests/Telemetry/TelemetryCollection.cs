namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>
/// The SDK's meter and activity source are static, one per process, so every test of this assembly that triages,
/// computes a deadline or matches would add to the counts a telemetry test collects. Telemetry tests run in this
/// collection, which xUnit runs alone, after the parallel ones: counts can then be exact.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
