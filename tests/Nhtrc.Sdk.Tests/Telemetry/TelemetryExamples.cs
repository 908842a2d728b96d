using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>
/// A synthetic contact whose every personal and caller-supplied value is a planted marker, so that a test can look for
/// each marker in everything the SDK logs and measures. The markers are made-up words, not real-looking data.
/// </summary>
internal static class TelemetryExamples
{
    /// <summary>Thursday 2 July 2026 14:00 in New York: the business-hours queue is open.</summary>
    public static readonly Instant ThursdayAfternoon = Instant.FromUtc(2026, 7, 2, 18, 0);

    public const string ContactId = "zq-contact-7731";
    public const string Name = "Quillonwick Zarnaby";
    public const string Phone = "+1 202-555-0177";
    public const string Email = "quillonwick.marker@example.org";
    public const string Address = "77 Zarnaby Marker Lane, Quillville";
    public const string Narrative = "Synthetic narrative with the marker Zephyrquill, for telemetry tests.";
    public const string Zip = "77002";
    public const string CountyFips = "48201";

    /// <summary>Every marker and the fragments of one that a formatter could print on their own.</summary>
    public static IReadOnlyList<string> Markers { get; } =
    [
        ContactId, "zq-contact",
        Name, "Quillonwick", "Zarnaby",
        Phone, "555-0177", "5550177", "2025550177",
        Email, "quillonwick.marker",
        Address, "Marker Lane", "Quillville",
        Narrative, "Zephyrquill",
        Zip, CountyFips,
    ];

    public static PersonalData PersonalData() => new(name: Name, phone: Phone, email: Email, address: Address, narrative: Narrative);

    /// <summary>
    /// An adult in immediate danger on a chat, with no consent: urgent; emergency services and the supervisor are
    /// alerted and the consent-based law-enforcement report is not made; shelter and legal help are searched at the ZIP.
    /// </summary>
    public static Contact PlantedCrisis(CallerLocation? location = null, ContactChannel channel = ContactChannel.Chat) => new(
        ContactId,
        ThursdayAfternoon,
        channel,
        RequestKind.Crisis,
        new Caller(CallerRole.PossibleVictim, isAnonymous: false, LanguageTag.Parse("es"), location ?? PlantedLocation(), PersonalData()),
        new ContactSignals { ImmediateDanger = true, NeedsShelterTonight = true, TraffickingType = TraffickingType.Labor, CallerIsVictim = true },
        referralNeeds: [ServiceType.EmergencyShelter, ServiceType.LegalServices]);

    public static CallerLocation PlantedLocation() => new(zip: Zip, countyFips: CountyFips, state: "TX", point: new GeoPoint(29.76, -95.37));

    /// <summary>The markers found in <paramref name="texts"/>, each with the text it was found in.</summary>
    public static IEnumerable<string> FoundMarkers(IEnumerable<(string Where, string? Text)> texts) =>
        from t in texts
        where t.Text is not null
        from marker in Markers
        where t.Text!.Contains(marker, StringComparison.OrdinalIgnoreCase)
        select $"{marker} in {t.Where}: {t.Text}";
}
