using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// Contacts written by <see cref="ContactJson.Serialize"/>. Channel, request kind, caller role and the shape of
/// the location cycle with the index so every value appears; the rest is drawn at random. Personal data is
/// plainly synthetic: "Fixture Person N", 555-01xx numbers, example.org addresses.
/// </summary>
internal static class ContactFixtures
{
    private const int Seed = 1_000_000;

    private static readonly ContactChannel[] Channels = Enum.GetValues<ContactChannel>();
    private static readonly RequestKind[] RequestKinds = Enum.GetValues<RequestKind>();
    private static readonly CallerRole[] Roles = Enum.GetValues<CallerRole>();
    private static readonly TechnicalAssistanceKind[] AssistanceKinds = Enum.GetValues<TechnicalAssistanceKind>();
    private static readonly TraffickingType[] TraffickingTypes = Enum.GetValues<TraffickingType>();
    private static readonly ConsentScope[] Scopes = Enum.GetValues<ConsentScope>();

    // Given in mixed case on purpose: the model canonicalizes them.
    private static readonly string[] Languages =
        ["en", "es", "ES", "zh-Hant-TW", "zh-hant", "pt-BR", "vi", "ko", "tl", "ar", "ru", "fr", "ht", "ase", "es-419", "sr-Latn-RS", "de-CH-1996", "sl-rozaj", "hi", "so"];

    private static readonly string[] Recipients =
        ["fbi", "nhtrc", "local-law-enforcement", "Legal-Aid.Example", "hsi:field_office-7", "child-protective-services", "shelter-partner-12"];

    private static readonly string[] States = ["TX", "ny", "CA", "DC", "PR", "GU", "AA", "wa", "FL", "IL"];

    private static readonly string[] OtherNeeds = ["runawayAndHomelessYouth", "foodPantry", "dentalCare2"];

    public static IReadOnlyList<FixtureDocument> Build(int count)
    {
        var documents = new List<FixtureDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var contact = Contact(i, new FixtureRandom(Seed + i));
            documents.Add(new FixtureDocument(string.Create(CultureInfo.InvariantCulture, $"contact-{i:D3}.json"), ContactJson.Serialize(contact)));
        }

        return documents;
    }

    private static Contact Contact(int i, FixtureRandom r)
    {
        var receivedAt = RandomInstant(r);
        var kind = RequestKinds[i % RequestKinds.Length];
        var assistance = kind == RequestKind.TrainingAndTechnicalAssistance
            ? r.Distinct(AssistanceKinds, r.Between(1, AssistanceKinds.Length))
            : [];
        var needs = r.Distinct([.. WireNames.All<ServiceType>(), .. OtherNeeds], r.Chance(30) ? 0 : r.Between(1, 5));
        var consents = new List<Consent>();
        for (var c = r.Chance(35) ? 0 : r.Between(1, 3); c > 0; c--)
        {
            consents.Add(Consent(r, receivedAt));
        }

        return new Contact(
            string.Create(CultureInfo.InvariantCulture, $"fixture-contact-{i:D3}"),
            receivedAt,
            Channels[i % Channels.Length],
            kind,
            Caller(i, r),
            Signals(r),
            assistance,
            needs.Select(ReferralNeed.Parse),
            consents);
    }

    private static Caller Caller(int i, FixtureRandom r)
    {
        var anonymous = r.Chance(30);
        return new Caller(Roles[i % Roles.Length], anonymous, LanguageTag.Parse(r.Pick(Languages)), Location(i, r), PersonalData(i, r, anonymous));
    }

    // Every combination of the four parts comes round as i grows (none, then each subset of zip, county, state, point).
    private static CallerLocation? Location(int i, FixtureRandom r)
    {
        var shape = i % 16;
        if (shape == 0)
        {
            return null;
        }

        var zip = (shape & 1) != 0 ? r.Next(100_000).ToString("D5", CultureInfo.InvariantCulture) : null;
        var county = (shape & 2) != 0 ? r.Between(1001, 78030).ToString("D5", CultureInfo.InvariantCulture) : null;
        var state = (shape & 4) != 0 ? r.Pick(States) : null;
        GeoPoint? point = (shape & 8) != 0 ? Point(r) : null;
        return new CallerLocation(zip, county, state, point);
    }

    private static GeoPoint Point(FixtureRandom r) => r.Next(10) switch
    {
        // The bounds are valid coordinates; the rest are full-precision doubles or rounded ones as a person would type.
        0 => new GeoPoint(r.Chance(50) ? 90 : -90, r.Chance(50) ? 180 : -180),
        1 or 2 => new GeoPoint(Math.Round(18 + (r.NextDouble() * 53), 2), Math.Round(-170 + (r.NextDouble() * 105), 2)),
        _ => new GeoPoint(18 + (r.NextDouble() * 53), -170 + (r.NextDouble() * 105)),
    };

    private static PersonalData? PersonalData(int i, FixtureRandom r, bool anonymous)
    {
        var narrative = r.Chance(50)
            ? string.Create(CultureInfo.InvariantCulture, $"Synthetic fixture narrative {i}: the advocate notes a routine question about services (test data, not a real case).")
            : null;
        if (anonymous)
        {
            return narrative is null ? null : new PersonalData(narrative: narrative);
        }

        if (r.Chance(10))
        {
            // Present but empty, as "personalData": {}.
            return new PersonalData();
        }

        var phone = r.Next(4) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"+1-{r.Between(201, 989)}-555-01{r.Next(100):D2}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"({r.Between(201, 989)}) 555-01{r.Next(100):D2}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{r.Between(201, 989)}.555.01{r.Next(100):D2}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"555 01{r.Next(100):D2}"),
        };
        var data = new PersonalData(
            name: r.Chance(60) ? string.Create(CultureInfo.InvariantCulture, $"Fixture Person {i}") : null,
            phone: r.Chance(60) ? phone : null,
            email: r.Chance(50) ? string.Create(CultureInfo.InvariantCulture, $"fixture.person{i}@example.org") : null,
            address: r.Chance(40) ? string.Create(CultureInfo.InvariantCulture, $"{i} Fixture Street, Apt {r.Between(1, 9)}, Exampletown") : null,
            narrative: narrative);
        return data.IsEmpty ? null : data;
    }

    private static ContactSignals Signals(FixtureRandom r)
    {
        if (r.Chance(15))
        {
            return ContactSignals.None;
        }

        return new ContactSignals
        {
            ImmediateDanger = r.Chance(25),
            MinorInvolved = r.Chance(25),
            VictimCurrentlyInSituation = r.Chance(40),
            MedicalEmergency = r.Chance(15),
            ResponseNeededWithin24Hours = r.Chance(30),
            CallerIsVictim = r.Chance(30),
            CallerHasDirectKnowledge = r.Chance(50),
            ForceFraudOrCoercionIndicated = r.Chance(40),
            ForeignNational = r.Chance(30),
            NeedsShelterTonight = r.Chance(25),
            LanguageInterpretationNeeded = r.Chance(25),
            TraffickingType = r.Pick(TraffickingTypes),
        };
    }

    private static Consent Consent(FixtureRandom r, Instant receivedAt)
    {
        var granted = receivedAt + Duration.FromMinutes(r.Between(0, 600));
        Instant? expires = r.Chance(50) ? granted + Duration.FromHours(r.Between(1, 24 * 90)) : null;
        Instant? revoked = r.Next(4) switch
        {
            0 => granted,
            1 => granted + Duration.FromMinutes(r.Between(1, 60 * 24 * 30)),
            _ => null,
        };
        return new Consent(r.Pick(Scopes), r.Pick(Recipients), granted, expires, revoked);
    }

    // 2020 to 2030, to the second, with a fraction of a second now and then (the format keeps nanoseconds).
    private static Instant RandomInstant(FixtureRandom r)
    {
        var instant = Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromSeconds(r.Next(11 * 365 * 24 * 3600));
        return r.Next(5) switch
        {
            0 => instant + Duration.FromMilliseconds(r.Between(1, 999)),
            1 => instant + Duration.FromNanoseconds(r.Between(1, 999_999_999)),
            _ => instant,
        };
    }
}
