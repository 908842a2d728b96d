using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

public sealed class SlaClockTests
{
    private static readonly ResponsePolicy Policy = ResponsePolicy.NhtrcDefault;

    // EDT is UTC-4 in March after the 8th.
    private static Instant Edt(int day, int hour, int minute = 0) =>
        Instant.FromUtc(2026, 3, day, 0, 0) + Duration.FromHours(hour + 4) + Duration.FromMinutes(minute);

    private static SlaEvent Received(Instant at) => new(SlaEventKind.Received, at);

    private static SlaState NonUrgentEmail(Instant at, params SlaEvent[] more) =>
        SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent, [Received(Edt(9, 10)), .. more], at);

    [Fact]
    public void BusinessTarget_EarlyOn_IsPendingWithRemainingBusinessTime()
    {
        var state = NonUrgentEmail(Edt(9, 12));

        Assert.Equal(SlaStatus.Pending, state.Status);
        Assert.Equal(Duration.FromHours(19), state.AllowedToTarget); // Mon 10-19 and Tue 9-19
        Assert.Equal(Duration.FromHours(39), state.AllowedToDue);    // to the close of Thu 12 Mar
        Assert.Equal(Duration.FromHours(17), state.RemainingToTarget);
        Assert.Equal(SlaWarning.None, state.Warning);
        Assert.Equal(Edt(10, 19), state.EffectiveTargetBy);
        Assert.Equal(Edt(12, 19), state.EffectiveDueBy);
    }

    [Fact]
    public void BusinessTarget_AfterTheTarget_IsPastTarget_WithWarningsAtHalfAndThreeQuarters()
    {
        var state = NonUrgentEmail(Edt(11, 12));

        Assert.Equal(SlaStatus.PastTarget, state.Status);
        Assert.Equal(Duration.FromHours(-3), state.RemainingToTarget);
        Assert.Equal(Duration.FromHours(17), state.RemainingToDue);
        Assert.Equal(SlaWarning.HalfUsed, state.Warning);
        Assert.Equal(Edt(11, 9, 30), state.HalfUsedAt);         // 19.5 business hours in
        Assert.Equal(Edt(12, 9, 15), state.ThreeQuartersUsedAt); // 29.25 business hours in
        Assert.Equal(SlaWarning.ThreeQuartersUsed, NonUrgentEmail(Edt(12, 9, 15)).Warning);
    }

    [Fact]
    public void BusinessTarget_AfterTheDueClose_IsBreached_EvenThoughNoBusinessTimePasses()
    {
        var state = NonUrgentEmail(Edt(12, 20));

        Assert.Equal(SlaStatus.Breached, state.Status);
        Assert.Equal(Duration.Zero, state.RemainingToDue); // closed hours do not count in business terms
        Assert.Equal(SlaStatus.PastTarget, NonUrgentEmail(Edt(12, 19)).Status); // the due instant itself is still in time
    }

    [Fact]
    public void Response_BetweenTargetAndDue_IsMet_ButNotTheTarget()
    {
        var state = NonUrgentEmail(Edt(13, 12), new SlaEvent(SlaEventKind.Responded, Edt(11, 10)));

        Assert.Equal(SlaStatus.Met, state.Status);
        Assert.False(state.TargetMet);
        Assert.Equal(Edt(11, 10), state.RespondedAt);
        Assert.Equal(SlaWarning.None, state.Warning);
        Assert.Equal(Duration.FromHours(-1), state.RemainingToTarget); // measured up to the response
    }

    [Fact]
    public void Response_AtTheDueInstantExactly_IsMet()
    {
        var state = NonUrgentEmail(Edt(13, 12), new SlaEvent(SlaEventKind.Responded, Edt(12, 19)));
        Assert.Equal(SlaStatus.Met, state.Status);
    }

    [Fact]
    public void Pause_MovesTheTargetByThePausedBusinessTime()
    {
        // Paused Mon 12:00 to Tue 12:00: 10 business hours do not count.
        var state = NonUrgentEmail(Edt(10, 13),
            new SlaEvent(SlaEventKind.Paused, Edt(9, 12)),
            new SlaEvent(SlaEventKind.Resumed, Edt(10, 12)));

        Assert.Equal(Edt(11, 19), state.EffectiveTargetBy);
        Assert.Equal(Duration.FromHours(16), state.RemainingToTarget); // 2h Monday + 1h Tuesday used
        Assert.False(state.IsPaused);
    }

    [Fact]
    public void WhilePaused_WithTimeLeft_TheEffectiveDeadlinesAreUnknown_AndNothingBreaches()
    {
        var state = NonUrgentEmail(Edt(20, 12), new SlaEvent(SlaEventKind.Paused, Edt(9, 12)));

        Assert.True(state.IsPaused);
        Assert.Equal(SlaStatus.Pending, state.Status);
        Assert.Null(state.EffectiveTargetBy);
        Assert.Null(state.EffectiveDueBy);
        Assert.Equal(Duration.FromHours(17), state.RemainingToTarget);
    }

    [Fact]
    public void ElapsedTarget_ExcludesPausedTime()
    {
        var received = Instant.FromUtc(2026, 7, 1, 0, 0);
        SlaEvent[] events =
        [
            Received(received),
            new(SlaEventKind.Paused, received + Duration.FromHours(1)),
            new(SlaEventKind.Resumed, received + Duration.FromHours(3)),
        ];

        var before = SlaClock.Evaluate(Policy, ContactChannel.WebForm, Urgency.Urgent, events, received + Duration.FromMinutes(13 * 60 + 30));
        Assert.Equal(SlaStatus.Pending, before.Status);
        Assert.Equal(Duration.FromMinutes(30), before.RemainingToDue);
        Assert.Equal(received + Duration.FromHours(14), before.EffectiveDueBy);
        Assert.Equal(SlaWarning.ThreeQuartersUsed, before.Warning);

        var after = SlaClock.Evaluate(Policy, ContactChannel.WebForm, Urgency.Urgent, events, received + Duration.FromMinutes(14 * 60 + 1));
        Assert.Equal(SlaStatus.Breached, after.Status);
        Assert.Equal(Duration.FromMinutes(-1), after.RemainingToDue);
    }

    [Fact]
    public void ImmediateTarget_IsMetOnlyByAnAnswerAtReceipt()
    {
        var received = Instant.FromUtc(2026, 7, 1, 3, 0);
        var answered = SlaClock.Evaluate(Policy, ContactChannel.Phone, Urgency.Urgent,
            [Received(received), new SlaEvent(SlaEventKind.Responded, received)], received + Duration.FromMinutes(5));
        Assert.Equal(SlaStatus.Met, answered.Status);
        Assert.True(answered.TargetMet);

        var atReceipt = SlaClock.Evaluate(Policy, ContactChannel.Phone, Urgency.Urgent, [Received(received)], received);
        Assert.Equal(SlaStatus.Pending, atReceipt.Status);
        Assert.Equal(SlaWarning.None, atReceipt.Warning);

        var later = SlaClock.Evaluate(Policy, ContactChannel.Phone, Urgency.Urgent, [Received(received)], received + Duration.FromSeconds(1));
        Assert.Equal(SlaStatus.Breached, later.Status);
    }

    [Fact]
    public void EventsAfterTheReadingInstant_AreIgnored()
    {
        var state = NonUrgentEmail(Edt(9, 12), new SlaEvent(SlaEventKind.Responded, Edt(9, 13)));
        Assert.Equal(SlaStatus.Pending, state.Status);
        Assert.Null(state.RespondedAt);
    }

    [Fact]
    public void InconsistentEvents_AreRejectedWithEveryProblem()
    {
        var t = Edt(9, 10);
        SlaEvent[] events =
        [
            new(SlaEventKind.Paused, t),
            new(SlaEventKind.Received, t),
            new(SlaEventKind.Resumed, t + Duration.FromHours(1)),
            new(SlaEventKind.Responded, t),
            new(SlaEventKind.Paused, t + Duration.FromHours(2)),
        ];

        var e = Assert.Throws<NhtrcValidationException>(() => SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent, events, t));
        Assert.Equal(
        [
            "events[0]: pauses a clock that is not running.",
            "events[0]: must be the received event.",
            "events[1]: is a second received event; there is exactly one, first.",
            "events[2]: resumes a clock that is not paused.",
            "events[3]: is earlier than the event before it; events must be in time order.",
            "events[4]: comes after the responded event, which must be last.",
        ], e.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Evaluate_WithADeadline_RequiresTheSameReceipt()
    {
        var deadline = Policy.ComputeDeadline(Edt(9, 10), ContactChannel.Email, Urgency.NonUrgent);
        var e = Assert.Throws<NhtrcValidationException>(() => SlaClock.Evaluate(deadline, [Received(Edt(9, 11))], Edt(9, 12)));
        Assert.Equal("events[0]", Assert.Single(e.Problems).Location);
    }
}
