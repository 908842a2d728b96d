using System.Collections.Immutable;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Where a service is offered: nationwide, or the union of whole states, counties, ZIP codes and discs
/// around a point. Immutable once initialized; a default (uninitialized) list reads as empty.
/// </summary>
public sealed class ServiceArea
{
    /// <summary>The whole country: the 50 states, DC and the five territories.</summary>
    public static ServiceArea Nationwide { get; } = new() { IsNational = true };

    /// <summary>True when the service is offered anywhere in the 50 states, DC and the territories (AS, GU, MP, PR, VI); the lists then add nothing.</summary>
    public bool IsNational { get; init; }

    /// <summary>Whole states and territories served.</summary>
    public ImmutableArray<UsState> States { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Whole counties served.</summary>
    public ImmutableArray<UsCounty> Counties { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>ZIP codes served.</summary>
    public ImmutableArray<ZipCodeInfo> Zips { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Discs served, each a radius around a point.</summary>
    public ImmutableArray<RadiusArea> Radii { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>True when the area covers nothing (not national and every list empty); a directory rejects such a service.</summary>
    public bool IsEmpty => !IsNational && States.IsEmpty && Counties.IsEmpty && Zips.IsEmpty && Radii.IsEmpty;

    /// <summary>Returns a short description, for example <c>national</c> or <c>2 states, 1 county, 3 ZIP codes, 1 radius</c>.</summary>
    public override string ToString() =>
        IsNational ? "national" : $"{States.Length} states, {Counties.Length} counties, {Zips.Length} ZIP codes, {Radii.Length} radii";
}
