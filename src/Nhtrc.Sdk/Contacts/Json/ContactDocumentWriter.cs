using System.Linq;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Contacts.Json;

/// <summary>Turns a <see cref="Contact"/> into its <see cref="ContactDocument"/>, with or without personal data.</summary>
internal static class ContactDocumentWriter
{
    public static ContactDocument ToDocument(Contact contact, bool redact) => new()
    {
        Id = contact.Id,
        ReceivedAt = Format(contact.ReceivedAt),
        Channel = WireName<ContactChannel>.Of(contact.Channel),
        RequestKind = WireName<RequestKind>.Of(contact.RequestKind),
        TechnicalAssistance = contact.TechnicalAssistance.Select(WireName<TechnicalAssistanceKind>.Of).ToList<string?>(),
        ReferralNeeds = contact.ReferralNeeds.Select(n => n.Id).ToList<string?>(),
        Caller = ToDocument(contact.Caller, redact),
        Signals = ToDocument(contact.Signals),
        Consents = contact.Consents.Select(ToDocument).ToList<ConsentDocument?>(),
    };

    private static CallerDocument ToDocument(Caller caller, bool redact) => new()
    {
        Role = WireName<CallerRole>.Of(caller.Role),
        Anonymous = caller.IsAnonymous,
        PreferredLanguage = caller.PreferredLanguage.Value,
        Location = caller.Location is { } l
            ? new LocationDocument
            {
                Zip = l.Zip,
                CountyFips = l.CountyFips,
                State = l.State,
                Point = l.Point is { } p ? new PointDocument { Latitude = p.Latitude, Longitude = p.Longitude } : null,
            }
            : null,
        PersonalData = caller.PersonalData is { } d
            ? new PersonalDataDocument
            {
                Name = Value(d.Name, redact),
                Phone = Value(d.Phone, redact),
                Email = Value(d.Email, redact),
                Address = Value(d.Address, redact),
                Narrative = Value(d.Narrative, redact),
            }
            : null,
    };

    private static SignalsDocument ToDocument(ContactSignals s) => new()
    {
        ImmediateDanger = s.ImmediateDanger,
        MinorInvolved = s.MinorInvolved,
        VictimCurrentlyInSituation = s.VictimCurrentlyInSituation,
        MedicalEmergency = s.MedicalEmergency,
        ResponseNeededWithin24Hours = s.ResponseNeededWithin24Hours,
        CallerIsVictim = s.CallerIsVictim,
        CallerHasDirectKnowledge = s.CallerHasDirectKnowledge,
        ForceFraudOrCoercionIndicated = s.ForceFraudOrCoercionIndicated,
        ForeignNational = s.ForeignNational,
        NeedsShelterTonight = s.NeedsShelterTonight,
        LanguageInterpretationNeeded = s.LanguageInterpretationNeeded,
        TraffickingType = WireName<TraffickingType>.Of(s.TraffickingType),
        Age = s.Age is { } age ? new AgeDocument { Min = age.Minimum, Max = age.Maximum } : null,
    };

    private static ConsentDocument ToDocument(Consent c) => new()
    {
        Scope = WireName<ConsentScope>.Of(c.Scope),
        Recipient = c.Recipient,
        GrantedAt = Format(c.GrantedAt),
        ExpiresAt = c.ExpiresAt is { } e ? Format(e) : null,
        RevokedAt = c.RevokedAt is { } r ? Format(r) : null,
    };

    private static string? Value(Sensitive<string>? value, bool redact) =>
        value is null ? null : redact ? Redaction.Placeholder : value.Reveal();

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
