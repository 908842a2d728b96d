using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Triage;

/// <summary>Wire names and phrases shared by the triage types' text; none of it is personal data.</summary>
internal static class TriageText
{
    public static string Wire<T>(T value)
        where T : struct, Enum => WireName<T>.Of(value);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Describe(EscalationKind kind) => kind switch
    {
        EscalationKind.EmergencyServices => "emergency services",
        EscalationKind.ChildWelfare => "child welfare",
        EscalationKind.LawEnforcement => "law enforcement",
        EscalationKind.Supervisor => "supervisor",
        _ => kind.ToString(),
    };

    public static string Describe(TriageQueue queue) => queue switch
    {
        TriageQueue.TwentyFourSevenLine => "24/7 line",
        TriageQueue.BusinessHours => "business-hours queue",
        _ => queue.ToString(),
    };

    public static string Describe(Urgency urgency) => urgency == Urgency.Urgent ? "urgent" : "non-urgent";
}
