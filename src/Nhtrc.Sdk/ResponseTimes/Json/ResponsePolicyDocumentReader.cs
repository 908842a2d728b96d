using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.ResponseTimes.Json;

/// <summary>Turns a <see cref="ResponsePolicyDocument"/> into a <see cref="ResponsePolicy"/> and back, listing every problem with its JSON path.</summary>
internal static class ResponsePolicyDocumentReader
{
    public const string Subject = "response policy document";

    public static ResponsePolicy ToPolicy(ResponsePolicyDocument? d)
    {
        var problems = new ProblemList();
        if (d is null)
        {
            problems.Add("$", "must be a JSON object, not null.");
            problems.ThrowIfAny(Subject);
        }

        DocumentFields.Unknown(problems, "$", d!.Unknown);
        if (string.IsNullOrWhiteSpace(d.Id))
        {
            problems.Add("$.id", "is required.");
        }

        var calendar = Calendar(problems, d.Calendar);
        var rules = new List<ResponseRule>();
        if (d.Rules is null || d.Rules.Count == 0)
        {
            problems.Add("$.rules", "must list at least one rule.");
        }
        else
        {
            for (var i = 0; i < d.Rules.Count; i++)
            {
                if (Rule(problems, $"$.rules[{i}]", d.Rules[i]) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        problems.ThrowIfAny(Subject);
        try
        {
            return new ResponsePolicy(d.Id!, calendar!, rules);
        }
        catch (NhtrcValidationException e)
        {
            // Coverage and duplicate ids are checked by the policy itself; give its problems document paths.
            foreach (var problem in e.Problems)
            {
                var location = problem.Location == "businessCalendar" ? "calendar" : problem.Location;
                problems.Add("$." + location, problem.Message);
            }

            problems.ThrowIfAny(Subject);
            throw;
        }
    }

    public static ResponsePolicyDocument ToDocument(ResponsePolicy policy)
    {
        var rules = new List<ResponseRuleDocument?>();
        foreach (var rule in policy.Rules)
        {
            var channels = new List<string?>();
            foreach (var channel in rule.Channels)
            {
                channels.Add(WireName<ContactChannel>.Of(channel));
            }

            rules.Add(new ResponseRuleDocument
            {
                Id = rule.Id,
                Urgency = WireName<Urgency>.Of(rule.Urgency),
                Channels = channels,
                Target = Target(rule.Target),
                Due = Target(rule.Due),
            });
        }

        var calendar = KnownServiceCalendars.TryGet(policy.BusinessCalendar.Id, out var known) && ReferenceEquals(known, policy.BusinessCalendar)
            ? JsonSerializer.SerializeToElement(known.Id, ResponsePolicyJsonContext.Default.String)
            : JsonSerializer.SerializeToElement(ServiceCalendarDocumentReader.ToDocument(policy.BusinessCalendar), ResponsePolicyJsonContext.Default.ServiceCalendarDocument);
        return new ResponsePolicyDocument { Id = policy.Id, Calendar = calendar, Rules = rules };
    }

    private static ResponseTargetDocument Target(ResponseTarget target) => target.Kind switch
    {
        ResponseTargetKind.Immediate => new ResponseTargetDocument { Kind = "immediate" },
        ResponseTargetKind.BusinessDays => new ResponseTargetDocument { Kind = "businessDays", Days = target.Days },
        _ => new ResponseTargetDocument { Kind = WireName<ResponseTargetKind>.Of(target.Kind), Duration = ServiceCalendarDocumentReader.FormatIsoDuration(target.Amount) },
    };

    private static ServiceCalendar? Calendar(ProblemList problems, JsonElement? element)
    {
        switch (element?.ValueKind)
        {
            case null or JsonValueKind.Null or JsonValueKind.Undefined:
                problems.Add("$.calendar", $"is required: a known calendar id ({KnownServiceCalendars.NhtrcBusinessHoursId}, {KnownServiceCalendars.AlwaysOpenId}) or a calendar object.");
                return null;
            case JsonValueKind.String:
                var id = element.Value.GetString();
                if (KnownServiceCalendars.TryGet(id, out var known))
                {
                    return known;
                }

                problems.Add("$.calendar", $"'{id}' is not a known calendar; use {KnownServiceCalendars.NhtrcBusinessHoursId}, {KnownServiceCalendars.AlwaysOpenId} or a calendar object.");
                return null;
            case JsonValueKind.Object:
                ServiceCalendarDocument? document;
                try
                {
                    document = element.Value.Deserialize(ResponsePolicyJsonContext.Default.ServiceCalendarDocument);
                }
                catch (JsonException e)
                {
                    problems.Add("$.calendar" + (string.IsNullOrEmpty(e.Path) ? string.Empty : e.Path.TrimStart('$')), "has a value of the wrong JSON type.");
                    return null;
                }

                return ServiceCalendarDocumentReader.ToCalendar(problems, "$.calendar", document);
            default:
                problems.Add("$.calendar", "must be a calendar id (string) or a calendar object.");
                return null;
        }
    }

    private static ResponseRule? Rule(ProblemList problems, string path, ResponseRuleDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, "must be an object.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        if (string.IsNullOrWhiteSpace(d.Id))
        {
            problems.Add(path + ".id", "is required.");
        }

        var urgency = DocumentFields.Enum<Urgency>(problems, path + ".urgency", d.Urgency, required: true);
        var channels = ImmutableArray.CreateBuilder<ContactChannel>();
        if (d.Channels is null || d.Channels.Count == 0)
        {
            problems.Add(path + ".channels", "must name at least one channel.");
        }
        else
        {
            for (var i = 0; i < d.Channels.Count; i++)
            {
                if (DocumentFields.Enum<ContactChannel>(problems, $"{path}.channels[{i}]", d.Channels[i], required: true) is { } channel)
                {
                    channels.Add(channel);
                }
            }
        }

        var target = Target(problems, path + ".target", d.Target);
        var due = Target(problems, path + ".due", d.Due);
        if (problems.Count > before)
        {
            return null;
        }

        foreach (var problem in ResponseRule.Validate(d.Id, urgency!.Value, channels.ToImmutable(), target!, due!, path))
        {
            problems.Add(problem.Location, problem.Message);
        }

        return problems.Count > before ? null : new ResponseRule(d.Id!, channels.ToImmutable(), urgency.Value, target!, due!);
    }

    private static ResponseTarget? Target(ProblemList problems, string path, ResponseTargetDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, "is required: {\"kind\": \"immediate\"}, {\"kind\": \"elapsed\", \"duration\": \"PT12H\"}, {\"kind\": \"businessTime\", \"duration\": \"PT4H\"} or {\"kind\": \"businessDays\", \"days\": 1}.");
            return null;
        }

        DocumentFields.Unknown(problems, path, d.Unknown);
        var kind = DocumentFields.Enum<ResponseTargetKind>(problems, path + ".kind", d.Kind, required: true);
        switch (kind)
        {
            case null:
                return null;
            case ResponseTargetKind.Immediate:
                Forbid(problems, path, d, duration: true, days: true);
                return ResponseTarget.Immediate;
            case ResponseTargetKind.BusinessDays:
                Forbid(problems, path, d, duration: true, days: false);
                if (d.Days is not { } days || days < 1)
                {
                    problems.Add(path + ".days", "is required: a whole number of business days, at least 1.");
                    return null;
                }

                if (days > ResponseTarget.MaximumBusinessDays)
                {
                    problems.Add(path + ".days", string.Create(CultureInfo.InvariantCulture, $"is {days}; a target is at most {ResponseTarget.MaximumBusinessDays} business days."));
                    return null;
                }

                return ResponseTarget.BusinessDays(days);
            default:
                Forbid(problems, path, d, duration: false, days: true);
                if (ParseDuration(problems, path + ".duration", d.Duration) is not { } duration)
                {
                    return null;
                }

                return kind == ResponseTargetKind.Elapsed ? ResponseTarget.Elapsed(duration) : ResponseTarget.BusinessTime(duration);
        }
    }

    private static void Forbid(ProblemList problems, string path, ResponseTargetDocument d, bool duration, bool days)
    {
        if (duration && d.Duration is not null)
        {
            problems.Add(path + ".duration", $"does not apply to a {d.Kind} target.");
        }

        if (days && d.Days is not null)
        {
            problems.Add(path + ".days", $"does not apply to a {d.Kind} target.");
        }
    }

    private static Duration? ParseDuration(ProblemList problems, string path, string? text)
    {
        if (text is null)
        {
            problems.Add(path, "is required: an ISO 8601 duration such as PT12H or PT1H30M.");
            return null;
        }

        ParseResult<Period>? parsed;
        try
        {
            parsed = PeriodPattern.NormalizingIso.Parse(text);
        }
        catch (OverflowException)
        {
            parsed = null;
        }

        if (parsed is null || !parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
        {
            problems.Add(path, $"'{text}' is not an ISO 8601 duration of days, hours, minutes and seconds such as PT12H.");
            return null;
        }

        // Compare before converting: a period of more days than a Duration holds cannot be converted at all.
        var period = parsed.Value;
        var total = TotalNanoseconds(period);
        if (total <= 0)
        {
            problems.Add(path, $"'{text}' must be positive.");
            return null;
        }

        if (total > MaximumNanoseconds)
        {
            problems.Add(path, $"'{text}' is longer than the longest target, P366D (8784 hours).");
            return null;
        }

        var duration = period.ToDuration();
        if (duration <= Duration.Zero)
        {
            problems.Add(path, $"'{text}' must be positive.");
            return null;
        }

        if (duration > ResponseTarget.MaximumDuration)
        {
            problems.Add(path, $"'{text}' is longer than the longest target, P366D (8784 hours).");
            return null;
        }

        return duration;
    }

    private static readonly BigInteger MaximumNanoseconds = ResponseTarget.MaximumDuration.ToBigIntegerNanoseconds();

    /// <summary>The exact length of a period without years or months, in a type no period overflows.</summary>
    private static BigInteger TotalNanoseconds(Period period) =>
        (((BigInteger)period.Weeks * 7) + period.Days) * NodaConstants.NanosecondsPerDay
        + (BigInteger)period.Hours * NodaConstants.NanosecondsPerHour
        + (BigInteger)period.Minutes * NodaConstants.NanosecondsPerMinute
        + (BigInteger)period.Seconds * NodaConstants.NanosecondsPerSecond
        + (BigInteger)period.Milliseconds * NodaConstants.NanosecondsPerMillisecond
        + (BigInteger)period.Ticks * NodaConstants.NanosecondsPerTick
        + period.Nanoseconds;
}
