using System;
using System.Collections.Generic;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Testing.Tests.Builders;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Assertions;

public sealed class SlaAssertTests
{
    // The worked example of docs/deadlines.md: a non-urgent email at 18:59 EDT on Thu 2 Jul 2026, before the observed
    // Independence Day; target the close of Mon 6 Jul, due the close of Wed 8 Jul.
    private static readonly ResponseDeadline July = ResponsePolicy.NhtrcDefault.ComputeDeadline(
        Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent);

    private const string JulyWhy =
        "rule 'non-urgent' of policy 'nhtrc-default': non-urgent email received Thu 2 Jul 18:59 EDT; Fri 3 Jul is Independence Day (observed); target: close of Mon 6 Jul; due: close of Wed 8 Jul";

    [Fact]
    public void MetDue_AtTheDueInstant_Passes_AndFiveMinutesLate_ExplainsInLocalTime()
    {
        SlaAssert.MetDue(July, Instant.FromUtc(2026, 7, 8, 23, 0));
        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.MetDue(July, Instant.FromUtc(2026, 7, 8, 23, 5)));
        Assert.Equal("responded Wed 8 Jul 2026 19:05 EDT, 5m after due Wed 8 Jul 2026 19:00 EDT (" + JulyWhy + ")", error.Message);
    }

    [Fact]
    public void MetTarget_HalfAMinuteLate_SaysSoToTheSecond()
    {
        SlaAssert.MetTarget(July, Instant.FromUtc(2026, 7, 6, 23, 0));
        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.MetTarget(July, Instant.FromUtc(2026, 7, 6, 23, 0, 30)));
        Assert.Equal("responded Mon 6 Jul 2026 19:00:30 EDT, 30s after target Mon 6 Jul 2026 19:00 EDT (" + JulyWhy + ")", error.Message);
    }

    [Fact]
    public void Deadline_ThatForgetsTheStateHoliday_NamesBothInstantsAndTheHoliday()
    {
        var policy = ResponsePolicyBuilderTests.Partner.Build();
        var received = Instant.FromUtc(2026, 3, 30, 23, 0);
        var deadline = SlaAssert.Deadline(policy, received, ContactChannel.Email, Urgency.NonUrgent, Instant.FromUtc(2026, 4, 1, 18, 0), Instant.FromUtc(2026, 4, 3, 0, 0));
        Assert.Equal("routine", deadline.Rule.Id);

        var error = Assert.Throws<SlaAssertionException>(() =>
            SlaAssert.Deadline(policy, received, ContactChannel.Email, Urgency.NonUrgent, Instant.FromUtc(2026, 3, 31, 19, 0), Instant.FromUtc(2026, 4, 1, 0, 0)));
        Assert.Equal(
            "Policy 'partner' gives another deadline: the request: non-urgent email received Mon 30 Mar 2026 16:00 PDT\n"
            + "  targetBy: expected Tue 31 Mar 2026 12:00 PDT, policy gives Wed 1 Apr 2026 11:00 PDT (23h later)\n"
            + "  dueBy: expected Tue 31 Mar 2026 17:00 PDT, policy gives Thu 2 Apr 2026 17:00 PDT (48h later)\n"
            + "  why: rule 'routine' of policy 'partner': non-urgent email received Mon 30 Mar 16:00 PDT; Tue 31 Mar is Cesar Chavez Day; target: 4h business time by Wed 1 Apr 11:00 PDT; due: close of Thu 2 Apr",
            error.Message);
    }

    [Fact]
    public void Deadlines_ReportsEveryFailingRow_WithItsLineAndNote()
    {
        var csv = "receivedAt,channel,urgency,targetBy,dueBy,note\n"
            + "2026-03-30T16:00:00-07:00,email,nonUrgent,2026-04-01T11:00:00-07:00,2026-04-02T17:00:00-07:00,Cesar Chavez Day\n"
            + "2026-03-30T16:00:00-07:00,email,nonUrgent,2026-03-31T11:00:00-07:00,2026-04-01T17:00:00-07:00,forgot the holiday\n"
            + "2026-03-30T16:00-07:00,phone,urgent,2026-03-30T16:00-07:00,2026-03-30T16:30-07:00,\n"
            + "1960-03-30T16:00:00Z,chat,urgent,1960-03-30T16:00:00Z,1960-03-30T16:30:00Z,old\n";
        var policy = ResponsePolicyBuilderTests.Partner.Build();
        var table = DeadlineTable.ParseCsv(csv, "deadlines.csv");
        Assert.Equal("deadlines.csv (4 rows)", table.ToString());

        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.Deadlines(policy, table));
        Assert.Equal(
            "2 of 4 expected deadlines disagree with policy 'partner' (deadlines.csv):\n"
            + "  line 3 (forgot the holiday): non-urgent email received Mon 30 Mar 2026 16:00 PDT\n"
            + "    targetBy: expected Tue 31 Mar 2026 11:00 PDT, policy gives Wed 1 Apr 2026 11:00 PDT (24h later)\n"
            + "    dueBy: expected Wed 1 Apr 2026 17:00 PDT, policy gives Thu 2 Apr 2026 17:00 PDT (24h later)\n"
            + "    why: rule 'routine' of policy 'partner': non-urgent email received Mon 30 Mar 16:00 PDT; Tue 31 Mar is Cesar Chavez Day; target: 4h business time by Wed 1 Apr 11:00 PDT; due: close of Thu 2 Apr\n"
            + "  line 5 (old): urgent chat received Wed 30 Mar 1960 08:00 PST\n"
            + "    the policy gives no deadline: The instant is in year 1960; this calendar supports years 1971 to 2200. (Parameter 'receivedAt')",
            error.Message);
    }

    [Fact]
    public void Deadlines_OfAGoodTable_InJson_Passes()
    {
        var json = """
            [
              { "receivedAt": "2026-03-30T16:00:00-07:00", "channel": "webForm", "urgency": "nonUrgent",
                "targetBy": "2026-04-01T11:00:00-07:00", "dueBy": "2026-04-02T17:00:00-07:00", "note": "Cesar Chavez Day" },
              { "receivedAt": "2026-03-30T23:00:00Z", "channel": "text", "urgency": "urgent",
                "targetBy": "2026-03-30T23:00:00Z", "dueBy": "2026-03-30T23:30:00Z" }
            ]
            """;
        var table = DeadlineTable.ParseJson(json, "deadlines.json");
        Assert.Equal(["$[0]", "$[1]"], [table.Rows[0].Location, table.Rows[1].Location]);
        Assert.Equal("Cesar Chavez Day", table.Rows[0].Note);
        Assert.Null(table.Rows[1].Note);
        SlaAssert.Deadlines(ResponsePolicyBuilderTests.Partner.Build(), table);
    }

    [Fact]
    public void ClockAt_ListsEachDifference_TheEventsAndTheExplanation()
    {
        var received = Instant.FromUtc(2026, 3, 9, 14, 0);
        var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);
        var events = new List<SlaEvent>
        {
            new(SlaEventKind.Received, received),
            new(SlaEventKind.Paused, Instant.FromUtc(2026, 3, 9, 16, 0)),
            new(SlaEventKind.Resumed, Instant.FromUtc(2026, 3, 10, 16, 0)),
        };
        var at = Instant.FromUtc(2026, 3, 11, 16, 0);

        // Paused Mon 12:00 to Tue 12:00 (10 business hours): the target moves to the close of Wednesday.
        var state = SlaAssert.ClockAt(deadline, events, at, new ExpectedSlaState
        {
            Status = SlaStatus.Pending,
            RemainingToDue = Duration.FromHours(27),
            EffectiveTargetBy = Instant.FromUtc(2026, 3, 11, 23, 0),
            IsPaused = false,
        });
        Assert.Equal(SlaWarning.None, state.Warning);

        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.ClockAt(deadline, events, at, new ExpectedSlaState
        {
            Status = SlaStatus.PastTarget,
            RemainingToDue = Duration.FromHours(17),
            EffectiveTargetBy = Instant.FromUtc(2026, 3, 10, 23, 0),
            Warning = SlaWarning.None,
        }));
        Assert.Equal(
            "SLA clock at Wed 11 Mar 2026 12:00 EDT, non-urgent email:\n"
            + "  status: expected PastTarget, the clock says Pending\n"
            + "  remainingToDue: expected 17h, the clock says 27h\n"
            + "  effectiveTargetBy: expected Tue 10 Mar 2026 19:00 EDT, the clock says Wed 11 Mar 2026 19:00 EDT\n"
            + "  events: received Mon 9 Mar 2026 10:00 EDT, paused Mon 9 Mar 2026 12:00 EDT, resumed Tue 10 Mar 2026 12:00 EDT\n"
            + "  why: rule 'non-urgent' of policy 'nhtrc-default': non-urgent email received Mon 9 Mar 10:00 EDT; target: close of Tue 10 Mar; due: close of Thu 12 Mar",
            error.Message);
    }

    [Fact]
    public void ClockAt_WhilePaused_SaysTheDeadlineIsNotKnownYet()
    {
        var received = Instant.FromUtc(2026, 3, 9, 14, 0);
        var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);
        var events = new List<SlaEvent> { new(SlaEventKind.Received, received), new(SlaEventKind.Paused, Instant.FromUtc(2026, 3, 9, 16, 0)) };
        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.ClockAt(deadline, events, Instant.FromUtc(2026, 3, 10, 16, 0),
            new ExpectedSlaState { EffectiveDueBy = Instant.FromUtc(2026, 3, 12, 23, 0), IsPaused = true }));
        Assert.StartsWith(
            "SLA clock at Tue 10 Mar 2026 12:00 EDT, non-urgent email:\n  effectiveDueBy: expected Thu 12 Mar 2026 19:00 EDT, the clock says none yet\n",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyIs_ComparesTheConfiguration_LineByLine()
    {
        const string Expected = """
            policy nhtrc-default
            calendar nhtrc-business-hours: America/New_York; Mon 09:00-19:00; Tue 09:00-19:00; Wed 09:00-19:00; Thu 09:00-19:00; Fri 09:00-19:00; holidays us-federal; no overrides
            urgent phone: urgent-live, target immediate, due immediate
            urgent text: urgent-live, target immediate, due immediate
            urgent chat: urgent-live, target immediate, due immediate
            urgent email: urgent-written, target 12h elapsed, due 12h elapsed
            urgent webForm: urgent-written, target 12h elapsed, due 12h elapsed
            non-urgent phone: non-urgent, target close of business day 1, due close of business day 3
            non-urgent text: non-urgent, target close of business day 1, due close of business day 3
            non-urgent chat: non-urgent, target close of business day 1, due close of business day 3
            non-urgent email: non-urgent, target close of business day 1, due close of business day 3
            non-urgent webForm: non-urgent, target close of business day 1, due close of business day 3
            """;
        SlaAssert.PolicyIs(ResponsePolicy.NhtrcDefault, Expected);
        SlaAssert.PolicyIs(ResponsePolicy.NhtrcDefault, Expected.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n");

        var faster = ResponsePolicyBuilder.From(ResponsePolicy.NhtrcDefault)
            .WithRule("urgent-written", Urgency.Urgent, ResponseTarget.Elapsed(Duration.FromHours(4)), ResponseTarget.Elapsed(Duration.FromHours(12)), ContactChannel.Email, ContactChannel.WebForm)
            .Build();
        var error = Assert.Throws<SlaAssertionException>(() => SlaAssert.PolicyIs(faster, Expected));
        Assert.Equal(
            "Policy 'nhtrc-default' is configured otherwise:\n"
            + "  line 6: expected 'urgent email: urgent-written, target 12h elapsed, due 12h elapsed'\n"
            + "          actual 'urgent email: urgent-written, target 4h elapsed, due 12h elapsed'\n"
            + "  line 7: expected 'urgent webForm: urgent-written, target 12h elapsed, due 12h elapsed'\n"
            + "          actual 'urgent webForm: urgent-written, target 4h elapsed, due 12h elapsed'",
            error.Message);
    }

    [Fact]
    public void SlaAssertionException_IsAPlainException_ForEveryFramework()
    {
        Assert.Equal(typeof(Exception), typeof(SlaAssertionException).BaseType);
        Assert.Equal("An SLA assertion failed.", new SlaAssertionException().Message);
        var inner = new InvalidOperationException("cause");
        Assert.Same(inner, new SlaAssertionException("m", inner).InnerException);
    }
}
