namespace Nhtrc.Sdk.Telemetry;

/// <summary>
/// The tag keys of the SDK's instruments and spans (docs/telemetry.md), dotted in the OpenTelemetry style. Every value is
/// bounded: an SDK wire name (<c>urgent</c>, <c>webForm</c>), a boolean or a small count; never an id or text from a contact.
/// </summary>
internal static class NhtrcTags
{
    /// <summary>The contact's request kind (<c>crisis</c>, <c>tip</c>, ...).</summary>
    public const string RequestKind = "nhtrc.request.kind";

    /// <summary>The contact channel (<c>phone</c>, <c>text</c>, <c>chat</c>, <c>email</c>, <c>webForm</c>).</summary>
    public const string Channel = "nhtrc.contact.channel";

    /// <summary>The urgency (<c>urgent</c>, <c>nonUrgent</c>).</summary>
    public const string Urgency = "nhtrc.urgency";

    /// <summary>The triage queue (<c>twentyFourSevenLine</c>, <c>businessHours</c>).</summary>
    public const string Queue = "nhtrc.triage.queue";

    /// <summary>How many rules fired (a span tag).</summary>
    public const string RulesFired = "nhtrc.triage.rules_fired";

    /// <summary>How many escalations triage decided (a span tag).</summary>
    public const string EscalationCount = "nhtrc.triage.escalations";

    /// <summary>Who an escalation notifies (<c>emergencyServices</c>, <c>childWelfare</c>, <c>lawEnforcement</c>, <c>supervisor</c>).</summary>
    public const string EscalationKind = "nhtrc.escalation.kind";

    /// <summary>Whether an escalation is made (a boolean; false when it needs a consent that is not valid).</summary>
    public const string EscalationMade = "nhtrc.escalation.made";

    /// <summary>The SLA warning level (<c>halfUsed</c>, <c>threeQuartersUsed</c>).</summary>
    public const string SlaWarning = "nhtrc.sla.warning";

    /// <summary>Whether a breached request has been answered (late) by the reading (a boolean).</summary>
    public const string SlaResponded = "nhtrc.sla.responded";

    /// <summary>How precisely the query's place is known (<c>zip</c>, <c>point</c>, <c>county</c>, <c>state</c>); never the place itself.</summary>
    public const string PlaceKind = "nhtrc.referrals.place.kind";

    /// <summary>Who a referral result is for (<c>public</c>, <c>advocate</c>).</summary>
    public const string Audience = "nhtrc.referrals.audience";

    /// <summary>How many service types a query needs (a span tag).</summary>
    public const string NeedCount = "nhtrc.referrals.needs";

    /// <summary>How many services passed every hard filter (a span tag).</summary>
    public const string EligibleCount = "nhtrc.referrals.eligible";

    /// <summary>How many matches a result lists (a span tag).</summary>
    public const string MatchCount = "nhtrc.referrals.matches";

    /// <summary>How many organizations a loaded directory holds (a span tag).</summary>
    public const string OrganizationCount = "nhtrc.directory.organizations";

    /// <summary>How many services a loaded directory holds (a span tag).</summary>
    public const string ServiceCount = "nhtrc.directory.services";

    /// <summary>How many problems made a directory invalid (a span tag).</summary>
    public const string ProblemCount = "nhtrc.directory.problems";

    /// <summary>The name of the directory source (the reload service's instruments and span).</summary>
    public const string DirectorySource = "nhtrc.directory.source";

    /// <summary>How a reload ended (<c>success</c>, <c>failure</c>; the reload service's counter).</summary>
    public const string ReloadOutcome = "nhtrc.reload.outcome";

    /// <summary>The full name of the exception that failed a span (OpenTelemetry's <c>error.type</c>); never its message.</summary>
    public const string ErrorType = "error.type";
}
