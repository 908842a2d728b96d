using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// What a client needs and where: one or more service types, a place, the client's profile, language and
/// urgency, the instant of the query (for "open now" and freshness) and how many matches to return.
/// Immutable; validated by <see cref="ReferralDirectory.Match"/>.
/// </summary>
public sealed class ReferralQuery
{
    /// <summary>The most matches a query may ask for: 1000.</summary>
    public const int MaximumCount = 1000;

    /// <summary>The number of matches returned when <see cref="Count"/> is not set: 10.</summary>
    public const int DefaultCount = 10;

    /// <summary>The service types needed; at least one, no repeats. A match offers at least one of them.</summary>
    public required ImmutableArray<ServiceType> Needs { get; init; }

    /// <summary>Where help is needed.</summary>
    public required ReferralPlace Place { get; init; }

    /// <summary>What the client disclosed; <see cref="ClientProfile.Unknown"/> by default.</summary>
    public ClientProfile Client { get; init; } = ClientProfile.Unknown;

    /// <summary>The client's language; null (the default) does not score language.</summary>
    public LanguageTag? Language { get; init; }

    /// <summary>Urgent queries score services open now or 24/7; <see cref="Urgency.NonUrgent"/> by default.</summary>
    public Urgency Urgency { get; init; } = Urgency.NonUrgent;

    /// <summary>The instant of the query, from an <see cref="IClock"/>: decides "open now" and how fresh a verification is. In the UTC years 1 to 9999.</summary>
    public required Instant At { get; init; }

    /// <summary>How many matches to return, from 1 to <see cref="MaximumCount"/>; <see cref="DefaultCount"/> (10) by default.</summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>True to exclude services whose capacity is <see cref="Capacity.Full"/>.</summary>
    public bool ExcludeFull { get; init; }

    /// <summary>Who will see the result; <see cref="ReferralAudience.Public"/> by default, which withholds confidential addresses.</summary>
    public ReferralAudience Audience { get; init; }

    /// <summary>Returns the needs and place, for example <c>emergencyShelter, legalServices at ZIP 10001 New York, NY</c>.</summary>
    public override string ToString() => $"{string.Join(", ", NeedIds())} at {Place}";

    internal void Validate()
    {
        var problems = new ProblemList();
        if (Needs.IsDefaultOrEmpty)
        {
            problems.Add(nameof(Needs), "must list at least one service type.");
        }
        else
        {
            var seen = new HashSet<ServiceType>();
            foreach (var need in Needs)
            {
                if (!Enum.IsDefined(need))
                {
                    problems.Add(nameof(Needs), $"{(int)need} is not a defined service type.");
                }
                else if (!seen.Add(need))
                {
                    problems.Add(nameof(Needs), $"'{WireNames.Of(need)}' is listed twice.");
                }
            }
        }

        if (Place is null)
        {
            problems.Add(nameof(Place), "is required.");
        }

        if (Client is null)
        {
            problems.Add(nameof(Client), "must not be null; use ClientProfile.Unknown.");
        }

        if (Count is < 1 or > MaximumCount)
        {
            problems.Add(nameof(Count), $"must be from 1 to {MaximumCount}.");
        }

        if (!Enum.IsDefined(Urgency))
        {
            problems.Add(nameof(Urgency), "is not a defined urgency.");
        }

        // Years 1 to 9999 (the years of DateOnly and of ISO date text without a sign); Instant.MaxValue is in 9999.
        if (At.InUtc().Year is var year && year < 1)
        {
            problems.Add(nameof(At), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is in year {year}; a query must be in the years 1 to 9999."));
        }

        if (!Enum.IsDefined(Audience))
        {
            problems.Add(nameof(Audience), $"{(int)Audience} is not a defined audience.");
        }

        if (Client is { } client)
        {
            if (client.Gender is { } gender && !Enum.IsDefined(gender))
            {
                problems.Add("Client.Gender", $"{(int)gender} is not a defined gender.");
            }

            if (client.ImmigrationStatus is { } status && !Enum.IsDefined(status))
            {
                problems.Add("Client.ImmigrationStatus", $"{(int)status} is not a defined immigration status.");
            }

            if (!Enum.IsDefined(client.TraffickingType))
            {
                problems.Add("Client.TraffickingType", $"{(int)client.TraffickingType} is not a defined trafficking type.");
            }
        }

        problems.ThrowIfAny("referral query");
    }

    private IEnumerable<string> NeedIds()
    {
        foreach (var need in Needs.IsDefault ? [] : Needs)
        {
            yield return Enum.IsDefined(need) ? WireNames.Of(need) : ((int)need).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
