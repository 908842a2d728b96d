using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>One entry of an <see cref="HsdsTaxonomyMap"/>: the vocabulary names and code pattern it matches, and what a matching term adds to a service. Immutable.</summary>
public sealed class HsdsTermMapping
{
    internal HsdsTermMapping(
        ImmutableArray<string> names,
        string pattern,
        ImmutableArray<ServiceType> types,
        ImmutableArray<Gender> genders,
        ImmutableArray<TraffickingType> traffickingTypes,
        ImmutableArray<ImmigrationStatus> immigrationStatuses)
    {
        Names = names;
        Pattern = pattern;
        IsWildcard = pattern.EndsWith('*');
        Prefix = IsWildcard ? pattern[..^1] : pattern;
        Types = types;
        Genders = genders;
        TraffickingTypes = traffickingTypes;
        ImmigrationStatuses = immigrationStatuses;
    }

    /// <summary>The vocabulary names the entry applies to, as written in the table.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The code pattern: a code, or a prefix followed by <c>*</c>.</summary>
    public string Pattern { get; }

    /// <summary>The service types a matching term gives, in table order; may be empty when the entry gives population facets only.</summary>
    public ImmutableArray<ServiceType> Types { get; }

    /// <summary>The genders a matching term restricts the population to (added to those of other terms); usually empty.</summary>
    public ImmutableArray<Gender> Genders { get; }

    /// <summary>The forms of trafficking (<see cref="TraffickingType.Sex"/>, <see cref="TraffickingType.Labor"/>) a matching term restricts the population to; usually empty.</summary>
    public ImmutableArray<TraffickingType> TraffickingTypes { get; }

    /// <summary>The immigration statuses a matching term restricts the population to; usually empty.</summary>
    public ImmutableArray<ImmigrationStatus> ImmigrationStatuses { get; }

    /// <summary>Whether <see cref="Pattern"/> is a prefix wildcard.</summary>
    internal bool IsWildcard { get; }

    /// <summary>The pattern without its <c>*</c>.</summary>
    internal string Prefix { get; }

    /// <summary>Returns the first name and the pattern, for example <c>AIRS BH-1800*</c>.</summary>
    public override string ToString() => $"{Names[0]} {Pattern}";
}
