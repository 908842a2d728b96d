using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Builders;

public sealed class ResponsePolicyBuilderTests
{
    internal static ResponsePolicyBuilder Partner { get; } = new ResponsePolicyBuilder("partner")
        .OnCalendar(ServiceCalendarBuilderTests.Partner)
        .WithRule("urgent-live", Urgency.Urgent, ResponseTarget.Immediate, ResponseTarget.Elapsed(Duration.FromMinutes(30)), ContactChannel.Phone, ContactChannel.Text, ContactChannel.Chat)
        .WithRule("urgent-written", Urgency.Urgent, ResponseTarget.Elapsed(Duration.FromHours(4)), ResponseTarget.Elapsed(Duration.FromHours(12)), ContactChannel.Email, ContactChannel.WebForm)
        .WithRule("routine", Urgency.NonUrgent, ResponseTarget.BusinessTime(Duration.FromHours(4)), ResponseTarget.BusinessDays(2));

    [Fact]
    public void Build_GivesThePolicyAsked()
    {
        var policy = Partner.Build();
        Assert.Equal("partner", policy.Id);
        Assert.Equal("partner-hours", policy.BusinessCalendar.Id);
        Assert.Equal("routine", policy.GetRule(ContactChannel.WebForm, Urgency.NonUrgent).Id);
        Assert.Equal("urgent-written", policy.GetRule(ContactChannel.Email, Urgency.Urgent).Id);
        Assert.Equal("partner on partner-hours (America/Los_Angeles): urgent-live, urgent-written, routine", Partner.ToString());
    }

    [Fact]
    public void Build_OutputRoundTripsThroughResponsePolicyJson()
    {
        var policy = Partner.Build();
        var json = ResponsePolicyJson.Serialize(policy);
        var back = ResponsePolicyJson.Parse(json);
        Assert.Equal(json, ResponsePolicyJson.Serialize(back));
        Assert.Equal(policy.Rules.Length, back.Rules.Length);
        var received = Instant.FromUtc(2026, 3, 30, 22, 0);
        foreach (var channel in Enum.GetValues<ContactChannel>())
        {
            foreach (var urgency in Enum.GetValues<Urgency>())
            {
                var expected = policy.ComputeDeadline(received, channel, urgency);
                var actual = back.ComputeDeadline(received, channel, urgency);
                Assert.Equal((expected.TargetBy, expected.DueBy, expected.Explanation), (actual.TargetBy, actual.DueBy, actual.Explanation));
            }
        }
    }

    [Fact]
    public void WithRule_ReplacesARuleOfTheSameId_AndFromVariesAPolicy()
    {
        var faster = ResponsePolicyBuilder.From(ResponsePolicy.NhtrcDefault)
            .WithId("faster")
            .WithRule("non-urgent", Urgency.NonUrgent, ResponseTarget.BusinessTime(Duration.FromHours(2)), ResponseTarget.BusinessDays(1))
            .Build();
        Assert.Equal(3, faster.Rules.Length);
        Assert.Equal(ResponseTarget.BusinessTime(Duration.FromHours(2)), faster.GetRule(ContactChannel.Email, Urgency.NonUrgent).Target);
    }

    [Fact]
    public void Build_OfAnIncompletePolicy_ListsEveryUncoveredPair()
    {
        var error = Assert.Throws<NhtrcValidationException>(() => Partner.WithoutRule("urgent-written").Build());
        Assert.Equal(
            "Invalid response policy 'partner': 2 problems:" + Environment.NewLine
            + "  - rules: no rule covers urgent email." + Environment.NewLine
            + "  - rules: no rule covers urgent webForm.",
            error.Message);
    }
}
