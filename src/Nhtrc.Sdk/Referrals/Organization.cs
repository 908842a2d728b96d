using System.Collections.Immutable;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// An organization in the referral directory and its services. Immutable once initialized; a default
/// (uninitialized) list reads as empty. Validated when a <see cref="ReferralDirectory"/> is built from it.
/// </summary>
public sealed class Organization
{
    /// <summary>The id, unique in the directory: 1 to 64 ASCII letters, digits, '.', '_' or '-'.</summary>
    public required string Id { get; init; }

    /// <summary>The organization's name.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of organization it is.</summary>
    public required OrganizationKind Kind { get; init; }

    /// <summary>The web site; may be null.</summary>
    public string? Website { get; init; }

    /// <summary>
    /// For a task force or coalition, the ids of the organizations that lead it. A task force must have at
    /// least one law-enforcement co-lead and one service-provider co-lead, both in the directory.
    /// </summary>
    public ImmutableArray<string> CoLeadIds { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Its services; may be empty.</summary>
    public ImmutableArray<Service> Services { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Returns the id and name.</summary>
    public override string ToString() => $"{Id} {Name}";
}
