namespace Nhtrc.Sdk.OpenReferral;

/// <summary>The kinds of HSDS 3.0 record a feed publishes, each with its list endpoint and its schema.</summary>
public enum HsdsRecordKind
{
    /// <summary>A compiled <c>service</c> (<c>/services</c>, schema service.json).</summary>
    Service,

    /// <summary>A compiled <c>organization</c> with its <c>services</c> (<c>/organizations</c>, schema organization.json).</summary>
    Organization,

    /// <summary>A <c>service_at_location</c> with its <c>service</c> and <c>location</c> (<c>/service_at_locations</c>).</summary>
    ServiceAtLocation,

    /// <summary>A <c>taxonomy</c> (<c>/taxonomies</c>, schema taxonomy.json).</summary>
    Taxonomy,

    /// <summary>A <c>taxonomy_term</c> (<c>/taxonomy_terms</c>, schema taxonomy_term.json).</summary>
    TaxonomyTerm,
}
