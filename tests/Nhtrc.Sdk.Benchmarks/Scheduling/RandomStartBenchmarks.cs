using System;
using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Benchmarks.Scheduling;

/// <summary>
/// Business time and deadlines from random starts, as a host calls them (the fixed-start benchmarks in
/// <see cref="BusinessTimeBenchmarks"/> and <c>DeadlineBenchmarks</c> measure span independence, with one start whose
/// zone lookups stay cached). The starts are uniform over 2000-2049 UTC (seed 2026): 4,096 for business time, 100,000
/// receipts for deadlines, each on every channel and urgency in turn. Each invocation takes the next start, so the
/// figures are per call; the year tables are warm (built in the setup), the zone's caches are what they are.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RandomStartBenchmarks
{
    private const int Starts = 4_096;
    private const int Receipts = 100_000;
    private const int Batch = 1_024;

    private static readonly ContactChannel[] Channels = [ContactChannel.Phone, ContactChannel.Text, ContactChannel.Chat, ContactChannel.Email, ContactChannel.WebForm];

    private readonly ResponsePolicy policy = ResponsePolicy.NhtrcDefault;
    private ServiceCalendar calendar = null!;
    private Instant[] starts = [];
    private Instant[] receipts = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        calendar = policy.BusinessCalendar;
        var random = new Random(2026);
        var from = Instant.FromUtc(2000, 1, 1, 0, 0).ToUnixTimeSeconds();
        var to = Instant.FromUtc(2050, 1, 1, 0, 0).ToUnixTimeSeconds();
        starts = new Instant[Starts];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = Instant.FromUnixTimeSeconds(random.NextInt64(from, to));
        }

        receipts = new Instant[Receipts];
        for (var i = 0; i < receipts.Length; i++)
        {
            receipts[i] = Instant.FromUnixTimeSeconds(random.NextInt64(from, to));
        }

        // Warm: every year table these calls reach.
        _ = calendar.BusinessTimeBetween(Instant.FromUtc(1999, 12, 1, 0, 0), Instant.FromUtc(2050, 2, 1, 0, 0));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public Instant AddBusinessTime_4h()
    {
        var last = default(Instant);
        for (var i = 0; i < Batch; i++)
        {
            last = calendar.AddBusinessTime(starts[next++ & (Starts - 1)], Duration.FromHours(4));
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public Duration BusinessTimeBetween_3Days()
    {
        var total = Duration.Zero;
        for (var i = 0; i < Batch; i++)
        {
            var start = starts[next++ & (Starts - 1)];
            total += calendar.BusinessTimeBetween(start, start + Duration.FromDays(3));
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public Instant CloseOfNthBusinessDayAfter_3()
    {
        var last = default(Instant);
        for (var i = 0; i < Batch; i++)
        {
            last = calendar.CloseOfNthBusinessDayAfter(starts[next++ & (Starts - 1)], 3);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public bool IsOpen()
    {
        var open = false;
        for (var i = 0; i < Batch; i++)
        {
            open ^= calendar.IsOpen(starts[next++ & (Starts - 1)]);
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public ResponseDeadline ComputeDeadline()
    {
        ResponseDeadline last = null!;
        for (var i = 0; i < Batch; i++)
        {
            var n = next++;
            var receipt = receipts[(int)((uint)n % Receipts)];
            last = policy.ComputeDeadline(receipt, Channels[n % 5], (n & 8) == 0 ? Urgency.NonUrgent : Urgency.Urgent);
        }

        return last;
    }
}
