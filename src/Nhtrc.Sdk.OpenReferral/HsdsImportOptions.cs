using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>Per-source settings of an HSDS 3.0 import (docs/open-referral.md). Immutable.</summary>
public sealed record HsdsImportOptions
{
    /// <summary>The default settings.</summary>
    public static HsdsImportOptions Default { get; } = new();

    /// <summary>Resolves state, county and ZIP areas; <see cref="Gazetteer.Default"/> when null.</summary>
    public Gazetteer? Gazetteer { get; init; }

    /// <summary>
    /// The IANA zone of every schedule of the source, when set; it wins over the schedules' own <c>nhtrc-timezone</c>
    /// attribute and numeric <c>timezone</c> offset. When null (the default) each service's zone comes from its
    /// schedules, else from the state or territory of its first location, else <see cref="DefaultTimeZone"/>
    /// (docs/open-referral.md, "Time zones").
    /// </summary>
    public DateTimeZone? TimeZone { get; init; }

    /// <summary>
    /// The clock that dates the import: which <c>valid_from</c>/<c>valid_to</c> schedule rows apply today. When null
    /// (the default; the composition root chooses the clock) dated rows are not checked against today.
    /// </summary>
    public IClock? Clock { get; init; }

    /// <summary>Limits on the document read.</summary>
    public ReadLimits Limits { get; init; } = ReadLimits.Default;

    /// <summary>
    /// The service types given to a service whose taxonomy terms map to none (through <see cref="TaxonomyMap"/> or our own
    /// vocabulary); when empty such a service is reported as an error and left out.
    /// </summary>
    public ImmutableArray<ServiceType> DefaultTypes { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// The verification date of a service with no <c>assured_date</c> and no <c>last_modified</c>; when null such a
    /// service is reported as an error and left out.
    /// </summary>
    public LocalDate? DefaultLastVerified { get; init; }

    /// <summary>
    /// Maps the source's taxonomy terms (Open Eligibility, 211/AIRS, a local vocabulary) to our service types;
    /// <see cref="HsdsTaxonomyMap.Default"/> when null.
    /// </summary>
    public HsdsTaxonomyMap? TaxonomyMap { get; init; }

    /// <summary>Which of the source's locations are confidential; <see cref="HsdsConfidentialityRule.Default"/> when null.</summary>
    public HsdsConfidentialityRule? Confidentiality { get; init; }

    /// <summary>
    /// The zone of a schedule when <see cref="TimeZone"/> is not set and the schedule names no zone that resolves (no
    /// <c>nhtrc-timezone</c> attribute, no <c>timezone</c> offset in the US table) and the service has no location whose
    /// state or territory gives a zone; America/New_York by default.
    /// </summary>
    public DateTimeZone DefaultTimeZone { get; init; } = DateTimeZoneProviders.Tzdb["America/New_York"];
}
