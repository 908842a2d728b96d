using System;
using System.Linq;
using System.Reflection;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>What the SDK computes can be read, never made or changed by its users, so no impossible state can exist.</summary>
public sealed class ResultTypeTests
{
    public static TheoryData<Type> ResultTypes() =>
    [
        typeof(SlaState), typeof(ResponseDeadline), typeof(TriageOutcome), typeof(Escalation),
        typeof(ReferralResult), typeof(ReferralMatch), typeof(MatchedLocation), typeof(ScoreComponent),
        typeof(ReferralPlanStep), typeof(ResourceMatch),
    ];

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void ResultType_HasNoPublicConstructorOrSetter(Type type)
    {
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);
        Assert.Empty(settable);
    }
}
