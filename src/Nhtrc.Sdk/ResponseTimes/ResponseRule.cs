using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// One row of a response policy: for requests of an urgency arriving on some channels, the target (when a
/// response is aimed for) and the due time (when it is late). Immutable.
/// </summary>
/// <remarks>
/// A due time before its target is refused when both are measured the same way, and in the mixed cases where it is
/// before the target for every receipt: an immediate due with any later target; an elapsed due shorter than a
/// business-time target (business time never runs faster than the clock); an elapsed due that ends at least a day
/// before the earliest the N-th business day can close (that is, at most (N - 2) x 24 hours).
/// </remarks>
public sealed class ResponseRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="id">A stable identifier such as <c>urgent-written</c>, quoted in deadlines and explanations.</param>
    /// <param name="channels">The channels it applies to; at least one, no duplicates.</param>
    /// <param name="urgency">The urgency the rule applies to.</param>
    /// <param name="target">When a response is aimed for.</param>
    /// <param name="due">When a response is late; not before the target when both are measured the same way, nor in the mixed
    /// cases where it always would be (see <see cref="ResponseRule"/>'s remarks).</param>
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

        for (var i = 0; i < channels.Length; i++)
        {
            if (!Enum.IsDefined(channels[i]))
            {
                problems.Add(new ValidationProblem($"{path}.channels[{i}]", "is not a defined channel."));
            }
            else if (channels.IndexOf(channels[i]) < i)
            {
                problems.Add(new ValidationProblem($"{path}.channels[{i}]", $"repeats {WireNames.Of(channels[i])}."));
            }
        }

        if (IsBefore(due, target))
        {
            problems.Add(new ValidationProblem(path + ".due", $"({due}) is before the target ({target})."));
        }

        return problems;
    }

    /// <summary>True when <paramref name="due"/> is before <paramref name="target"/> for every receipt on every calendar.</summary>
    private static bool IsBefore(ResponseTarget due, ResponseTarget target) => (due.Kind, target.Kind) switch
    {
        (ResponseTargetKind.BusinessDays, ResponseTargetKind.BusinessDays) => due.Days < target.Days,
        _ when due.Kind == target.Kind => due.Amount < target.Amount,
        (ResponseTargetKind.Immediate, _) => true,
        (ResponseTargetKind.Elapsed, ResponseTargetKind.BusinessTime) => due.Amount < target.Amount,

        // The N-th business day after the date of receipt closes after it starts, at least N - 1 local days after the
        // midnight that ends the day of receipt; a day of margin covers daylight-saving changes and skipped dates.
        (ResponseTargetKind.Elapsed, ResponseTargetKind.BusinessDays) => due.Amount <= Duration.FromHours(24L * (target.Days - 2)),
        _ => false,
    };
}
