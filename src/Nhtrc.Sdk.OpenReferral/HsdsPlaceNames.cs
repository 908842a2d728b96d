using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// What matching area names needs of a gazetteer, made once per gazetteer: each state's counties with their names
/// folded for comparison (<see cref="HsdsAreas.Fold"/>), and the counties no ZIP code lies in.
/// </summary>
internal sealed class HsdsPlaceNames
{
    private static readonly ConditionalWeakTable<Gazetteer, HsdsPlaceNames> ByGazetteer = [];

    private readonly Dictionary<UsState, ImmutableArray<(string Folded, UsCounty County)>> _counties = [];

    private HsdsPlaceNames(Gazetteer gazetteer)
    {
        var zipLess = ImmutableArray.CreateBuilder<UsCounty>();
        foreach (var state in UsState.All)
        {
            var counties = gazetteer.CountiesIn(state);
            var folded = ImmutableArray.CreateBuilder<(string, UsCounty)>(counties.Length);
            foreach (var county in counties)
            {
                folded.Add((HsdsAreas.Fold(county.Name), county));
            }

            _counties[state] = folded.MoveToImmutable();
        }

        foreach (var county in gazetteer.Counties)
        {
            if (county.ZipCount == 0)
            {
                zipLess.Add(county);
            }
        }

        ZipLessCounties = zipLess.ToImmutable();
    }

    /// <summary>The counties no ZIP code lies in, by FIPS code.</summary>
    public ImmutableArray<UsCounty> ZipLessCounties { get; }

    public static HsdsPlaceNames For(Gazetteer gazetteer) => ByGazetteer.GetValue(gazetteer, static g => new HsdsPlaceNames(g));

    /// <summary>The state's counties in the gazetteer's order, each with its folded name.</summary>
    public ImmutableArray<(string Folded, UsCounty County)> CountiesIn(UsState state) => _counties[state];
}
