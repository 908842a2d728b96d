using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Nhtrc.Sdk.Telemetry;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>
/// Records the SDK's spans that end under a root activity of its own, so spans from other code running at the same
/// time are left out: an <see cref="ActivityListener"/> on <see cref="NhtrcTelemetry.ActivitySourceName"/> that samples
/// everything, keeping only the spans in this recorder's trace.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;
    private readonly Activity root;
    private readonly ConcurrentQueue<Activity> stopped = new();

    public SpanRecorder()
    {
        root = new Activity("nhtrc-telemetry-test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = root.TraceId;
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NhtrcTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The spans stopped so far, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => [.. stopped];

    public Activity Single(string name)
    {
        var spans = Spans.Where(s => s.OperationName == name).ToArray();
        Assert.True(spans.Length == 1, $"expected one {name} span, got {spans.Length}: {string.Join(", ", Spans.Select(s => s.OperationName))}");
        return spans[0];
    }

    public void Dispose()
    {
        listener.Dispose();
        root.Stop();
    }
}
