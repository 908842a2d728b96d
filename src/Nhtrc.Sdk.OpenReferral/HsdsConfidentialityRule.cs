using System;
using System.Collections.Immutable;
using System.Text.Json;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Which locations of one HSDS source are confidential (their street address, ZIP code and point never reach a public
/// result). HSDS has no standard flag, so a source says it in one of three ways, any of which makes a location
/// confidential: a taxonomy term code on the location's <c>attributes</c> (<see cref="TermCodes"/>, any vocabulary), a
/// <c>location_type</c> value (<see cref="LocationTypes"/>), or the location's id (<see cref="LocationIds"/>). Whatever
/// the rule, the term our export writes (vocabulary <c>nhtrc</c>, code <c>confidential-location</c>) always marks a
/// location confidential, and by the safe default every location of a service whose types include
/// <see cref="Contacts.ServiceType.EmergencyShelter"/> is confidential (<see cref="ShelterLocationsConfidential"/>).
/// Nothing here makes a location public that another rule marks confidential. Immutable.
/// </summary>
public sealed class HsdsConfidentialityRule
{
    /// <summary>The term code of the default rule and of our export: <c>confidential-location</c>.</summary>
    public const string DefaultTermCode = HsdsTaxonomy.ConfidentialLocationCode;

    /// <summary>The default rule: the <c>confidential-location</c> term, and every shelter location.</summary>
    public static HsdsConfidentialityRule Default { get; } = new();

    /// <summary>
    /// Term codes that mark a location confidential when on its <c>attributes</c>, in any vocabulary, compared ignoring
    /// case after trimming; <c>[confidential-location]</c> by default. A default (uninitialized) array reads as empty.
    /// </summary>
    /// <exception cref="ArgumentException">An item is null or blank.</exception>
    public ImmutableArray<string> TermCodes { get; init => field = Check(value, nameof(TermCodes)); } = [DefaultTermCode];

    /// <summary>
    /// <c>location_type</c> values that mark a location confidential (a source may use its own value, such as
    /// <c>confidential</c>), compared ignoring case after trimming; empty by default.
    /// </summary>
    /// <exception cref="ArgumentException">An item is null or blank.</exception>
    public ImmutableArray<string> LocationTypes { get; init => field = Check(value, nameof(LocationTypes)); } = [];

    /// <summary>Ids of confidential locations (<c>location.id</c>, or the <c>location_id</c> of the row that holds it), compared exactly; empty by default.</summary>
    /// <exception cref="ArgumentException">An item is null or blank.</exception>
    public ImmutableArray<string> LocationIds { get; init => field = Check(value, nameof(LocationIds)); } = [];

    /// <summary>
    /// Whether every location of a service whose types include <see cref="Contacts.ServiceType.EmergencyShelter"/> is
    /// confidential; true by default. Turn it off only for a source whose shelter addresses are public by policy.
    /// </summary>
    public bool ShelterLocationsConfidential { get; init; } = true;

    /// <inheritdoc/>
    public override string ToString() =>
        $"HsdsConfidentialityRule: {TermCodes.Length} term codes, {LocationTypes.Length} location types, {LocationIds.Length} ids, shelters {(ShelterLocationsConfidential ? "confidential" : "by rule")}";

    /// <summary>Whether the rule (without the shelter default) marks <paramref name="location"/> confidential.</summary>
    internal bool Marks(JsonElement location, string? rowLocationId)
    {
        foreach (var (taxonomy, code, _) in HsdsTaxonomy.Terms(location, "$"))
        {
            if ((string.Equals(code, DefaultTermCode, StringComparison.OrdinalIgnoreCase) && string.Equals(taxonomy, "nhtrc", StringComparison.OrdinalIgnoreCase)) ||
                Contains(TermCodes, code))
            {
                return true;
            }
        }

        if (!LocationTypes.IsEmpty && GetString(location, "location_type")?.Trim() is { Length: > 0 } type && Contains(LocationTypes, type))
        {
            return true;
        }

        if (!LocationIds.IsEmpty)
        {
            var id = GetString(location, "id");
            foreach (var confidential in LocationIds)
            {
                if (string.Equals(id, confidential, StringComparison.Ordinal) || string.Equals(rowLocationId, confidential, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<string> values, string value)
    {
        foreach (var item in values)
        {
            if (string.Equals(item.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> Check(ImmutableArray<string> value, string name)
    {
        if (value.IsDefault)
        {
            return [];
        }

        foreach (var item in value)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                throw new ArgumentException("An item is null or blank.", name);
            }
        }

        return value;
    }
}
