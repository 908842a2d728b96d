using System;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// A caller's consent to one use of their information (<see cref="ConsentScope"/>) by one named
/// recipient, from <see cref="GrantedAt"/> until it expires or is revoked. Consent is recorded, never
/// required: the hotline serves a caller who gives none. Immutable; equality is by value. Holds no
/// personal data.
/// </summary>
public sealed record Consent
{
    /// <summary>Creates a consent.</summary>
    /// <param name="scope">What is consented to.</param>
    /// <param name="recipient">
    /// The id of the one organization or agency that may receive the information, for example <c>fbi</c>:
    /// 1 to 128 ASCII letters, digits, '.', '_', ':' or '-'; stored lowercase. There is no wildcard: a
    /// consent to "anyone" is not informed consent, so <c>*</c> is rejected.
    /// </param>
    /// <param name="grantedAt">When consent was given.</param>
    /// <param name="expiresAt">When it lapses (exclusive), or null if it does not; must be later than <paramref name="grantedAt"/>.</param>
    /// <param name="revokedAt">When the caller withdrew it, or null; must not be earlier than <paramref name="grantedAt"/>.</param>
    /// <exception cref="NhtrcValidationException">Any argument is invalid; every problem is listed.</exception>
    public Consent(ConsentScope scope, string recipient, Instant grantedAt, Instant? expiresAt = null, Instant? revokedAt = null)
    {
        var problems = new ProblemList();
        Validate(problems, scope, recipient, grantedAt, expiresAt, revokedAt, nameof(scope), nameof(recipient), nameof(expiresAt), nameof(revokedAt));
        problems.ThrowIfAny("consent");
        Scope = scope;
        Recipient = recipient.ToLowerInvariant();
        GrantedAt = grantedAt;
        ExpiresAt = expiresAt;
        RevokedAt = revokedAt;
    }

    /// <summary>What is consented to.</summary>
    public ConsentScope Scope { get; }

    /// <summary>The lowercase id of the organization or agency consented to, for example <c>fbi</c>.</summary>
    public string Recipient { get; }

    /// <summary>When consent was given (inclusive start of validity).</summary>
    public Instant GrantedAt { get; }

    /// <summary>When consent lapses (exclusive end of validity), or null if it does not.</summary>
    public Instant? ExpiresAt { get; }

    /// <summary>When the caller withdrew consent (exclusive end of validity), or null if they have not.</summary>
    public Instant? RevokedAt { get; }

    /// <summary>
    /// True when this consent allows <paramref name="scope"/> for <paramref name="recipient"/> at instant
    /// <paramref name="at"/>: the scope is equal, the recipient equal ignoring ASCII case, and
    /// <c>GrantedAt &lt;= at</c>, <c>at &lt; ExpiresAt</c> (if any) and <c>at &lt; RevokedAt</c> (if any).
    /// So consent is valid from the instant it is granted, and no longer valid at the instant it expires or
    /// is revoked. A consent for one recipient never covers another.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    public bool IsValidAt(Instant at, ConsentScope scope, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return scope == Scope
            && string.Equals(recipient, Recipient, StringComparison.OrdinalIgnoreCase)
            && GrantedAt <= at
            && (ExpiresAt is not { } expires || at < expires)
            && (RevokedAt is not { } revoked || at < revoked);
    }

    /// <summary>
    /// Returns this consent withdrawn at <paramref name="at"/>; if it was already revoked earlier, the
    /// earlier revocation stands.
    /// </summary>
    /// <exception cref="NhtrcValidationException"><paramref name="at"/> is earlier than <see cref="GrantedAt"/>.</exception>
    public Consent Revoke(Instant at) =>
        RevokedAt is { } revoked && revoked <= at ? this : new Consent(Scope, Recipient, GrantedAt, ExpiresAt, at);

    /// <summary>Returns for example <c>Consent { LawEnforcementReport to fbi, granted 2026-07-02T22:59:00Z, expires 2026-08-01T00:00:00Z }</c>.</summary>
    public override string ToString()
    {
        var text = $"Consent {{ {Scope} to {Recipient}, granted {Format(GrantedAt)}";
        if (ExpiresAt is { } expires)
        {
            text += $", expires {Format(expires)}";
        }

        if (RevokedAt is { } revoked)
        {
            text += $", revoked {Format(revoked)}";
        }

        return text + " }";
    }

    internal static void Validate(
        ProblemList problems, ConsentScope scope, string? recipient, Instant grantedAt, Instant? expiresAt, Instant? revokedAt,
        string scopeLocation, string recipientLocation, string expiresAtLocation, string revokedAtLocation)
    {
        problems.Check(scopeLocation, ContactRules.Defined(scope));
        problems.Check(recipientLocation, ContactRules.Recipient(recipient));
        problems.Check(expiresAtLocation, ContactRules.Interval(grantedAt, expiresAt));
        problems.Check(revokedAtLocation, ContactRules.Revocation(grantedAt, revokedAt));
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
