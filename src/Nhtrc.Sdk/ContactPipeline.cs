using System;
using System.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>
/// The one call from a contact to everything the hotline does with it: contact → triage → deadline → referrals.
/// Immutable and thread-safe; deterministic: the same contact, directory and instant give the same outcome. With a logger it
/// logs each contact's triage, escalations and referral search (docs/telemetry.md, event ids 1000-1099), never personal data.
/// </summary>
public sealed class ContactPipeline
{
    /// <summary>How many referral matches an outcome lists unless told otherwise.</summary>
    public const int DefaultReferralCount = 5;

    private static readonly Lazy<ContactPipeline> Default = new(() => new ContactPipeline(TriageEngine.NhtrcDefault));

    private readonly ILogger logger;

    /// <summary>Creates a pipeline.</summary>
    /// <param name="triage">The triage engine (rules, response policy and business calendar).</param>
    /// <param name="referralCount">How many referral matches to list, 1 to <see cref="ReferralQuery.MaximumCount"/>.</param>
    /// <param name="audience">Who the referral results are for; <see cref="ReferralAudience.Public"/> never shows a confidential address.</param>
    /// <param name="logger">Where the pipeline logs (docs/telemetry.md); null logs nothing. Dependency injection passes one of category <c>Nhtrc.Sdk.ContactPipeline</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="triage"/> is null.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="referralCount"/> or <paramref name="audience"/> is invalid; every problem is listed.</exception>
    public ContactPipeline(TriageEngine triage, int referralCount = DefaultReferralCount, ReferralAudience audience = ReferralAudience.Public, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(triage);
        var problems = new ProblemList();
        if (referralCount is < 1 or > ReferralQuery.MaximumCount)
        {
            problems.Add(nameof(referralCount), $"must be from 1 to {ReferralQuery.MaximumCount}.");
        }

        if (!Enum.IsDefined(audience))
        {
            problems.Add(nameof(audience), "is not a defined audience.");
        }

        problems.ThrowIfAny("contact pipeline");
        TriageEngine = triage;
        ReferralCount = referralCount;
        Audience = audience;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary><see cref="TriageEngine.NhtrcDefault"/>, <see cref="DefaultReferralCount"/> matches, for the public.</summary>
    public static ContactPipeline NhtrcDefault => Default.Value;

    /// <summary>The triage engine.</summary>
    public TriageEngine TriageEngine { get; }

    /// <summary>How many referral matches an outcome lists.</summary>
    public int ReferralCount { get; }

    /// <summary>Who the referral results are for.</summary>
    public ReferralAudience Audience { get; }

    /// <summary>
    /// Triages <paramref name="contact"/> at <paramref name="at"/> (see <see cref="TriageEngine.Triage"/>) and searches
    /// <paramref name="directory"/> for its referral needs at the caller's place (see <see cref="ContactReferrals.Search"/>).
    /// </summary>
    /// <param name="contact">The contact.</param>
    /// <param name="directory">The directory to refer from; null makes no search (the outcome says so).</param>
    /// <param name="at">When the contact is processed; not earlier than its receipt.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is earlier than the receipt, or outside the years the calendars support.</exception>
    public ContactOutcome Process(Contact contact, ReferralDirectory? directory, Instant at)
    {
        var triage = TriageEngine.Triage(contact, at);
        var referrals = ContactReferrals.Search(triage, contact, directory, ReferralCount, Audience);
        Log(contact, triage, referrals);
        return new ContactOutcome(triage, referrals);
    }

    /// <summary>Returns for example <c>nhtrc-default (17 rules) with nhtrc-default ..., 5 matches for the public</c>.</summary>
    public override string ToString() => $"{TriageEngine}, {ReferralCount} matches for the {(Audience == ReferralAudience.Public ? "public" : "advocate")}";

    // Wire names, rule ids, reason codes and counts only: the contact's id, caller, location and free text never reach a log.
    // Each event's arguments are computed under its level's IsEnabled; CA1873 does not see a guard around a static
    // [LoggerMessage] method of another class (dotnet/sdk#50893), hence the suppression.
#pragma warning disable CA1873
    private void Log(Contact contact, TriageOutcome triage, ContactReferrals referrals)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            NhtrcLog.ContactTriaged(
                logger,
                WireNames.Of(contact.RequestKind),
                WireNames.Of(contact.Channel),
                WireNames.Of(triage.Urgency),
                WireNames.Of(triage.Queue),
                triage.FiredRules.IsEmpty ? "none" : string.Join(", ", triage.FiredRules.Select(r => r.Id)));
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            foreach (var escalation in triage.Escalations)
            {
                if (escalation.IsMade)
                {
                    NhtrcLog.EscalationMade(logger, WireNames.Of(escalation.Kind), WireNames.Of(escalation.Basis), escalation.Rule.Id);
                }
                else
                {
                    NhtrcLog.EscalationNotMade(logger, WireNames.Of(escalation.Kind), WireNames.Of(escalation.Consent), escalation.Rule.Id);
                }
            }
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            if (referrals.Result is { } result)
            {
                NhtrcLog.ReferralsSearched(logger, referrals.Needs.Length, result.EligibleCount, result.Matches.Length);
            }
            else
            {
                NhtrcLog.ReferralsNotSearched(logger, referrals.NotSearchedCode!);
            }
        }
    }
#pragma warning restore CA1873
}
