using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Nhtrc.Sdk.Telemetry;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>
/// A <see cref="MeterListener"/> on every instrument of the meter <see cref="NhtrcTelemetry.MeterName"/>, the ones there
/// are and any created later: what is published (name, kind, unit) and every measurement with its tags.
/// </summary>
internal sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, Instrument> published = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Instrument, KeyValuePair<string, object?>[] Tags)> measurements = new();

    public InstrumentRecorder()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NhtrcTelemetry.MeterName)
            {
                published[instrument.Name] = instrument;
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Add(i, tags));
        listener.SetMeasurementEventCallback<int>((i, _, tags, _) => Add(i, tags));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Add(i, tags));
        listener.Start();
    }

    public IReadOnlyDictionary<string, Instrument> Published => published;

    public IReadOnlyList<(string Instrument, KeyValuePair<string, object?>[] Tags)> Measurements => [.. measurements];

    public IReadOnlySet<string> Measured => Measurements.Select(m => m.Instrument).ToHashSet(StringComparer.Ordinal);

    /// <summary>Observes the observable instruments now (a gauge reports only when observed).</summary>
    public void Observe() => listener.RecordObservableInstruments();

    /// <summary>The kind of an instrument as docs/telemetry.md names it.</summary>
    public static string Kind(Instrument instrument)
    {
        var type = instrument.GetType();
        var name = type.IsGenericType ? type.GetGenericTypeDefinition().Name : type.Name;
        return name switch
        {
            "Counter`1" => "counter",
            "UpDownCounter`1" => "up-down counter",
            "Histogram`1" => "histogram",
            "Gauge`1" => "gauge",
            "ObservableCounter`1" => "observable counter",
            "ObservableUpDownCounter`1" => "observable up-down counter",
            "ObservableGauge`1" => "observable gauge",
            _ => name,
        };
    }

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measurements.Enqueue((instrument.Name, tags.ToArray()));
}
