using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// One row of a response policy: for requests of an urgency arriving on some channels, the target (when a
/// response is aimed for) and the due time (when it is late). Immutable.
/// </summary>
public sealed class ResponseRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">A stable identifier such as <c>urgent-written</c>, quoted in deadlines and explanations.</param>
    /// <param name="channels">The channels it applies to; at least one, no duplicates.</param>
    /// <param name="urgency">The urgency the rule applies to.</param>
    /// <param name="target">When a response is aimed for.</param>
    /// <param name="due">When a response is late; not before the target when both are measured the same way.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The id is blank, the channels are empty or repeat, or due is before target.</exception>
    public ResponseRule(string id, IEnumerable<ContactChannel> channels, Urgency urgency, ResponseTarget target, ResponseTarget due)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(due);
        var list = channels.ToImmutableArray();
        var problems = Validate(id, urgency, list, target, due, "rule");
        if (problems.Count > 0)
        {
            throw new NhtrcValidationException($"response rule '{id}'", problems);
        }

        Id = id;
        Urgency = urgency;
        Channels = list;
        Target = target;
        Due = due;
    }

    /// <summary>The rule's identifier.</summary>
    public string Id { get; }

    /// <summary>The urgency the rule applies to.</summary>
    public Urgency Urgency { get; }

    /// <summary>The channels the rule applies to.</summary>
    public ImmutableArray<ContactChannel> Channels { get; }

    /// <summary>When a response is aimed for.</summary>
    public ResponseTarget Target { get; }

    /// <summary>When a response is late.</summary>
    public ResponseTarget Due { get; }

    /// <summary>True when the rule applies to <paramref name="urgency"/> on <paramref name="channel"/>.</summary>
    public bool AppliesTo(ContactChannel channel, Urgency urgency) => Urgency == urgency && Channels.Contains(channel);

    /// <summary>Returns for example <c>urgent-written: urgent email, webForm: target 12h elapsed, due 12h elapsed</c>.</summary>
    public override string ToString() =>
        $"{Id}: {UrgencyName(Urgency)} {string.Join(", ", Channels.Select(c => WireNames.Of(c)))}: target {Target}, due {Due}";

    internal static string UrgencyName(Urgency urgency) => urgency == Urgency.Urgent ? "urgent" : "non-urgent";

    internal static List<ValidationProblem> Validate(
        string? id, Urgency urgency, ImmutableArray<ContactChannel> channels, ResponseTarget target, ResponseTarget due, string path)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new ValidationProblem(path + ".id", "must not be blank."));
        }

        if (!Enum.IsDefined(urgency))
        {
            problems.Add(new ValidationProblem(path + ".urgency", "is not a defined urgency."));
        }

        if (channels.IsEmpty)
        {
            problems.Add(new ValidationProblem(path + ".channels", "must name at least one channel."));
        }

        var repeats = new Repeats<ContactChannel>(channels.AsSpan());
        for (var i = 0; i < channels.Length; i++)
        {
            if (!Enum.IsDefined(channels[i]))
            {
                problems.Add(new ValidationProblem($"{path}.channels[{i}]", "is not a defined channel."));
            }
            else if (repeats.IsRepeat(i))
            {
                problems.Add(new ValidationProblem($"{path}.channels[{i}]", $"repeats {WireNames.Of(channels[i])}."));
            }
        }

        if (target.Kind == due.Kind && IsBefore(due, target))
        {
            problems.Add(new ValidationProblem(path + ".due", $"({due}) is before the target ({target})."));
        }

        return problems;
    }

    // Mixed kinds that are always wrong (an immediate due with a later target, an elapsed due shorter than a
    // business-time target, ...) are not refused yet: the compatibility fixtures hold 51 such rules (issue 9, reported).
    private static bool IsBefore(ResponseTarget due, ResponseTarget target) => due.Kind switch
    {
        ResponseTargetKind.BusinessDays => due.Days < target.Days,
        _ => due.Amount < target.Amount,
    };
}
