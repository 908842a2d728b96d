using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

public sealed class ResponsePolicyTests
{
    private static readonly ResponseRule UrgentAll = new("urgent", Enum<ContactChannel>(), Urgency.Urgent, ResponseTarget.Immediate, ResponseTarget.Elapsed(Duration.FromHours(1)));

    private static T[] Enum<T>()
        where T : struct, System.Enum => System.Enum.GetValues<T>();

    [Fact]
    public void Default_CoversEveryUrgencyOnEveryChannel_AsTheFactSheetSays()
    {
        var policy = ResponsePolicy.NhtrcDefault;
        foreach (var channel in Enum<ContactChannel>())
        {
            var urgent = policy.GetRule(channel, Urgency.Urgent);
            Assert.Equal(channel.IsLive() ? ResponseTarget.Immediate : ResponseTarget.Elapsed(Duration.FromHours(12)), urgent.Target);
            Assert.Equal(urgent.Target, urgent.Due);
            var nonUrgent = policy.GetRule(channel, Urgency.NonUrgent);
            Assert.Equal(ResponseTarget.BusinessDays(1), nonUrgent.Target);
            Assert.Equal(ResponseTarget.BusinessDays(3), nonUrgent.Due);
        }

        Assert.Same(KnownServiceCalendars.NhtrcBusinessHours, policy.BusinessCalendar);
    }

    [Fact]
    public void Policy_MissingAndDoubleCoverage_NamesEveryPair()
    {
        var partial = new ResponseRule("email-only", [ContactChannel.Email], Urgency.NonUrgent, ResponseTarget.BusinessDays(1), ResponseTarget.BusinessDays(2));
        var overlap = new ResponseRule("urgent-again", [ContactChannel.Phone], Urgency.Urgent, ResponseTarget.Immediate, ResponseTarget.Immediate);

        var e = Assert.Throws<NhtrcValidationException>(() =>
            new ResponsePolicy("partial", KnownServiceCalendars.NhtrcBusinessHours, [UrgentAll, partial, overlap]));

        var messages = e.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains("rules[2]: urgent phone is already covered by rule 'urgent'.", messages);
        foreach (var missing in new[] { "phone", "text", "chat", "webForm" })
        {
            Assert.Contains($"rules: no rule covers non-urgent {missing}.", messages);
        }

        Assert.Equal(5, e.Problems.Length);
    }

    [Fact]
    public void Policy_DuplicateRuleIds_AreRejected()
    {
        var again = new ResponseRule("urgent", Enum<ContactChannel>(), Urgency.NonUrgent, ResponseTarget.BusinessDays(1), ResponseTarget.BusinessDays(1));
        var e = Assert.Throws<NhtrcValidationException>(() => new ResponsePolicy("p", KnownServiceCalendars.AlwaysOpen, [UrgentAll, again]));
        Assert.Equal("rules[1].id", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Rule_DueBeforeTarget_AndRepeatedChannel_AreBothNamed()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ResponseRule("bad", [ContactChannel.Email, ContactChannel.Email], Urgency.Urgent, ResponseTarget.Elapsed(Duration.FromHours(4)), ResponseTarget.Elapsed(Duration.FromHours(2))));
        Assert.Equal(["rule.channels[1]", "rule.due"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void BusinessTimeTarget_FromFridayAfternoon_CarriesOverTheWeekend()
    {
        var policy = new ResponsePolicy("four-hours", KnownServiceCalendars.NhtrcBusinessHours,
        [
            UrgentAll,
            new ResponseRule("non-urgent", Enum<ContactChannel>(), Urgency.NonUrgent, ResponseTarget.BusinessTime(Duration.FromHours(4)), ResponseTarget.BusinessTime(Duration.FromHours(12))),
        ]);

        // Fri 13 Mar 2026 17:00 EDT: 2 hours left on Friday, 2 more on Monday from 09:00.
        var deadline = policy.ComputeDeadline(Instant.FromUtc(2026, 3, 13, 21, 0), ContactChannel.Email, Urgency.NonUrgent);
        Assert.Equal(Instant.FromUtc(2026, 3, 16, 15, 0), deadline.TargetBy);
        Assert.Equal(Instant.FromUtc(2026, 3, 16, 23, 0), deadline.DueBy); // lands on Monday's close, not Tuesday's opening
        Assert.EndsWith("target: 4h business time by Mon 16 Mar 11:00 EDT; due: 12h business time by Mon 16 Mar 19:00 EDT", deadline.Explanation, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Targets_RejectNonPositiveAmounts(int amount)
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => ResponseTarget.Elapsed(Duration.FromHours(amount)));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => ResponseTarget.BusinessTime(Duration.FromHours(amount)));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => ResponseTarget.BusinessDays(amount));
    }

    [Fact]
    public void Targets_PrintTheirMeaning()
    {
        Assert.Equal("immediate", ResponseTarget.Immediate.ToString());
        Assert.Equal("12h elapsed", ResponseTarget.Elapsed(Duration.FromHours(12)).ToString());
        Assert.Equal("1h30m business time", ResponseTarget.BusinessTime(Duration.FromMinutes(90)).ToString());
        Assert.Equal("close of business day 3", ResponseTarget.BusinessDays(3).ToString());
    }
}
