using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Benchmarks.ResponseTimes;

/// <summary>
/// A full deadline from the default NHTRC policy (rule lookup, targets on the business calendar, the result
/// object), and an SLA clock reading with a pause. The explanation is lazy and not part of ComputeDeadline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DeadlineBenchmarks
{
    private readonly ResponsePolicy policy = ResponsePolicy.NhtrcDefault;
    private Instant received;
    private SlaEvent[] events = [];
    private ResponseDeadline deadline = null!;

    [GlobalSetup]
    public void Setup()
    {
        received = Instant.FromUtc(2026, 7, 2, 22, 59); // Thu 2 Jul 18:59 EDT, eve of the observed holiday
        deadline = policy.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);
        events =
        [
            new(SlaEventKind.Received, received),
            new(SlaEventKind.Paused, received + Duration.FromHours(14)),
            new(SlaEventKind.Resumed, received + Duration.FromHours(40)),
        ];
    }

    [Benchmark(Baseline = true)]
    public ResponseDeadline NonUrgentEmail() => policy.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);

    [Benchmark]
    public ResponseDeadline UrgentEmail() => policy.ComputeDeadline(received, ContactChannel.Email, Urgency.Urgent);

    [Benchmark]
    public ResponseDeadline UrgentPhone() => policy.ComputeDeadline(received, ContactChannel.Phone, Urgency.Urgent);

    [Benchmark]
    public string NonUrgentEmailWithExplanation() => policy.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent).Explanation;

    [Benchmark]
    public SlaState SlaClockWithPause() => SlaClock.Evaluate(deadline, events, received + Duration.FromDays(3));
}
