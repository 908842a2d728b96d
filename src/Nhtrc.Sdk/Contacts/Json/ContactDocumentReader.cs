using System;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Contacts.Json;

/// <summary>
/// Turns a <see cref="ContactDocument"/> into a <see cref="Contact"/>, collecting every problem with its
/// JSON path before building anything. Messages never contain personal-data values; for enum fields
/// they quote the (non-personal) token that was not recognized.
/// </summary>
internal static class ContactDocumentReader
{
    public const string Subject = "contact document";

    public static Contact ToContact(ContactDocument? document)
    {
        var problems = new ProblemList();
        if (document is null)
        {
            problems.Add("$", "must be a JSON object, not null.");
            problems.ThrowIfAny(Subject);
        }

        var d = document!;
        DocumentFields.Unknown(problems, "$", d.Unknown);
        var id = Text(problems, "$.id", d.Id, ContactRules.OpaqueId);
        var receivedAt = Instant(problems, "$.receivedAt", d.ReceivedAt, required: true);
        var channel = DocumentFields.Enum<ContactChannel>(problems, "$.channel", d.Channel, required: true);
        var requestKind = DocumentFields.Enum<RequestKind>(problems, "$.requestKind", d.RequestKind, required: true);

        var ta = ImmutableArray.CreateBuilder<TechnicalAssistanceKind>();
        var items = d.TechnicalAssistance ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (DocumentFields.Enum<TechnicalAssistanceKind>(problems, $"$.technicalAssistance[{i}]", items[i], required: true) is { } kind)
            {
                ta.Add(kind);
            }
        }

        if (requestKind is { } rk && ta.Count == items.Count)
        {
            Contact.ValidateTechnicalAssistance(problems, rk, ta.ToImmutable(), "$.technicalAssistance", i => $"$.technicalAssistance[{i}]");
        }

        var needs = d.ReferralNeeds ?? [];
        for (var i = 0; i < needs.Count; i++)
        {
            problems.Check($"$.referralNeeds[{i}]", ContactRules.Required(needs[i]));
        }

        if (!needs.Contains(null))
        {
            Contact.ValidateReferralNeedIds(problems, needs!, i => $"$.referralNeeds[{i}]");
        }

        var caller = Caller(problems, "$.caller", d.Caller);
        var signals = Signals(problems, "$.signals", d.Signals);
        var consents = new List<Consent>();
        var consentDocuments = d.Consents ?? [];
        for (var i = 0; i < consentDocuments.Count; i++)
        {
            if (Consent(problems, $"$.consents[{i}]", consentDocuments[i]) is { } consent)
            {
                consents.Add(consent);
            }
        }

        problems.ThrowIfAny(Subject);
        return new Contact(id!, receivedAt!.Value, channel!.Value, requestKind!.Value, caller!, signals, ta, needs.Select(n => ReferralNeed.FromValidId(n!)), consents);
    }

    private static Caller? Caller(ProblemList problems, string path, CallerDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, "is required.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var role = DocumentFields.Enum<CallerRole>(problems, path + ".role", d.Role, required: true);
        LanguageTag? language = null;
        if (d.PreferredLanguage is null)
        {
            problems.Add(path + ".preferredLanguage", "is required.");
        }
        else if (!LanguageTag.TryParse(d.PreferredLanguage, out language))
        {
            problems.Add(path + ".preferredLanguage", LanguageTag.ProblemMessage);
        }

        var location = Location(problems, path + ".location", d.Location);
        var personalData = PersonalData(problems, path + ".personalData", d.PersonalData);
        var anonymous = d.Anonymous ?? false;
        var p = d.PersonalData;
        if (role is { } r)
        {
            Contacts.Caller.Validate(problems, r, anonymous, p?.Name is not null, p?.Phone is not null, p?.Email is not null,
                p?.Address is not null, path + ".role", path + ".personalData");
        }

        return problems.Count == before ? new Contacts.Caller(role!.Value, anonymous, language!, location, personalData) : null;
    }

    private static CallerLocation? Location(ProblemList problems, string path, LocationDocument? d)
    {
        if (d is null)
        {
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        GeoPoint? point = null;
        if (d.Point is { } p)
        {
            DocumentFields.Unknown(problems, path + ".point", p.Unknown);
            problems.Check(path + ".point.latitude", ContactRules.Required(p.Latitude) ?? ContactRules.Latitude(p.Latitude!.Value));
            problems.Check(path + ".point.longitude", ContactRules.Required(p.Longitude) ?? ContactRules.Longitude(p.Longitude!.Value));
            if (problems.Count == before)
            {
                point = new GeoPoint(p.Latitude!.Value, p.Longitude!.Value);
            }
        }

        CallerLocation.Validate(problems, d.Zip, d.CountyFips, d.State, d.Point is not null,
            path + ".zip", path + ".countyFips", path + ".state", path);
        return problems.Count == before ? new CallerLocation(d.Zip, d.CountyFips, d.State, point) : null;
    }

    private static PersonalData? PersonalData(ProblemList problems, string path, PersonalDataDocument? d)
    {
        if (d is null)
        {
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        Contacts.PersonalData.Validate(problems, d.Name, d.Phone, d.Email, d.Address, d.Narrative,
            path + ".name", path + ".phone", path + ".email", path + ".address", path + ".narrative");
        return problems.Count == before ? new PersonalData(d.Name, d.Phone, d.Email, d.Address, d.Narrative) : null;
    }

    private static ContactSignals Signals(ProblemList problems, string path, SignalsDocument? d)
    {
        if (d is null)
        {
            return ContactSignals.None;
        }

        DocumentFields.Unknown(problems, path, d.Unknown);
        var type = DocumentFields.Enum<TraffickingType>(problems, path + ".traffickingType", d.TraffickingType, required: false);
        var age = Age(problems, path + ".age", d.Age);
        return new ContactSignals
        {
            ImmediateDanger = d.ImmediateDanger ?? false,
            MinorInvolved = d.MinorInvolved ?? false,
            VictimCurrentlyInSituation = d.VictimCurrentlyInSituation ?? false,
            MedicalEmergency = d.MedicalEmergency ?? false,
            ResponseNeededWithin24Hours = d.ResponseNeededWithin24Hours ?? false,
            CallerIsVictim = d.CallerIsVictim ?? false,
            CallerHasDirectKnowledge = d.CallerHasDirectKnowledge ?? false,
            ForceFraudOrCoercionIndicated = d.ForceFraudOrCoercionIndicated ?? false,
            ForeignNational = d.ForeignNational ?? false,
            NeedsShelterTonight = d.NeedsShelterTonight ?? false,
            LanguageInterpretationNeeded = d.LanguageInterpretationNeeded ?? false,
            TraffickingType = type ?? TraffickingType.Unknown,
            Age = age,
        };
    }

    private static AgeRange? Age(ProblemList problems, string path, AgeDocument? d)
    {
        if (d is null)
        {
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        problems.Check(path + ".min", ContactRules.Required(d.Min));
        problems.Check(path + ".max", ContactRules.Required(d.Max));
        if (d.Min is { } min && d.Max is { } max)
        {
            AgeRange.Validate(problems, min, max, path + ".min", path + ".max");
        }

        return problems.Count == before ? AgeRange.Between(d.Min!.Value, d.Max!.Value) : null;
    }

    private static Consent? Consent(ProblemList problems, string path, ConsentDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, "must be a consent object, not null.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var scope = DocumentFields.Enum<ConsentScope>(problems, path + ".scope", d.Scope, required: true);
        problems.Check(path + ".recipient", ContactRules.Required(d.Recipient) ?? ContactRules.Recipient(d.Recipient));
        var grantedAt = Instant(problems, path + ".grantedAt", d.GrantedAt, required: true);
        var expiresAt = Instant(problems, path + ".expiresAt", d.ExpiresAt, required: false);
        var revokedAt = Instant(problems, path + ".revokedAt", d.RevokedAt, required: false);
        if (grantedAt is { } granted)
        {
            problems.Check(path + ".expiresAt", ContactRules.Interval(granted, expiresAt));
            problems.Check(path + ".revokedAt", ContactRules.Revocation(granted, revokedAt));
        }

        return problems.Count == before ? new Consent(scope!.Value, d.Recipient!, grantedAt!.Value, expiresAt, revokedAt) : null;
    }

    private static string? Text(ProblemList problems, string path, string? value, Func<string?, string?> rule)
    {
        var problem = ContactRules.Required(value) ?? rule(value);
        problems.Check(path, problem);
        return problem is null ? value : null;
    }

    private static Instant? Instant(ProblemList problems, string path, string? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(path, "is required.");
            }

            return null;
        }

        var result = InstantPattern.ExtendedIso.Parse(value);
        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(path, "must be an ISO-8601 UTC instant such as 2026-07-02T22:59:00Z.");
        return null;
    }
}
