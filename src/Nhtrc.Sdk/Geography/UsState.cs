using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// One of the 50 US states, the District of Columbia or the five inhabited territories (American Samoa, Guam, the
/// Northern Mariana Islands, Puerto Rico and the U.S. Virgin Islands): the places a national hotline serves, each with
/// its USPS code, FIPS code and default time zone. <see cref="Kind"/> tells them apart. There is exactly one instance
/// per place, so reference equality is value equality. The military codes (AA, AE, AP) and the freely associated
/// states (the Marshall Islands, Micronesia, Palau) are not places here.
/// </summary>
public sealed class UsState
{
    private static readonly ImmutableArray<UsState> AllStates =
    [
        new("AL", "Alabama", "01", 0, UsStateKind.State, "America/Chicago"),
        new("AK", "Alaska", "02", 1, UsStateKind.State, "America/Anchorage"),
        new("AZ", "Arizona", "04", 2, UsStateKind.State, "America/Phoenix"),
        new("AR", "Arkansas", "05", 3, UsStateKind.State, "America/Chicago"),
        new("CA", "California", "06", 4, UsStateKind.State, "America/Los_Angeles"),
        new("CO", "Colorado", "08", 5, UsStateKind.State, "America/Denver"),
        new("CT", "Connecticut", "09", 6, UsStateKind.State, "America/New_York"),
        new("DE", "Delaware", "10", 7, UsStateKind.State, "America/New_York"),
        new("DC", "District of Columbia", "11", 8, UsStateKind.FederalDistrict, "America/New_York"),
        new("FL", "Florida", "12", 9, UsStateKind.State, "America/New_York"),
        new("GA", "Georgia", "13", 10, UsStateKind.State, "America/New_York"),
        new("HI", "Hawaii", "15", 11, UsStateKind.State, "Pacific/Honolulu"),
        new("ID", "Idaho", "16", 12, UsStateKind.State, "America/Boise"),
        new("IL", "Illinois", "17", 13, UsStateKind.State, "America/Chicago"),
        new("IN", "Indiana", "18", 14, UsStateKind.State, "America/Indiana/Indianapolis"),
        new("IA", "Iowa", "19", 15, UsStateKind.State, "America/Chicago"),
        new("KS", "Kansas", "20", 16, UsStateKind.State, "America/Chicago"),
        new("KY", "Kentucky", "21", 17, UsStateKind.State, "America/New_York"),
        new("LA", "Louisiana", "22", 18, UsStateKind.State, "America/Chicago"),
        new("ME", "Maine", "23", 19, UsStateKind.State, "America/New_York"),
        new("MD", "Maryland", "24", 20, UsStateKind.State, "America/New_York"),
        new("MA", "Massachusetts", "25", 21, UsStateKind.State, "America/New_York"),
        new("MI", "Michigan", "26", 22, UsStateKind.State, "America/Detroit"),
        new("MN", "Minnesota", "27", 23, UsStateKind.State, "America/Chicago"),
        new("MS", "Mississippi", "28", 24, UsStateKind.State, "America/Chicago"),
        new("MO", "Missouri", "29", 25, UsStateKind.State, "America/Chicago"),
        new("MT", "Montana", "30", 26, UsStateKind.State, "America/Denver"),
        new("NE", "Nebraska", "31", 27, UsStateKind.State, "America/Chicago"),
        new("NV", "Nevada", "32", 28, UsStateKind.State, "America/Los_Angeles"),
        new("NH", "New Hampshire", "33", 29, UsStateKind.State, "America/New_York"),
        new("NJ", "New Jersey", "34", 30, UsStateKind.State, "America/New_York"),
        new("NM", "New Mexico", "35", 31, UsStateKind.State, "America/Denver"),
        new("NY", "New York", "36", 32, UsStateKind.State, "America/New_York"),
        new("NC", "North Carolina", "37", 33, UsStateKind.State, "America/New_York"),
        new("ND", "North Dakota", "38", 34, UsStateKind.State, "America/Chicago"),
        new("OH", "Ohio", "39", 35, UsStateKind.State, "America/New_York"),
        new("OK", "Oklahoma", "40", 36, UsStateKind.State, "America/Chicago"),
        new("OR", "Oregon", "41", 37, UsStateKind.State, "America/Los_Angeles"),
        new("PA", "Pennsylvania", "42", 38, UsStateKind.State, "America/New_York"),
        new("RI", "Rhode Island", "44", 39, UsStateKind.State, "America/New_York"),
        new("SC", "South Carolina", "45", 40, UsStateKind.State, "America/New_York"),
        new("SD", "South Dakota", "46", 41, UsStateKind.State, "America/Chicago"),
        new("TN", "Tennessee", "47", 42, UsStateKind.State, "America/Chicago"),
        new("TX", "Texas", "48", 43, UsStateKind.State, "America/Chicago"),
        new("UT", "Utah", "49", 44, UsStateKind.State, "America/Denver"),
        new("VT", "Vermont", "50", 45, UsStateKind.State, "America/New_York"),
        new("VA", "Virginia", "51", 46, UsStateKind.State, "America/New_York"),
        new("WA", "Washington", "53", 47, UsStateKind.State, "America/Los_Angeles"),
        new("WV", "West Virginia", "54", 48, UsStateKind.State, "America/New_York"),
        new("WI", "Wisconsin", "55", 49, UsStateKind.State, "America/Chicago"),
        new("WY", "Wyoming", "56", 50, UsStateKind.State, "America/Denver"),
        new("AS", "American Samoa", "60", 51, UsStateKind.Territory, "Pacific/Pago_Pago"),
        new("GU", "Guam", "66", 52, UsStateKind.Territory, "Pacific/Guam"),
        new("MP", "Northern Mariana Islands", "69", 53, UsStateKind.Territory, "Pacific/Saipan"),
        new("PR", "Puerto Rico", "72", 54, UsStateKind.Territory, "America/Puerto_Rico"),
        new("VI", "U.S. Virgin Islands", "78", 55, UsStateKind.Territory, "America/St_Thomas")
    ];

    private static readonly FrozenDictionary<string, UsState> ByCode =
        AllStates.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, UsState> ByFips =
        AllStates.ToFrozenDictionary(s => s.Fips, StringComparer.Ordinal);

    private UsState(string code, string name, string fips, int index, UsStateKind kind, string timeZoneId)
    {
        Code = code;
        Name = name;
        Fips = fips;
        Index = index;
        Kind = kind;
        DefaultTimeZone = DateTimeZoneProviders.Tzdb[timeZoneId];
    }

    /// <summary>
    /// The 50 states, the District of Columbia and the five territories, ordered by FIPS code (Alabama "01" to Wyoming
    /// "56", then American Samoa "60", Guam "66", the Northern Mariana Islands "69", Puerto Rico "72" and the U.S.
    /// Virgin Islands "78").
    /// </summary>
    public static ImmutableArray<UsState> All => AllStates;

    /// <summary>Whether this is one of the 50 states, the District of Columbia or a territory.</summary>
    public UsStateKind Kind { get; }

    /// <summary>True for the five territories (AS, GU, MP, PR, VI).</summary>
    public bool IsTerritory => Kind == UsStateKind.Territory;

    /// <summary>
    /// The IANA time zone of most of the place's people, used wherever a place needs a local time and nothing more
    /// precise is known: <c>America/Chicago</c> for Texas (El Paso keeps Mountain time), <c>America/New_York</c> for
    /// Florida, Kentucky and the District of Columbia, <c>America/Indiana/Indianapolis</c> for Indiana,
    /// <c>America/Phoenix</c> for Arizona (no daylight saving time), <c>America/Puerto_Rico</c>,
    /// <c>America/St_Thomas</c>, <c>Pacific/Guam</c>, <c>Pacific/Saipan</c> and <c>Pacific/Pago_Pago</c> for the
    /// territories (none observes daylight saving time; Guam and Saipan are a calendar day ahead of the mainland).
    /// The hotline's own business calendar stays Eastern whatever the caller's place.
    /// </summary>
    public DateTimeZone DefaultTimeZone { get; }

    /// <summary>The two-letter USPS code in upper case, for example <c>NY</c>.</summary>
    public string Code { get; }

    /// <summary>The full name, for example <c>New York</c>, <c>District of Columbia</c> or <c>Puerto Rico</c>.</summary>
    public string Name { get; }

    /// <summary>The two-digit FIPS state code with its leading zero, for example <c>06</c> for California.</summary>
    public string Fips { get; }

    /// <summary>The position in <see cref="All"/>, for arrays indexed by state.</summary>
    internal int Index { get; }

    /// <summary>Finds a state by its USPS code, ignoring case (<c>ny</c> finds New York).</summary>
    /// <returns>False for null, unknown codes, military codes and freely associated states.</returns>
    public static bool TryGetByCode(string? code, [NotNullWhen(true)] out UsState? state)
    {
        state = null;
        return code is not null && ByCode.TryGetValue(code, out state);
    }

    /// <summary>The state with USPS code <paramref name="code"/>, ignoring case.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is not one of the 50 states, DC or the five territories.</exception>
    public static UsState GetByCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryGetByCode(code, out var state))
        {
            return state;
        }

        throw new NhtrcValidationException(
            "US state code",
            [new ValidationProblem("code", $"{InputText.Describe(code)} is not the USPS code of one of the 50 states, the District of Columbia or the territories AS, GU, MP, PR and VI.")]);
    }

    /// <summary>Finds a state by its two-digit FIPS code, for example <c>06</c>.</summary>
    /// <returns>False for null and unknown codes.</returns>
    public static bool TryGetByFips(string? fips, [NotNullWhen(true)] out UsState? state)
    {
        state = null;
        return fips is not null && ByFips.TryGetValue(fips, out state);
    }

    /// <summary>The state with two-digit FIPS code <paramref name="fips"/>, for example <c>06</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fips"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is not the FIPS code of one of the 50 states, DC or the five territories.</exception>
    public static UsState GetByFips(string fips)
    {
        ArgumentNullException.ThrowIfNull(fips);
        if (TryGetByFips(fips, out var state))
        {
            return state;
        }

        throw new NhtrcValidationException(
            "US state FIPS code",
            [new ValidationProblem("fips", $"{InputText.Describe(fips)} is not the two-digit FIPS code of one of the 50 states, the District of Columbia or the territories (60, 66, 69, 72, 78).")]);
    }

    /// <summary>Returns the USPS code, for example <c>NY</c>.</summary>
    public override string ToString() => Code;
}
