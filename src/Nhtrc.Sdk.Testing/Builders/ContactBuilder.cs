using System;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Builds a <see cref="Contact"/> fluently, valid for every request kind by default: a phone contact received at
/// 2026-07-02T22:59:00Z (Thu 18:59 in New York) from a community member who speaks English and shares no personal
/// data, with phone consultation as the technical assistance of a TTA request. Personal data is given, or
/// <see cref="SyntheticPersonalData"/>. Immutable: every method returns a new builder.
/// </summary>
public sealed class ContactBuilder
{
    /// <summary>When a contact is received unless <see cref="ReceivedAt"/> says otherwise: 2026-07-02T22:59:00Z.</summary>
    public static Instant DefaultReceivedAt { get; } = Instant.FromUtc(2026, 7, 2, 22, 59);

    private readonly string id;
    private readonly RequestKind kind;
    private readonly Instant receivedAt;
    private readonly ContactChannel channel;
    private readonly CallerRole role;
    private readonly bool anonymous;
    private readonly LanguageTag language;
    private readonly CallerLocation? location;
    private readonly PersonalData? personalData;
    private readonly ContactSignals signals;
    private readonly ImmutableArray<TechnicalAssistanceKind>? technicalAssistance;
    private readonly ImmutableArray<ReferralNeed> needs;
    private readonly ImmutableArray<Consent> consents;

    /// <summary>Starts a contact of <paramref name="requestKind"/> with the defaults above and id <c>test-contact</c>.</summary>
    /// <param name="requestKind">What the contact asks for.</param>
    public ContactBuilder(RequestKind requestKind)
        : this("test-contact", requestKind, DefaultReceivedAt, ContactChannel.Phone, CallerRole.CommunityMember, false, LanguageTag.English,
            null, null, ContactSignals.None, null, [], [])
    {
    }

    private ContactBuilder(
        string id, RequestKind kind, Instant receivedAt, ContactChannel channel, CallerRole role, bool anonymous, LanguageTag language,
        CallerLocation? location, PersonalData? personalData, ContactSignals signals, ImmutableArray<TechnicalAssistanceKind>? technicalAssistance,
        ImmutableArray<ReferralNeed> needs, ImmutableArray<Consent> consents)
    {
        this.id = id;
        this.kind = kind;
        this.receivedAt = receivedAt;
        this.channel = channel;
        this.role = role;
        this.anonymous = anonymous;
        this.language = language;
        this.location = location;
        this.personalData = personalData;
        this.signals = signals;
        this.technicalAssistance = technicalAssistance;
        this.needs = needs;
        this.consents = consents;
    }

    /// <summary>With the opaque id <paramref name="contactId"/>.</summary>
    /// <param name="contactId">1 to 128 ASCII letters, digits, '.', '_', ':' or '-' (checked by <see cref="Build"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="contactId"/> is null.</exception>
    public ContactBuilder WithId(string contactId)
    {
        ArgumentNullException.ThrowIfNull(contactId);
        return new(contactId, kind, receivedAt, channel, role, anonymous, language, location, personalData, signals, technicalAssistance, needs, consents);
    }

    /// <summary>Received at <paramref name="instant"/>.</summary>
    /// <param name="instant">When the contact reached the hotline.</param>
    public ContactBuilder ReceivedAt(Instant instant) =>
        new(id, kind, instant, channel, role, anonymous, language, location, personalData, signals, technicalAssistance, needs, consents);

    /// <summary>Received through <paramref name="contactChannel"/>.</summary>
    /// <param name="contactChannel">The channel.</param>
    public ContactBuilder Via(ContactChannel contactChannel) =>
        new(id, kind, receivedAt, contactChannel, role, anonymous, language, location, personalData, signals, technicalAssistance, needs, consents);

    /// <summary>From a caller in <paramref name="callerRole"/>.</summary>
    /// <param name="callerRole">Who the caller is.</param>
    public ContactBuilder From(CallerRole callerRole) =>
        new(id, kind, receivedAt, channel, callerRole, anonymous, language, location, personalData, signals, technicalAssistance, needs, consents);

    /// <summary>From an anonymous caller: identifying personal data is dropped, a narrative is kept.</summary>
    public ContactBuilder Anonymous()
    {
        var narrativeOnly = personalData?.Narrative is { } narrative ? new PersonalData(narrative: narrative.Reveal()) : null;
        return new(id, kind, receivedAt, channel, role, true, language, location, narrativeOnly, signals, technicalAssistance, needs, consents);
    }

    /// <summary>From a caller who prefers <paramref name="preferredLanguage"/>.</summary>
    /// <param name="preferredLanguage">The language to answer in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="preferredLanguage"/> is null.</exception>
    public ContactBuilder InLanguage(LanguageTag preferredLanguage)
    {
        ArgumentNullException.ThrowIfNull(preferredLanguage);
        return new(id, kind, receivedAt, channel, role, anonymous, preferredLanguage, location, personalData, signals, technicalAssistance, needs, consents);
    }

    /// <summary>About a situation at <paramref name="callerLocation"/>.</summary>
    /// <param name="callerLocation">Where the caller or the situation is.</param>
    /// <exception cref="ArgumentNullException"><paramref name="callerLocation"/> is null.</exception>
    public ContactBuilder At(CallerLocation callerLocation)
    {
        ArgumentNullException.ThrowIfNull(callerLocation);
        return new(id, kind, receivedAt, channel, role, anonymous, language, callerLocation, personalData, signals, technicalAssistance, needs, consents);
    }

    /// <summary>With the personal data given (make it obviously synthetic; see <see cref="SyntheticPersonalData"/>); an anonymous caller is no longer anonymous.</summary>
    /// <param name="data">The personal data.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public ContactBuilder WithPersonalData(PersonalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(id, kind, receivedAt, channel, role, false, language, location, data, signals, technicalAssistance, needs, consents);
    }

    /// <summary>With the synthetic personal data numbered <paramref name="number"/> (<see cref="SyntheticPersonalData.Create"/>).</summary>
    /// <param name="number">Any number; the same number gives the same data.</param>
    public ContactBuilder WithSyntheticPersonalData(int number) => WithPersonalData(SyntheticPersonalData.Create(number));

    /// <summary>With the signals the advocate recorded.</summary>
    /// <param name="contactSignals">The signals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="contactSignals"/> is null.</exception>
    public ContactBuilder WithSignals(ContactSignals contactSignals)
    {
        ArgumentNullException.ThrowIfNull(contactSignals);
        return new(id, kind, receivedAt, channel, role, anonymous, language, location, personalData, contactSignals, technicalAssistance, needs, consents);
    }

    /// <summary>Asking for <paramref name="kinds"/> of technical assistance (a TTA request needs one; other kinds none).</summary>
    /// <param name="kinds">The kinds requested.</param>
    public ContactBuilder WithTechnicalAssistance(params ReadOnlySpan<TechnicalAssistanceKind> kinds) =>
        new(id, kind, receivedAt, channel, role, anonymous, language, location, personalData, signals, [.. kinds], needs, consents);

    /// <summary>Needing referrals for <paramref name="referralNeeds"/> (service types convert to needs).</summary>
    /// <param name="referralNeeds">The needs, without repeats.</param>
    public ContactBuilder WithReferralNeeds(params ReadOnlySpan<ReferralNeed> referralNeeds) =>
        new(id, kind, receivedAt, channel, role, anonymous, language, location, personalData, signals, technicalAssistance, [.. referralNeeds], consents);

    /// <summary>With <paramref name="consent"/> added to the consents given.</summary>
    /// <param name="consent">The consent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="consent"/> is null.</exception>
    public ContactBuilder WithConsent(Consent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return new(id, kind, receivedAt, channel, role, anonymous, language, location, personalData, signals, technicalAssistance, needs, consents.Add(consent));
    }

    /// <summary>Builds the contact.</summary>
    /// <exception cref="NhtrcValidationException">The contact is invalid (a bad id, technical assistance on a request that is not TTA, a repeated need); every problem is listed, without personal data.</exception>
    public Contact Build()
    {
        var assistance = technicalAssistance
            ?? (kind == RequestKind.TrainingAndTechnicalAssistance ? [TechnicalAssistanceKind.PhoneConsultation] : []);
        var caller = new Caller(role, anonymous, language, location, personalData);
        return new Contact(id, receivedAt, channel, kind, caller, signals, assistance, needs, consents);
    }

    /// <summary>Returns the id, kind and channel, for example <c>test-contact: Tip via Email</c>; never personal data.</summary>
    public override string ToString() => $"{id}: {kind} via {channel}";
}
