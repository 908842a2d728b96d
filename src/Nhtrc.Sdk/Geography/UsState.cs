using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// One of the 50 US states or the District of Columbia. There is exactly one instance per state, so
/// reference equality is value equality. Territories (PR, GU, VI, AS, MP) and military codes (AA, AE, AP)
/// are not states here.
/// </summary>
public sealed class UsState
{
    private static readonly ImmutableArray<UsState> AllStates =
    [
        new("AL", "Alabama", "01", 0),
        new("AK", "Alaska", "02", 1),
        new("AZ", "Arizona", "04", 2),
        new("AR", "Arkansas", "05", 3),
        new("CA", "California", "06", 4),
        new("CO", "Colorado", "08", 5),
        new("CT", "Connecticut", "09", 6),
        new("DE", "Delaware", "10", 7),
        new("DC", "District of Columbia", "11", 8),
        new("FL", "Florida", "12", 9),
        new("GA", "Georgia", "13", 10),
        new("HI", "Hawaii", "15", 11),
        new("ID", "Idaho", "16", 12),
        new("IL", "Illinois", "17", 13),
        new("IN", "Indiana", "18", 14),
        new("IA", "Iowa", "19", 15),
        new("KS", "Kansas", "20", 16),
        new("KY", "Kentucky", "21", 17),
        new("LA", "Louisiana", "22", 18),
        new("ME", "Maine", "23", 19),
        new("MD", "Maryland", "24", 20),
        new("MA", "Massachusetts", "25", 21),
        new("MI", "Michigan", "26", 22),
        new("MN", "Minnesota", "27", 23),
        new("MS", "Mississippi", "28", 24),
        new("MO", "Missouri", "29", 25),
        new("MT", "Montana", "30", 26),
        new("NE", "Nebraska", "31", 27),
        new("NV", "Nevada", "32", 28),
        new("NH", "New Hampshire", "33", 29),
        new("NJ", "New Jersey", "34", 30),
        new("NM", "New Mexico", "35", 31),
        new("NY", "New York", "36", 32),
        new("NC", "North Carolina", "37", 33),
        new("ND", "North Dakota", "38", 34),
        new("OH", "Ohio", "39", 35),
        new("OK", "Oklahoma", "40", 36),
        new("OR", "Oregon", "41", 37),
        new("PA", "Pennsylvania", "42", 38),
        new("RI", "Rhode Island", "44", 39),
        new("SC", "South Carolina", "45", 40),
        new("SD", "South Dakota", "46", 41),
        new("TN", "Tennessee", "47", 42),
        new("TX", "Texas", "48", 43),
        new("UT", "Utah", "49", 44),
        new("VT", "Vermont", "50", 45),
        new("VA", "Virginia", "51", 46),
        new("WA", "Washington", "53", 47),
        new("WV", "West Virginia", "54", 48),
        new("WI", "Wisconsin", "55", 49),
        new("WY", "Wyoming", "56", 50)
    ];

    private static readonly FrozenDictionary<string, UsState> ByCode =
        AllStates.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, UsState> ByFips =
        AllStates.ToFrozenDictionary(s => s.Fips, StringComparer.Ordinal);

    private UsState(string code, string name, string fips, int index)
    {
        Code = code;
        Name = name;
        Fips = fips;
        Index = index;
    }

    /// <summary>The 50 states and the District of Columbia, ordered by FIPS code (Alabama "01" to Wyoming "56").</summary>
    public static ImmutableArray<UsState> All => AllStates;

    /// <summary>The two-letter USPS code in upper case, for example <c>NY</c>.</summary>
    public string Code { get; }

    /// <summary>The full name, for example <c>New York</c> or <c>District of Columbia</c>.</summary>
    public string Name { get; }

    /// <summary>The two-digit FIPS state code with its leading zero, for example <c>06</c> for California.</summary>
    public string Fips { get; }

    /// <summary>The position in <see cref="All"/>, for arrays indexed by state.</summary>
    internal int Index { get; }

    /// <summary>Finds a state by its USPS code, ignoring case (<c>ny</c> finds New York).</summary>
    /// <returns>False for null, unknown codes and territories.</returns>
    public static bool TryGetByCode(string? code, [NotNullWhen(true)] out UsState? state)
    {
        state = null;
        return code is not null && ByCode.TryGetValue(code, out state);
    }

    /// <summary>The state with USPS code <paramref name="code"/>, ignoring case.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is not one of the 50 states or DC.</exception>
    public static UsState GetByCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryGetByCode(code, out var state))
        {
            return state;
        }

        throw new NhtrcValidationException(
            "US state code",
            [new ValidationProblem("code", $"{InputText.Describe(code)} is not the USPS code of one of the 50 states or the District of Columbia.")]);
    }

    /// <summary>Finds a state by its two-digit FIPS code, for example <c>06</c>.</summary>
    /// <returns>False for null, unknown codes and territories.</returns>
    public static bool TryGetByFips(string? fips, [NotNullWhen(true)] out UsState? state)
    {
        state = null;
        return fips is not null && ByFips.TryGetValue(fips, out state);
    }

    /// <summary>The state with two-digit FIPS code <paramref name="fips"/>, for example <c>06</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fips"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is not the FIPS code of one of the 50 states or DC.</exception>
    public static UsState GetByFips(string fips)
    {
        ArgumentNullException.ThrowIfNull(fips);
        if (TryGetByFips(fips, out var state))
        {
            return state;
        }

        throw new NhtrcValidationException(
            "US state FIPS code",
            [new ValidationProblem("fips", $"{InputText.Describe(fips)} is not the two-digit FIPS code of one of the 50 states or the District of Columbia.")]);
    }

    /// <summary>Returns the USPS code, for example <c>NY</c>.</summary>
    public override string ToString() => Code;
}
