using System;
using System.Diagnostics;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// The person contacting the hotline: their role, whether they stay anonymous, their preferred language,
/// and optionally where they are and what personal data they share. Immutable; equality is by value.
/// <see cref="ToString"/> never reveals personal data.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record Caller
{
    /// <summary>Creates a caller.</summary>
    /// <param name="role">Who the caller is.</param>
    /// <param name="isAnonymous">
    /// True when the caller does not identify themselves. An anonymous caller's personal data may hold a
    /// narrative but no name, phone, email or address.
    /// </param>
    /// <param name="preferredLanguage">The language to answer in.</param>
    /// <param name="location">Where the caller or situation is, if shared.</param>
    /// <param name="personalData">What the caller shared that identifies anyone, if anything.</param>
    /// <exception cref="ArgumentNullException"><paramref name="preferredLanguage"/> is null.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="role"/> is not defined, or an anonymous caller has identifying data.</exception>
    public Caller(CallerRole role, bool isAnonymous, LanguageTag preferredLanguage, CallerLocation? location = null, PersonalData? personalData = null)
    {
        ArgumentNullException.ThrowIfNull(preferredLanguage);
        var problems = new ProblemList();
        Validate(problems, role, isAnonymous, personalData?.Name is not null, personalData?.Phone is not null,
            personalData?.Email is not null, personalData?.Address is not null, nameof(role), nameof(personalData));
        problems.ThrowIfAny("caller");
        Role = role;
        IsAnonymous = isAnonymous;
        PreferredLanguage = preferredLanguage;
        Location = location;
        PersonalData = personalData;
    }

    /// <summary>Who the caller is.</summary>
    public CallerRole Role { get; }

    /// <summary>True when the caller does not identify themselves; then <see cref="PersonalData"/> holds at most a narrative.</summary>
    public bool IsAnonymous { get; }

    /// <summary>The language to answer in.</summary>
    public LanguageTag PreferredLanguage { get; }

    /// <summary>Where the caller or the situation is, or null if not shared.</summary>
    public CallerLocation? Location { get; }

    /// <summary>The personal data shared, or null if none.</summary>
    public PersonalData? PersonalData { get; }

    /// <summary>
    /// Returns role, anonymity, language and location; personal data appears only as the names of the
    /// values present, for example <c>Caller { Role = CommunityMember, IsAnonymous = False, PreferredLanguage = es,
    /// Location = CallerLocation { State = TX }, PersonalData = PersonalData { Phone = [redacted] } }</c>.
    /// </summary>
    public override string ToString() =>
        $"Caller {{ Role = {Role}, IsAnonymous = {IsAnonymous}, PreferredLanguage = {PreferredLanguage}, " +
        $"Location = {Location?.ToString() ?? "null"}, PersonalData = {PersonalData?.ToString() ?? "null"} }}";

    internal static void Validate(
        ProblemList problems, CallerRole role, bool isAnonymous, bool hasName, bool hasPhone, bool hasEmail, bool hasAddress,
        string roleLocation, string personalDataLocation)
    {
        problems.Check(roleLocation, ContactRules.Defined(role));
        if (isAnonymous && (hasName || hasPhone || hasEmail || hasAddress))
        {
            problems.Add(personalDataLocation, "must not hold a name, phone, email or address for an anonymous caller.");
        }
    }
}
