using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Nhtrc.Sdk.Referrals;

/// <summary>Where a merged record came from: its source's key and name, and its id there. Immutable.</summary>
/// <param name="Key">The source's key in the merge (the prefix of the merged id).</param>
/// <param name="Source">The source's name, as its report gives it.</param>
/// <param name="OriginalId">The record's id in the source.</param>
public sealed record ServiceOrigin(string Key, string Source, string OriginalId);

/// <summary>The origin of one merged service, and of the records of later sources found to be the same service. Immutable.</summary>
/// <param name="Id">The service's id in the merged directory.</param>
/// <param name="Origin">The source whose record was kept.</param>
/// <param name="Duplicates">The records of later sources folded into this one, in source order.</param>
public sealed record ServiceProvenance(string Id, ServiceOrigin Origin, ImmutableArray<ServiceOrigin> Duplicates);

/// <summary>The provenance of every service of a merged directory (<see cref="DirectoryMerge"/>). Immutable and thread-safe.</summary>
public sealed class DirectoryProvenance
{
    private readonly ImmutableDictionary<string, ServiceProvenance> _byId;

    /// <summary>Creates the provenance of services.</summary>
    /// <param name="services">One entry per merged service; ids are distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException">An id repeats.</exception>
    public DirectoryProvenance(IEnumerable<ServiceProvenance> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = [.. services];
        _byId = Services.ToImmutableDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>Every merged service's provenance, in directory order.</summary>
    public ImmutableArray<ServiceProvenance> Services { get; }

    /// <summary>The provenance of the merged service <paramref name="serviceId"/>, or null when the directory has no such service.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="serviceId"/> is null.</exception>
    public ServiceProvenance? Of(string serviceId)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        return _byId.GetValueOrDefault(serviceId);
    }

    /// <inheritdoc/>
    public override string ToString() => $"DirectoryProvenance: {Services.Length} services, {Services.Sum(s => s.Duplicates.Length)} duplicates folded";
}
