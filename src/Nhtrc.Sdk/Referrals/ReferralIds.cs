using System.Collections.Immutable;
using System.Linq;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The camelCase ids that JSON documents and the command line use for the referral enums
/// (<c>emergencyShelter</c>, <c>lawfulPermanentResident</c>), matched case-sensitively. Thread-safe.
/// </summary>
public static class ReferralIds
{
    /// <summary>Every service type id, in declaration order.</summary>
    public static ImmutableArray<string> ServiceTypes { get; } = [.. System.Enum.GetValues<ServiceType>().Select(WireName<ServiceType>.Of)];

    /// <summary>The id of a service type, for example <c>emergencyShelter</c>.</summary>
    public static string Of(ServiceType value) => WireName<ServiceType>.Of(value);

    /// <summary>The id of an organization kind, for example <c>taskForce</c>.</summary>
    public static string Of(OrganizationKind value) => WireName<OrganizationKind>.Of(value);

    /// <summary>The id of a gender, for example <c>nonBinary</c>.</summary>
    public static string Of(Gender value) => WireName<Gender>.Of(value);

    /// <summary>The id of an immigration status, for example <c>usCitizen</c>.</summary>
    public static string Of(ImmigrationStatus value) => WireName<ImmigrationStatus>.Of(value);

    /// <summary>The id of a capacity, for example <c>waitlist</c>.</summary>
    public static string Of(Capacity value) => WireName<Capacity>.Of(value);

    /// <summary>Parses a service type id such as <c>legalServices</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out ServiceType value) => TryParseEnum(id, out value);

    /// <summary>Parses a gender id: <c>female</c>, <c>male</c> or <c>nonBinary</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out Gender value) => TryParseEnum(id, out value);

    /// <summary>Parses an immigration status id: <c>foreignNational</c>, <c>usCitizen</c> or <c>lawfulPermanentResident</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out ImmigrationStatus value) => TryParseEnum(id, out value);

    /// <summary>Parses a trafficking type id: <c>sex</c>, <c>labor</c>, <c>both</c> or <c>unknown</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out TraffickingType value) => TryParseEnum(id, out value);

    /// <summary>The accepted ids of <typeparamref name="T"/>, comma separated, for error messages.</summary>
    internal static string Expected<T>()
        where T : struct, System.Enum => WireName<T>.Expected;

    private static bool TryParseEnum<T>([NotNullWhen(true)] string? id, out T value)
        where T : struct, System.Enum
    {
        value = default;
        return id is not null && WireName<T>.TryParse(id, out value);
    }
}
