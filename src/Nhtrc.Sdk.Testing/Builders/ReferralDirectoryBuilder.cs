using System;
using System.Collections.Immutable;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Builds a referral directory for tests fluently, organization by organization and service by service, as the
/// SDK's own <see cref="ReferralDirectory"/> (every rule of docs/referrals.md checked) or as the directory JSON that
/// <see cref="ReferralDirectoryJson"/> and <see cref="JsonFileDirectorySource"/> read back to an equal directory.
/// Places resolve against one <see cref="Gazetteer"/>. Immutable: every method returns a new builder.
/// </summary>
/// <example>
/// <code>
/// var directory = new ReferralDirectoryBuilder()
///     .WithOrganization("harbor-light", "Harbor Light Shelter (fictional)", o => o
///         .WithService("harbor-light-shelter", "Emergency shelter", s => s
///             .Offering(ServiceType.EmergencyShelter)
///             .InCounties("36061")
///             .ConfidentialAtZip("10001")
///             .ForGenders(Gender.Female)))
///     .Build();
/// </code>
/// </example>
public sealed class ReferralDirectoryBuilder
{
    private readonly Gazetteer gazetteer;
    private readonly ImmutableArray<OrganizationBuilder> organizations;

    /// <summary>Starts an empty directory whose places resolve against <see cref="Gazetteer.Default"/>.</summary>
    public ReferralDirectoryBuilder()
        : this(Gazetteer.Default, [])
    {
    }

    /// <summary>Starts an empty directory whose places resolve against <paramref name="gazetteer"/>.</summary>
    /// <param name="gazetteer">Resolves ZIP codes, counties and radius centres.</param>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public ReferralDirectoryBuilder(Gazetteer gazetteer)
        : this(gazetteer ?? throw new ArgumentNullException(nameof(gazetteer)), [])
    {
    }

    private ReferralDirectoryBuilder(Gazetteer gazetteer, ImmutableArray<OrganizationBuilder> organizations)
    {
        this.gazetteer = gazetteer;
        this.organizations = organizations;
    }

    /// <summary>With an organization, made by <paramref name="configure"/> from a new <see cref="OrganizationBuilder"/> (a service provider).</summary>
    /// <param name="id">The organization's id, unique in the directory.</param>
    /// <param name="name">Its name; make it clearly fictional.</param>
    /// <param name="configure">Sets it up, for example <c>o =&gt; o.WithService("s1", "Legal aid", s =&gt; ...)</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is null or blank.</exception>
    public ReferralDirectoryBuilder WithOrganization(string id, string name, Func<OrganizationBuilder, OrganizationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return WithOrganization(configure(new OrganizationBuilder(id, name, gazetteer)));
    }

    /// <summary>With the organization <paramref name="organization"/> builds.</summary>
    /// <param name="organization">The organization's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="organization"/> is null.</exception>
    public ReferralDirectoryBuilder WithOrganization(OrganizationBuilder organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(gazetteer, organizations.Add(organization));
    }

    /// <summary>
    /// With a service provider of one service, for the common case of a test that needs services, not organizations:
    /// the organization's id is the service's followed by <c>-org</c>, its name the service's followed by <c>(fictional)</c>.
    /// </summary>
    /// <param name="service">The service's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="service"/> is null.</exception>
    public ReferralDirectoryBuilder WithService(ReferralServiceBuilder service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var built = service.Build();
        return WithOrganization(new OrganizationBuilder(built.Id + "-org", built.Name + " (fictional)", gazetteer).WithService(service));
    }

    /// <summary>Builds the organizations in the order given.</summary>
    public ImmutableArray<Organization> BuildOrganizations()
    {
        var built = ImmutableArray.CreateBuilder<Organization>(organizations.Length);
        foreach (var organization in organizations)
        {
            built.Add(organization.Build());
        }

        return built.MoveToImmutable();
    }

    /// <summary>Builds the directory with <see cref="ReferralDirectory.Create"/>.</summary>
    /// <exception cref="NhtrcValidationException">A rule of docs/referrals.md is broken; every problem is listed with its path.</exception>
    public ReferralDirectory Build() => ReferralDirectory.Create(BuildOrganizations(), gazetteer);

    /// <summary>The directory's JSON document (docs/referrals.md), which <see cref="ReferralDirectoryJson.Parse(string)"/> reads back to an equal directory.</summary>
    /// <exception cref="NhtrcValidationException">A rule of docs/referrals.md is broken; every problem is listed with its path.</exception>
    public string ToJson() => ReferralDirectoryJson.Serialize(Build());

    /// <summary>Returns the number of organizations, for example <c>ReferralDirectoryBuilder: 3 organizations</c>.</summary>
    public override string ToString() => $"ReferralDirectoryBuilder: {organizations.Length} organizations";
}
