using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>Settings of a feed check (<see cref="HsdsFeedCheck"/>). Immutable.</summary>
public sealed record HsdsFeedCheckOptions
{
    /// <summary>The default settings.</summary>
    public static HsdsFeedCheckOptions Default { get; } = new();

    /// <summary>
    /// Limits of what is read: one document (or one API answer) at most <see cref="ReadLimits.MaxDocumentBytes"/>, nesting
    /// at most <see cref="ReadLimits.MaxDepth"/>, at most <see cref="ReadLimits.MaxListLength"/> records, and at most
    /// <see cref="ReadLimits.MaxProblems"/> problems listed (then one problem says how many more there were).
    /// </summary>
    public ReadLimits Limits { get; init => field = value ?? ReadLimits.Default; } = ReadLimits.Default;

    /// <summary>
    /// The kind of every record of a file; null (the default) detects each record's kind from its fields (a
    /// <c>service</c> object: a service_at_location; <c>status</c> or another field only services have: a service; a
    /// field only organizations have, or a <c>description</c> without <c>status</c>: an organization). Taxonomies and
    /// taxonomy terms are checked only when given here. Not used for a live API, whose endpoints say the kind.
    /// </summary>
    public HsdsRecordKind? Kind { get; init; }

    /// <summary>
    /// Whether the JSON Schema <c>format</c>s (<c>uuid</c>, <c>uri</c>, <c>email</c>, <c>date-time</c>) are checked too;
    /// false by default, as JSON Schema 2020-12 makes them annotations. The dates and times the data package types
    /// (<c>datapackage_type</c> date, time, datetime) are always checked.
    /// </summary>
    public bool RequireFormats { get; init; }

    /// <summary>
    /// For a live API, the most ids of each list endpoint whose <c>/{id}</c> is fetched and checked, from 0; null (the
    /// default) fetches every id the lists returned.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxIds
    {
        get;
        init => field = value is null or >= 0 ? value : throw new System.ArgumentOutOfRangeException(nameof(value), value, "MaxIds must be 0 or more.");
    }
}
