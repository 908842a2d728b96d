using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>One organization of a result's <see cref="ReferralResult.Plan"/>: the needs it adds and the service chosen for each.</summary>
public sealed record ReferralPlanStep
{
    internal ReferralPlanStep(string organizationId, string organizationName, ImmutableArray<ServiceType> needs, ImmutableArray<string> serviceIds)
    {
        OrganizationId = organizationId;
        OrganizationName = organizationName;
        Needs = needs;
        ServiceIds = serviceIds;
    }

    /// <summary>The organization's id.</summary>
    public string OrganizationId { get; }

    /// <summary>The organization's name.</summary>
    public string OrganizationName { get; }

    /// <summary>The needs this step covers that earlier steps did not, in the query's order.</summary>
    public ImmutableArray<ServiceType> Needs { get; }

    /// <summary>For each of <see cref="Needs"/>, the id of the organization's best-scoring eligible service offering it.</summary>
    public ImmutableArray<string> ServiceIds { get; }

    /// <summary>Returns for example <c>org-12 Sample Legal Aid (fictional): legalServices</c>.</summary>
    public override string ToString() => $"{OrganizationId} {OrganizationName}: {string.Join(", ", Needs.Select(WireNames.Of))}";
}
