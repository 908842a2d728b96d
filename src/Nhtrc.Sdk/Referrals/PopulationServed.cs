using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Who a service is for. An absent bound or an empty list means no restriction. Immutable once
/// initialized; a default (uninitialized) list reads as empty.
/// </summary>
public sealed class PopulationServed
{
    /// <summary>The largest age a bound may take: 125.</summary>
    public const int MaximumAge = 125;

    /// <summary>No restriction at all.</summary>
    public static PopulationServed Everyone { get; } = new();

    /// <summary>The youngest age served, inclusive; null for no lower bound.</summary>
    public int? MinAge { get; init; }

    /// <summary>The oldest age served, inclusive; null for no upper bound.</summary>
    public int? MaxAge { get; init; }

    /// <summary>Genders served; empty serves every gender.</summary>
    public ImmutableArray<Gender> Genders { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// Forms of trafficking served, only <see cref="TraffickingType.Sex"/> and <see cref="TraffickingType.Labor"/>;
    /// empty serves survivors of both.
    /// </summary>
    public ImmutableArray<TraffickingType> TraffickingTypes { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Immigration statuses served; empty serves every status.</summary>
    public ImmutableArray<ImmigrationStatus> ImmigrationStatuses { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// True when <paramref name="client"/> is eligible. What the client did not disclose never excludes: an
    /// unknown age passes age bounds, an age range passes when any age in it is within them, and so on. A client with <see cref="TraffickingType.Both"/> is eligible
    /// when the service serves either form.
    /// </summary>
    public bool Admits(ClientProfile client)
    {
        System.ArgumentNullException.ThrowIfNull(client);
        return IsEligible(client);
    }

    /// <summary>As <see cref="Admits"/>, without the null check: matching asks it of every candidate.</summary>
    internal bool IsEligible(ClientProfile client)
    {
        if (client.Age is { } age && ((MinAge is { } min && age.Maximum < min) || (MaxAge is { } max && age.Minimum > max)))
        {
            return false;
        }

        if (client.Gender is { } gender && !Genders.IsEmpty && !Genders.Contains(gender))
        {
            return false;
        }

        if (!TraffickingTypes.IsEmpty)
        {
            var ok = client.TraffickingType switch
            {
                TraffickingType.Sex => TraffickingTypes.Contains(TraffickingType.Sex),
                TraffickingType.Labor => TraffickingTypes.Contains(TraffickingType.Labor),
                _ => true,
            };
            if (!ok)
            {
                return false;
            }
        }

        return client.ImmigrationStatus is not { } status || ImmigrationStatuses.IsEmpty || ImmigrationStatuses.Contains(status);
    }
}
