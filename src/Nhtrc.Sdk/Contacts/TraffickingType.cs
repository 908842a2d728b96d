namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// The form of trafficking a contact appears to concern. JSON names are <c>sex</c>, <c>labor</c>,
/// <c>both</c> and <c>unknown</c>; <see cref="Unknown"/> is the default.
/// </summary>
public enum TraffickingType
{
    /// <summary>Not known, not yet assessed, or not applicable (the default).</summary>
    Unknown = 0,

    /// <summary>Sex trafficking: commercial sex induced by force, fraud or coercion, or involving a minor.</summary>
    Sex = 1,

    /// <summary>Labor trafficking: labor or services obtained by force, fraud or coercion.</summary>
    Labor = 2,

    /// <summary>Both sex and labor trafficking.</summary>
    Both = 3,
}
