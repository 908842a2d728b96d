using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Contacts.Json;

// The wire shape of a contact (docs/contacts.md). Everything is nullable and enums and instants are
// strings, so the reader can report every missing or invalid value with its path instead of stopping at
// the first; unknown properties land in Unknown and are reported too.

internal sealed class ContactDocument
{
    public string? Id { get; set; }

    public string? ReceivedAt { get; set; }

    public string? Channel { get; set; }

    public string? RequestKind { get; set; }

    public List<string?>? TechnicalAssistance { get; set; }

    public List<string?>? ReferralNeeds { get; set; }

    public CallerDocument? Caller { get; set; }

    public SignalsDocument? Signals { get; set; }

    public List<ConsentDocument?>? Consents { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class CallerDocument
{
    public string? Role { get; set; }

    public bool? Anonymous { get; set; }

    public string? PreferredLanguage { get; set; }

    public LocationDocument? Location { get; set; }

    public PersonalDataDocument? PersonalData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class LocationDocument
{
    public string? Zip { get; set; }

    public string? CountyFips { get; set; }

    public string? State { get; set; }

    public PointDocument? Point { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class PointDocument
{
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class PersonalDataDocument
{
    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? Narrative { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class SignalsDocument
{
    public bool? ImmediateDanger { get; set; }

    public bool? MinorInvolved { get; set; }

    public bool? VictimCurrentlyInSituation { get; set; }

    public bool? MedicalEmergency { get; set; }

    public bool? ResponseNeededWithin24Hours { get; set; }

    public bool? CallerIsVictim { get; set; }

    public bool? CallerHasDirectKnowledge { get; set; }

    public bool? ForceFraudOrCoercionIndicated { get; set; }

    public bool? ForeignNational { get; set; }

    public bool? NeedsShelterTonight { get; set; }

    public bool? LanguageInterpretationNeeded { get; set; }

    public string? TraffickingType { get; set; }

    public AgeDocument? Age { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class AgeDocument
{
    public int? Min { get; set; }

    public int? Max { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ConsentDocument
{
    public string? Scope { get; set; }

    public string? Recipient { get; set; }

    public string? GrantedAt { get; set; }

    public string? ExpiresAt { get; set; }

    public string? RevokedAt { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
