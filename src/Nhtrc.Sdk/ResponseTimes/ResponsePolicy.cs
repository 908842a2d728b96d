using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Maps each urgency and channel to a response target and due time, measured on a business calendar where
/// they are business targets. Every urgency-channel pair is covered by exactly one rule. Immutable and thread-safe.
/// </summary>
public sealed class ResponsePolicy
{
    /// <summary>The id of <see cref="NhtrcDefault"/>.</summary>
    public const string NhtrcDefaultId = "nhtrc-default";

    private static readonly Lazy<ResponsePolicy> Default = new(() => new ResponsePolicy(
        NhtrcDefaultId,
        KnownServiceCalendars.NhtrcBusinessHours,
        [
            new ResponseRule("urgent-live", [ContactChannel.Phone, ContactChannel.Text, ContactChannel.Chat], Urgency.Urgent, ResponseTarget.Immediate, ResponseTarget.Immediate),
            new ResponseRule("urgent-written", [ContactChannel.Email, ContactChannel.WebForm], Urgency.Urgent, ResponseTarget.Elapsed(Duration.FromHours(12)), ResponseTarget.Elapsed(Duration.FromHours(12))),
            new ResponseRule("non-urgent", Enum.GetValues<ContactChannel>(), Urgency.NonUrgent, ResponseTarget.BusinessDays(1), ResponseTarget.BusinessDays(3)),
        ]));

    private readonly ResponseRule[] byUrgencyAndChannel;

    /// <summary>Creates a policy.</summary>
    /// <param name="id">An identifier such as <c>nhtrc-default</c>.</param>
    /// <param name="businessCalendar">The calendar business targets are measured on.</param>
    /// <param name="rules">The rules; together they cover every urgency on every channel exactly once, and their ids are unique.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The id is blank, rule ids repeat, a pair is covered twice or not at all, or a rule is measured in business time on a calendar that never opens (every such problem is listed).</exception>
    public ResponsePolicy(string id, ServiceCalendar businessCalendar, IEnumerable<ResponseRule> rules)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(businessCalendar);
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToImmutableArray();
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new ValidationProblem("id", "must not be blank."));
        }

        byUrgencyAndChannel = new ResponseRule[Slots];
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            var rule = list[i];
            if (rule is null)
            {
                problems.Add(new ValidationProblem($"rules[{i}]", "must not be null."));
                continue;
            }

            if (!businessCalendar.OpensAtAll && (rule.Target.IsBusinessMeasured || rule.Due.IsBusinessMeasured))
            {
                problems.Add(new ValidationProblem("businessCalendar", $"never opens, so the business-measured targets of rules[{i}] can never be met."));
            }

            if (!firstById.TryAdd(rule.Id, i))
            {
                problems.Add(new ValidationProblem($"rules[{i}].id", $"{InputText.Token(rule.Id)} is already the id of rules[{firstById[rule.Id]}]."));
            }

            foreach (var channel in rule.Channels)
            {
                ref var slot = ref byUrgencyAndChannel[Slot(rule.Urgency, channel)];
                if (slot is not null)
                {
                    problems.Add(new ValidationProblem($"rules[{i}]", $"{ResponseRule.UrgencyName(rule.Urgency)} {WireNames.Of(channel)} is already covered by rule '{slot.Id}'."));
                }
                else
                {
                    slot = rule;
                }
            }
        }

        foreach (var urgency in Enum.GetValues<Urgency>())
        {
            foreach (var channel in Enum.GetValues<ContactChannel>())
            {
                if (byUrgencyAndChannel[Slot(urgency, channel)] is null)
                {
                    problems.Add(new ValidationProblem("rules", $"no rule covers {ResponseRule.UrgencyName(urgency)} {WireNames.Of(channel)}."));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new NhtrcValidationException($"response policy '{id}'", problems);
        }

        Id = id;
        BusinessCalendar = businessCalendar;
        Rules = list;
    }

    /// <summary>
    /// The NHTRC's published response times: urgent live contacts (phone, text, chat) at once, 24/7; urgent
    /// written contacts (email, web form) within 12 hours, 24/7; non-urgent contacts by the close of the first
    /// business day after receipt, due by the close of the third, on <see cref="KnownServiceCalendars.NhtrcBusinessHours"/>.
    /// </summary>
    public static ResponsePolicy NhtrcDefault => Default.Value;

    /// <summary>The policy's identifier.</summary>
    public string Id { get; }

    /// <summary>The calendar business targets are measured on.</summary>
    public ServiceCalendar BusinessCalendar { get; }

    /// <summary>The rules, in the order given.</summary>
    public ImmutableArray<ResponseRule> Rules { get; }

    private static int Slots => 2 * 5;

    /// <summary>The rule that applies to <paramref name="urgency"/> on <paramref name="channel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a defined value.</exception>
    public ResponseRule GetRule(ContactChannel channel, Urgency urgency) => byUrgencyAndChannel[Slot(urgency, channel)];

    /// <summary>The deadline of a request received at <paramref name="receivedAt"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined, or the instant is outside the business calendar's supported years.</exception>
    public ResponseDeadline ComputeDeadline(Instant receivedAt, ContactChannel channel, Urgency urgency)
    {
        var rule = GetRule(channel, urgency);
        var targetBy = rule.Target.ApplyTo(receivedAt, BusinessCalendar);
        var dueBy = rule.Due == rule.Target ? targetBy : rule.Due.ApplyTo(receivedAt, BusinessCalendar);

        // Every deadline is computed here (triage's and the SLA clock's too), so this is the one place it is counted.
        if (NhtrcMetrics.DeadlinesComputed.Enabled)
        {
            NhtrcMetrics.DeadlineComputed(WireNames.Of(channel), WireNames.Of(urgency));
        }

        return new ResponseDeadline(receivedAt, channel, urgency, targetBy, dueBy, rule, this);
    }

    /// <summary>Returns the id and calendar, for example <c>nhtrc-default on nhtrc-business-hours (America/New_York)</c>.</summary>
    public override string ToString() => $"{Id} on {BusinessCalendar}";

    private static int Slot(Urgency urgency, ContactChannel channel)
    {
        if (urgency is not (Urgency.Urgent or Urgency.NonUrgent))
        {
            throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency.");
        }

        if (channel is < ContactChannel.Phone or > ContactChannel.WebForm)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown contact channel.");
        }

        return ((int)urgency - 1) * 5 + ((int)channel - 1);
    }
}
