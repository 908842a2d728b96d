using System;
using System.Collections.Immutable;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Builds a referral-directory <see cref="Organization"/> fluently: its kind (a service provider by default), web site,
/// co-leads and services. Immutable: every method returns a new builder.
/// </summary>
public sealed class OrganizationBuilder
{
    private readonly string id;
    private readonly string name;
    private readonly Gazetteer gazetteer;
    private readonly OrganizationKind kind;
    private readonly string? website;
    private readonly ImmutableArray<string> coLeads;
    private readonly ImmutableArray<ReferralServiceBuilder> services;

    /// <summary>Starts a service provider with no services, resolving its services' places against <see cref="Gazetteer.Default"/>.</summary>
    /// <param name="id">The organization's id, unique in the directory (1 to 64 ASCII letters, digits, '.', '_' or '-').</param>
    /// <param name="name">Its name; make it clearly fictional, such as <c>Harbor Light Shelter (fictional)</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is null or blank.</exception>
    public OrganizationBuilder(string id, string name)
        : this(id, name, Gazetteer.Default)
    {
    }

    /// <summary>Starts a service provider with no services, resolving its services' places against <paramref name="gazetteer"/>.</summary>
    /// <param name="id">The organization's id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="gazetteer">Resolves the places of the services added with <see cref="WithService(string, string, Func{ReferralServiceBuilder, ReferralServiceBuilder})"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public OrganizationBuilder(string id, string name, Gazetteer gazetteer)
        : this(Check(id), Check(name), gazetteer ?? throw new ArgumentNullException(nameof(gazetteer)), OrganizationKind.ServiceProvider, null, [], [])
    {
    }

    private OrganizationBuilder(
        string id, string name, Gazetteer gazetteer, OrganizationKind kind, string? website, ImmutableArray<string> coLeads, ImmutableArray<ReferralServiceBuilder> services)
    {
        this.id = id;
        this.name = name;
        this.gazetteer = gazetteer;
        this.kind = kind;
        this.website = website;
        this.coLeads = coLeads;
        this.services = services;
    }

    /// <summary>The organization's id.</summary>
    public string Id => id;

    /// <summary>Of kind <paramref name="organizationKind"/>.</summary>
    /// <param name="organizationKind">The kind.</param>
    public OrganizationBuilder OfKind(OrganizationKind organizationKind) => new(id, name, gazetteer, organizationKind, website, coLeads, services);

    /// <summary>With web site <paramref name="url"/> (fictional: <c>https://example.org/harbor-light</c>).</summary>
    /// <param name="url">The link.</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is null or blank.</exception>
    public OrganizationBuilder WithWebsite(string url) => new(id, name, gazetteer, kind, Check(url), coLeads, services);

    /// <summary>For a task force or coalition, led by the organizations <paramref name="organizationIds"/> (a task force needs a law-enforcement and a service-provider co-lead).</summary>
    /// <param name="organizationIds">The co-leads' ids, organizations of the same directory.</param>
    public OrganizationBuilder LedBy(params ReadOnlySpan<string> organizationIds) =>
        new(id, name, gazetteer, kind, website, coLeads.AddRange(organizationIds), services);

    /// <summary>With a service, made by <paramref name="configure"/> from a new <see cref="ReferralServiceBuilder"/>.</summary>
    /// <param name="serviceId">The service's id, unique in the directory.</param>
    /// <param name="serviceName">The service's name.</param>
    /// <param name="configure">Sets the service up, for example <c>s =&gt; s.Offering(ServiceType.LegalServices).InStates("NY")</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public OrganizationBuilder WithService(string serviceId, string serviceName, Func<ReferralServiceBuilder, ReferralServiceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return WithService(configure(new ReferralServiceBuilder(serviceId, serviceName, gazetteer)));
    }

    /// <summary>With the service <paramref name="service"/> builds.</summary>
    /// <param name="service">The service's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="service"/> is null.</exception>
    public OrganizationBuilder WithService(ReferralServiceBuilder service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new(id, name, gazetteer, kind, website, coLeads, services.Add(service));
    }

    /// <summary>Builds the organization; the directory it goes into checks it (<see cref="ReferralDirectory.Create"/>).</summary>
    public Organization Build()
    {
        var built = ImmutableArray.CreateBuilder<Service>(services.Length);
        foreach (var service in services)
        {
            built.Add(service.Build());
        }

        return new Organization { Id = id, Name = name, Kind = kind, Website = website, CoLeadIds = coLeads, Services = built.MoveToImmutable() };
    }

    /// <summary>Returns the id and name.</summary>
    public override string ToString() => $"{id} {name}";

    private static string Check(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return text;
    }
}
