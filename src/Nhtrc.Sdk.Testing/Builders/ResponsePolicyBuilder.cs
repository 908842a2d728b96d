using System;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Builds a <see cref="ResponsePolicy"/> fluently: its id, business calendar and rules. Immutable: every method returns
/// a new builder. <see cref="Build"/> checks what the SDK checks (each urgency on each channel covered exactly once),
/// so a builder can be left incomplete while a test composes it.
/// </summary>
public sealed class ResponsePolicyBuilder
{
    private readonly string id;
    private readonly ServiceCalendar calendar;
    private readonly ImmutableArray<ResponseRule> rules;

    /// <summary>Starts a policy with no rules on <see cref="KnownServiceCalendars.NhtrcBusinessHours"/>.</summary>
    /// <param name="id">The policy's id.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    public ResponsePolicyBuilder(string id)
        : this(Check(id), KnownServiceCalendars.NhtrcBusinessHours, [])
    {
    }

    private ResponsePolicyBuilder(string id, ServiceCalendar calendar, ImmutableArray<ResponseRule> rules)
    {
        this.id = id;
        this.calendar = calendar;
        this.rules = rules;
    }

    /// <summary>Starts from a policy's id, calendar and rules, to vary one of them.</summary>
    /// <param name="policy">The policy to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static ResponsePolicyBuilder From(ResponsePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new ResponsePolicyBuilder(policy.Id, policy.BusinessCalendar, policy.Rules);
    }

    /// <summary>The same policy with another id.</summary>
    /// <param name="newId">The id.</param>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is null or blank.</exception>
    public ResponsePolicyBuilder WithId(string newId) => new(Check(newId), calendar, rules);

    /// <summary>Business-measured targets count on <paramref name="businessCalendar"/>.</summary>
    /// <param name="businessCalendar">The calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="businessCalendar"/> is null.</exception>
    public ResponsePolicyBuilder OnCalendar(ServiceCalendar businessCalendar)
    {
        ArgumentNullException.ThrowIfNull(businessCalendar);
        return new(id, businessCalendar, rules);
    }

    /// <summary>Business-measured targets count on the calendar <paramref name="businessCalendar"/> builds.</summary>
    /// <param name="businessCalendar">The calendar's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="businessCalendar"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The calendar is invalid.</exception>
    public ResponsePolicyBuilder OnCalendar(ServiceCalendarBuilder businessCalendar)
    {
        ArgumentNullException.ThrowIfNull(businessCalendar);
        return OnCalendar(businessCalendar.Build());
    }

    /// <summary>Adds <paramref name="rule"/>, replacing a rule with the same id.</summary>
    /// <param name="rule">The rule.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public ResponsePolicyBuilder WithRule(ResponseRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var index = rules.IndexOf(rules.FirstOrDefault(r => r.Id == rule.Id)!);
        return new(id, calendar, index < 0 ? rules.Add(rule) : rules.SetItem(index, rule));
    }

    /// <summary>
    /// Adds a rule for <paramref name="urgency"/> on <paramref name="channels"/> (every channel when none is given),
    /// replacing a rule with the same id.
    /// </summary>
    /// <param name="ruleId">The rule's id.</param>
    /// <param name="urgency">The urgency it applies to.</param>
    /// <param name="target">When a response is aimed for.</param>
    /// <param name="due">When a response is late.</param>
    /// <param name="channels">The channels it applies to; none means all five.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The rule is invalid (a blank id, a repeated channel, a due before its target).</exception>
    public ResponsePolicyBuilder WithRule(string ruleId, Urgency urgency, ResponseTarget target, ResponseTarget due, params ReadOnlySpan<ContactChannel> channels)
    {
        ContactChannel[] list = channels.IsEmpty ? Enum.GetValues<ContactChannel>() : channels.ToArray();
        return WithRule(new ResponseRule(ruleId, list, urgency, target, due));
    }

    /// <summary>Removes the rule with id <paramref name="ruleId"/>, if there is one.</summary>
    /// <param name="ruleId">The rule's id.</param>
    public ResponsePolicyBuilder WithoutRule(string ruleId) => new(id, calendar, rules.RemoveAll(r => r.Id == ruleId));

    /// <summary>Builds the policy.</summary>
    /// <exception cref="NhtrcValidationException">The rules do not cover every urgency on every channel exactly once, share an id, or need business time on a calendar that never opens; every problem is listed.</exception>
    public ResponsePolicy Build() => new(id, calendar, rules);

    /// <summary>Returns the id, the calendar and the rule ids, for example <c>partner on partner-hours (America/Chicago): urgent, routine</c>.</summary>
    public override string ToString() => $"{id} on {calendar}: {string.Join(", ", rules.Select(r => r.Id))}";

    private static string Check(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id;
    }
}
