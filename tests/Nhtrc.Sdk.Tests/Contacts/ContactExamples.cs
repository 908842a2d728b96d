using System.Collections.Generic;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Contacts;

/// <summary>Valid, clearly synthetic model values for tests to start from.</summary>
internal static class ContactExamples
{
    public static readonly Instant Received = Instant.FromUtc(2026, 7, 2, 22, 59);

    public static PersonalData PersonalData() => new(
        name: "Sample Caller",
        phone: "+1 202-555-0143",
        email: "sample.caller@example.org",
        address: "100 Example Street, Sampletown",
        narrative: "Synthetic narrative for tests.");

    public static Caller Caller(PersonalData? personalData = null, bool anonymous = false) => new(
        CallerRole.PossibleVictim,
        anonymous,
        LanguageTag.Parse("es"),
        new CallerLocation(zip: "77002", countyFips: "48201", state: "TX", point: new GeoPoint(29.76, -95.37)),
        personalData);

    public static Consent Consent() => new(ConsentScope.LawEnforcementReport, "fbi", Received, Received + Duration.FromDays(30));

    public static Contact Contact(
        RequestKind kind = RequestKind.Crisis,
        PersonalData? personalData = null,
        IEnumerable<TechnicalAssistanceKind>? technicalAssistance = null) => new(
        "c-0001",
        Received,
        ContactChannel.Phone,
        kind,
        Caller(personalData ?? PersonalData()),
        new ContactSignals { ImmediateDanger = true, NeedsShelterTonight = true, TraffickingType = TraffickingType.Labor },
        technicalAssistance,
        [ServiceType.EmergencyShelter, ServiceType.LegalServices],
        [Consent(), new Consent(ConsentScope.Callback, "nhtrc", Received)]);
}
