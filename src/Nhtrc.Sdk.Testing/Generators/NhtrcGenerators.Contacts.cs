using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

// The contact generators that triage and privacy properties need: ages near 18, consents around the receipt, signals,
// personal data distinctive enough to search for in what the SDK writes, and contacts with the instant they are triaged.
public static partial class NhtrcGenerators
{
    // Long tokens of these letters and digits cannot occur by chance in what the SDK writes itself.
    private const string TokenChars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static readonly char[] Accents = ['é', 'ß', 'ñ', '中', '文', 'Ж', 'ü'];
    private static readonly Instant TriageStart = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>The consent recipients <see cref="ConsentsAround(Instant)"/> names: <c>fbi</c>, <c>hsi</c> and <c>nhtrc</c>, those of the NHTRC triage rules' consent-based escalations.</summary>
    public static ImmutableArray<string> ConsentRecipients { get; } = ["fbi", "hsi", "nhtrc"];

    /// <summary>
    /// The age a caller discloses: none half the time, otherwise an exact age or a range up to six years wide whose lower
    /// bound is 14 to 20 two times in three (so ranges straddle 18, where the rules for minors stop) and any age up to
    /// <see cref="AgeRange.MaximumAge"/> otherwise.
    /// </summary>
    public static Gen<AgeRange?> Ages { get; } =
        from kind in Gen.Choose(0, 3)
        from low in Gen.Frequency((2, Gen.Choose(14, 20)), (1, Gen.Choose(0, AgeRange.MaximumAge)))
        from width in Gen.Choose(0, 6)
        select kind switch
        {
            0 or 1 => null,
            2 => AgeRange.Exactly(low),
            _ => AgeRange.Between(low, Math.Min(AgeRange.MaximumAge, low + width)),
        };

    /// <summary>
    /// Signals an advocate records: each of the eleven flags set one time in four (so their combinations all occur), any
    /// trafficking type, and an age of <see cref="Ages"/>.
    /// </summary>
    public static Gen<ContactSignals> Signals { get; } =
        from flags in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))), 11)
        from type in Gen.Elements(Enum.GetValues<TraffickingType>())
        from age in Ages
        select new ContactSignals
        {
            ImmediateDanger = flags[0],
            MinorInvolved = flags[1],
            VictimCurrentlyInSituation = flags[2],
            MedicalEmergency = flags[3],
            ResponseNeededWithin24Hours = flags[4],
            CallerIsVictim = flags[5],
            CallerHasDirectKnowledge = flags[6],
            ForceFraudOrCoercionIndicated = flags[7],
            ForeignNational = flags[8],
            NeedsShelterTonight = flags[9],
            LanguageInterpretationNeeded = flags[10],
            TraffickingType = type,
            Age = age,
        };

    /// <summary>
    /// Synthetic personal data distinctive enough for privacy tests to search for in what the SDK writes: each value
    /// present or not (at least one), made of random 8- to 16-character tokens that cannot occur by chance, yet obviously
    /// made up (<see cref="SyntheticPersonalData.IsObviouslySynthetic"/> holds): <c>Sample Q7dkWm2x Rtf8aHnP</c>,
    /// <c>+1 (347) 555-0162</c>, <c>q7dkwm2x.rtf8ahnp@example.org</c>, <c>42 Kd8sPq2mZ Fictional Avenue</c>,
    /// <c>Synthetic Hx3kP9qa éWm2yTf8 Ab3dEf7g</c> (with an accented or non-Latin letter). Shrinks (with
    /// <see cref="NhtrcArbitraries.PersonalData"/>) by dropping values.
    /// </summary>
    public static Gen<PersonalData> DistinctivePersonalData { get; } =
        from name1 in Token()
        from name2 in Token()
        from area in Gen.Choose(201, 989)
        from line in Gen.Choose(0, 99)
        from street in Token()
        from number in Gen.Choose(1, 9999)
        from words in Gen.ArrayOf(Token(), 3)
        from accent in Gen.Elements(Accents)
        from include in Gen.ArrayOf(Gen.Elements(true, false), 5)
        select new PersonalData(
            include[0] ? $"Sample {name1} {name2}" : null,
            include[1] ? $"+1 ({area}) 555-01{line:00}" : null,
            include[2] ? $"{name1.ToLowerInvariant()}.{words[0].ToLowerInvariant()}@example.org" : null,
            include[3] ? $"{number} {street} Fictional Avenue" : null,
            include[4] || !include.Take(4).Contains(true) ? $"Synthetic {words[1]} {accent}{words[2]} {street}" : null);

    /// <summary>
    /// Consents recorded around a receipt at <paramref name="receivedAt"/>: to report to law enforcement three times in
    /// four (the consent triage tests), else to call back or to share with a referral; to one of
    /// <see cref="ConsentRecipients"/>; granted from ten hours before the receipt to a day after it (so some are not yet
    /// granted when the contact is triaged); with no expiry one time in three, else expiring within 30 days of the grant
    /// (some before the triage); revoked one time in three, within 30 days.
    /// </summary>
    /// <param name="receivedAt">The receipt.</param>
    public static Gen<Consent> ConsentsAround(Instant receivedAt) => ConsentsAround(receivedAt, ConsentRecipients);

    /// <summary>Consents around a receipt, as <see cref="ConsentsAround(Instant)"/> but to one of <paramref name="recipients"/>.</summary>
    /// <param name="receivedAt">The receipt.</param>
    /// <param name="recipients">The recipients to choose from, such as the ids your own triage rules escalate to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recipients"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="recipients"/> is empty or holds a blank id.</exception>
    public static Gen<Consent> ConsentsAround(Instant receivedAt, IEnumerable<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var ids = recipients.ToArray();
        if (ids.Length == 0 || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one recipient, none blank.", nameof(recipients));
        }

        return
            from scope in Gen.Frequency((3, Gen.Constant(ConsentScope.LawEnforcementReport)), (1, Gen.Elements(ConsentScope.Callback, ConsentScope.ReferralSharing)))
            from recipient in Gen.Elements(ids)
            from granted in Gen.Choose(-600, 24 * 60)
            from expires in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 30 * 24 * 60)))
            from revoked in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 30 * 24 * 60)))
            let grantedAt = receivedAt + Duration.FromMinutes(granted)
            select new Consent(
                scope,
                recipient,
                grantedAt,
                expires == 0 ? null : grantedAt + Duration.FromMinutes(expires),
                revoked < 0 ? null : grantedAt + Duration.FromMinutes(revoked));
    }

    /// <summary>
    /// Contacts for triage properties with the instant they are triaged: every request kind, channel and role,
    /// anonymous or not, <see cref="Signals"/>, a receipt in 2026-2027, technical assistance for a TTA request, up to three
    /// <see cref="ConsentsAround(Instant)"/>, and a triage at the receipt (two times in five) or up to 30 days later. No
    /// personal data (triage never reads it). Shrinks (with <see cref="NhtrcArbitraries.TriageScenarios"/>) to a triage
    /// at the receipt, no consents, no age and no signals but those the failure needs.
    /// </summary>
    public static Gen<TriageScenario> TriageScenarios =>
        from kind in Gen.Elements(Enum.GetValues<RequestKind>())
        from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
        from role in Gen.Elements(Enum.GetValues<CallerRole>())
        from anonymous in Gen.Elements(true, false)
        from signals in Signals
        from minutes in Gen.Choose(0, 2 * 365 * 24 * 60)
        from delay in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(0, 30 * 24 * 60)))
        from assistance in Gen.SubListOf(Enum.GetValues<TechnicalAssistanceKind>())
        from count in Gen.Choose(0, 3)
        let received = TriageStart + Duration.FromMinutes(minutes)
        from consents in Gen.ArrayOf(ConsentsAround(received), count)
        let requested = kind != RequestKind.TrainingAndTechnicalAssistance ? [] : assistance.Count > 0 ? assistance.ToArray() : new[] { TechnicalAssistanceKind.PhoneConsultation }
        select new TriageScenario(
            new Contact("triage-1", received, channel, kind, new Caller(role, anonymous, LanguageTag.Parse("en")), signals, requested, null, consents),
            received + Duration.FromMinutes(delay));

    private static Gen<string> Token() =>
        from length in Gen.Choose(8, 16)
        from chars in Gen.ArrayOf(Gen.Elements(TokenChars.ToCharArray()), length)
        select new string(chars);

    internal static IEnumerable<TriageScenario> ShrinkTriageScenario(TriageScenario scenario)
    {
        if (scenario.At > scenario.Contact.ReceivedAt)
        {
            yield return new TriageScenario(scenario.Contact, scenario.Contact.ReceivedAt);
        }

        foreach (var contact in ShrinkContact(scenario.Contact))
        {
            yield return new TriageScenario(contact, scenario.At);
        }
    }

    /// <summary>Smaller contacts: a consent fewer, no age, a signal fewer, no referral needs, no personal data, one kind of technical assistance.</summary>
    internal static IEnumerable<Contact> ShrinkContact(Contact c)
    {
        for (var i = 0; i < c.Consents.Length; i++)
        {
            yield return With(c, consents: c.Consents.RemoveAt(i));
        }

        var s = c.Signals;
        if (s.Age is not null)
        {
            yield return With(c, signals: s with { Age = null });
        }

        ContactSignals[] fewer =
        [
            .. s.ImmediateDanger ? [s with { ImmediateDanger = false }] : Array.Empty<ContactSignals>(),
            .. s.MinorInvolved ? [s with { MinorInvolved = false }] : Array.Empty<ContactSignals>(),
            .. s.VictimCurrentlyInSituation ? [s with { VictimCurrentlyInSituation = false }] : Array.Empty<ContactSignals>(),
            .. s.MedicalEmergency ? [s with { MedicalEmergency = false }] : Array.Empty<ContactSignals>(),
            .. s.ResponseNeededWithin24Hours ? [s with { ResponseNeededWithin24Hours = false }] : Array.Empty<ContactSignals>(),
            .. s.CallerIsVictim ? [s with { CallerIsVictim = false }] : Array.Empty<ContactSignals>(),
            .. s.CallerHasDirectKnowledge ? [s with { CallerHasDirectKnowledge = false }] : Array.Empty<ContactSignals>(),
            .. s.ForceFraudOrCoercionIndicated ? [s with { ForceFraudOrCoercionIndicated = false }] : Array.Empty<ContactSignals>(),
            .. s.ForeignNational ? [s with { ForeignNational = false }] : Array.Empty<ContactSignals>(),
            .. s.NeedsShelterTonight ? [s with { NeedsShelterTonight = false }] : Array.Empty<ContactSignals>(),
            .. s.LanguageInterpretationNeeded ? [s with { LanguageInterpretationNeeded = false }] : Array.Empty<ContactSignals>(),
        ];
        foreach (var signals in fewer)
        {
            yield return With(c, signals: signals);
        }

        if (!c.ReferralNeeds.IsEmpty)
        {
            yield return With(c, needs: []);
        }

        if (c.Caller.PersonalData is not null)
        {
            yield return With(c, caller: new Caller(c.Caller.Role, c.Caller.IsAnonymous, c.Caller.PreferredLanguage, c.Caller.Location));
        }

        if (c.TechnicalAssistance.Length > 1)
        {
            yield return With(c, assistance: [c.TechnicalAssistance[0]]);
        }
    }

    /// <summary>Smaller personal data: a value fewer, while one is left.</summary>
    internal static IEnumerable<PersonalData> ShrinkPersonalData(PersonalData p)
    {
        string?[] values = [p.Name?.Reveal(), p.Phone?.Reveal(), p.Email?.Reveal(), p.Address?.Reveal(), p.Narrative?.Reveal()];
        if (values.Count(v => v is not null) < 2)
        {
            yield break;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not null)
            {
                var fewer = (string?[])values.Clone();
                fewer[i] = null;
                yield return new PersonalData(fewer[0], fewer[1], fewer[2], fewer[3], fewer[4]);
            }
        }
    }

    private static Contact With(
        Contact c, ContactSignals? signals = null, ImmutableArray<Consent>? consents = null, ImmutableArray<ReferralNeed>? needs = null,
        Caller? caller = null, ImmutableArray<TechnicalAssistanceKind>? assistance = null) =>
        new(c.Id, c.ReceivedAt, c.Channel, c.RequestKind, caller ?? c.Caller, signals ?? c.Signals, assistance ?? c.TechnicalAssistance, needs ?? c.ReferralNeeds, consents ?? c.Consents);
}
