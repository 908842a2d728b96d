using System;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// Something a caller needs a referral for, as a contact or a triage rule names it: a <see cref="Contacts.ServiceType"/>
/// of the directory's vocabulary (<c>emergencyShelter</c>), or a camelCase id outside it (<c>runawayAndHomelessYouth</c>),
/// kept as written so that a valid contact stays valid; referral matching reports such a need as skipped. Every
/// <see cref="Contacts.ServiceType"/> converts to a need implicitly. Immutable; equal when the ids are equal (ordinal).
/// </summary>
public sealed class ReferralNeed : IEquatable<ReferralNeed>
{
    private static readonly ReferralNeed[] Known = CreateKnown();

    private ReferralNeed(string id, ServiceType? serviceType)
    {
        Id = id;
        ServiceType = serviceType;
    }

    /// <summary>The camelCase id: the service type's wire name, or the id as written.</summary>
    public string Id { get; }

    /// <summary>The service type this need is; null when the id is outside the vocabulary.</summary>
    public ServiceType? ServiceType { get; }

    /// <summary>True when the need is a <see cref="Contacts.ServiceType"/>, so referrals can be searched for it.</summary>
    [MemberNotNullWhen(true, nameof(ServiceType))]
    public bool IsServiceType => ServiceType is not null;

    /// <summary>The need for <paramref name="serviceType"/>.</summary>
    /// <param name="serviceType">A defined service type.</param>
    /// <exception cref="NhtrcValidationException"><paramref name="serviceType"/> is not a defined member.</exception>
    public static ReferralNeed Of(ServiceType serviceType) =>
        (uint)serviceType < (uint)Known.Length && Known[(int)serviceType] is { } need
            ? need
            : throw new NhtrcValidationException("referral need", [new ValidationProblem("serviceType", $"{(int)serviceType} is not a service type.")]);

    /// <summary>Reads a need from its id: a service type's wire name, or any other camelCase id.</summary>
    /// <param name="id">A camelCase identifier of up to 64 ASCII letters and digits, such as <c>emergencyShelter</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="id"/> is not a camelCase identifier.</exception>
    public static ReferralNeed Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryParse(id, out var need)
            ? need
            : throw new NhtrcValidationException("referral need", [new ValidationProblem("id", $"{InputText.Describe(id)} {ContactRules.CamelCaseId(id)}")]);
    }

    /// <summary>Reads a need from its id; false, with null, when <paramref name="id"/> is not a camelCase identifier.</summary>
    /// <param name="id">The id, such as <c>emergencyShelter</c>.</param>
    /// <param name="need">The need read.</param>
    public static bool TryParse([NotNullWhen(true)] string? id, [NotNullWhen(true)] out ReferralNeed? need)
    {
        need = id is not null && ContactRules.CamelCaseId(id) is null ? FromValidId(id) : null;
        return need is not null;
    }

    /// <summary>The need for <paramref name="serviceType"/>; see <see cref="Of"/>.</summary>
    /// <param name="serviceType">A defined service type.</param>
    /// <exception cref="NhtrcValidationException"><paramref name="serviceType"/> is not a defined member.</exception>
    public static implicit operator ReferralNeed(ServiceType serviceType) => Of(serviceType);

    /// <summary>True when both are null or have the same id.</summary>
    /// <param name="left">A need.</param>
    /// <param name="right">Another need.</param>
    public static bool operator ==(ReferralNeed? left, ReferralNeed? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True when the ids differ.</summary>
    /// <param name="left">A need.</param>
    /// <param name="right">Another need.</param>
    public static bool operator !=(ReferralNeed? left, ReferralNeed? right) => !(left == right);

    /// <summary>True when <paramref name="other"/> has the same id.</summary>
    /// <param name="other">The need to compare with.</param>
    public bool Equals(ReferralNeed? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ReferralNeed);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>The id.</summary>
    public override string ToString() => Id;

    /// <summary>The need of an id already checked to be a camelCase identifier.</summary>
    internal static ReferralNeed FromValidId(string id) =>
        WireNames.TryParse(id, out ServiceType type) ? Known[(int)type] : new ReferralNeed(id, null);

    private static ReferralNeed[] CreateKnown()
    {
        var values = Enum.GetValues<ServiceType>();
        var known = new ReferralNeed[(int)values[^1] + 1];
        foreach (var value in values)
        {
            known[(int)value] = new ReferralNeed(WireNames.Of(value), value);
        }

        return known;
    }
}
