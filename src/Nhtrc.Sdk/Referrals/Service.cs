using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// One service of an organization: what it offers, where, for whom, in which languages and when.
/// Immutable once initialized; a default (uninitialized) list reads as empty. Validated when a
/// <see cref="ReferralDirectory"/> is built from it.
/// </summary>
public sealed class Service
{
    /// <summary>The id, unique in the directory: 1 to 64 ASCII letters, digits, '.', '_' or '-'.</summary>
    public required string Id { get; init; }

    /// <summary>The service's name, for example <c>Emergency shelter</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the service offers; at least one, no repeats.</summary>
    public ImmutableArray<ServiceType> Types { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Where it is offered.</summary>
    public required ServiceArea Area { get; init; }

    /// <summary>Who it is for; <see cref="PopulationServed.Everyone"/> by default.</summary>
    public PopulationServed Population { get; init; } = PopulationServed.Everyone;

    /// <summary>Languages it is delivered in, directly or through interpreters on staff; no repeats.</summary>
    public ImmutableArray<LanguageTag> Languages { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>When it can be reached; <see cref="ServiceAvailability.AlwaysOpen"/> by default.</summary>
    public ServiceAvailability Availability { get; init; } = ServiceAvailability.AlwaysOpen;

    /// <summary>True when the hotline can conference a caller straight in (a warm transfer).</summary>
    public bool AcceptsWarmTransfers { get; init; }

    /// <summary>Whether it takes new clients; <see cref="Capacity.Accepting"/> by default.</summary>
    public Capacity Capacity { get; init; } = Capacity.Accepting;

    /// <summary>Where it is delivered; may be empty (a hotline, a remote service).</summary>
    public ImmutableArray<ServiceLocation> Locations { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>How to reach it.</summary>
    public ImmutableArray<ServiceContact> Contacts { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The date the hotline last verified the entry.</summary>
    public required LocalDate LastVerified { get; init; }

    /// <summary>Returns the id and name.</summary>
    public override string ToString() => $"{Id} {Name}";
}
