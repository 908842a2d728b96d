using System.Diagnostics;
using System.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// What a caller shares that identifies them or others: name, phone, email, exact address and the free-text
/// narrative. Each value is a <see cref="Sensitive{T}"/>, readable only through
/// <see cref="Sensitive{T}.Reveal"/>; <see cref="ToString"/> names which values are present and never shows
/// them. Immutable; equality is by value.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record PersonalData
{
    /// <summary>Creates personal data from the values the caller shared; pass null for anything not shared.</summary>
    /// <param name="name">The name the caller gives (for themselves or the person they call about), up to 200 characters.</param>
    /// <param name="phone">A phone number: 7 to 15 digits, optionally a leading '+', and spaces, '-', '.', '(' or ')'.</param>
    /// <param name="email">An email address, up to 254 characters.</param>
    /// <param name="address">An exact address, up to 500 characters.</param>
    /// <param name="narrative">The advocate's free-text account of the situation, up to 20,000 characters.</param>
    /// <exception cref="NhtrcValidationException">A value is blank, too long or malformed; the message lists every such value by name and never contains any value.</exception>
    public PersonalData(string? name = null, string? phone = null, string? email = null, string? address = null, string? narrative = null)
    {
        var problems = new ProblemList();
        Validate(problems, name, phone, email, address, narrative, nameof(name), nameof(phone), nameof(email), nameof(address), nameof(narrative));
        problems.ThrowIfAny("personal data");
        Name = Wrap(name);
        Phone = Wrap(phone);
        Email = Wrap(email);
        Address = Wrap(address);
        Narrative = Wrap(narrative);
    }

    /// <summary>The name given, or null.</summary>
    public Sensitive<string>? Name { get; }

    /// <summary>The phone number given, or null.</summary>
    public Sensitive<string>? Phone { get; }

    /// <summary>The email address given, or null.</summary>
    public Sensitive<string>? Email { get; }

    /// <summary>The exact address given, or null.</summary>
    public Sensitive<string>? Address { get; }

    /// <summary>The free-text narrative, or null.</summary>
    public Sensitive<string>? Narrative { get; }

    /// <summary>True when no value is present.</summary>
    public bool IsEmpty => Name is null && Phone is null && Email is null && Address is null && Narrative is null;

    /// <summary>
    /// Returns which values are present, each shown as <see cref="Redaction.Placeholder"/>, for example
    /// <c>PersonalData { Name = [redacted], Phone = [redacted] }</c>. Never contains a value.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("PersonalData {");
        var first = true;
        Append(text, ref first, nameof(Name), Name);
        Append(text, ref first, nameof(Phone), Phone);
        Append(text, ref first, nameof(Email), Email);
        Append(text, ref first, nameof(Address), Address);
        Append(text, ref first, nameof(Narrative), Narrative);
        return text.Append(" }").ToString();
    }

    internal static void Validate(
        ProblemList problems, string? name, string? phone, string? email, string? address, string? narrative,
        string nameLocation, string phoneLocation, string emailLocation, string addressLocation, string narrativeLocation)
    {
        problems.Check(nameLocation, ContactRules.Name(name));
        problems.Check(phoneLocation, ContactRules.Phone(phone));
        problems.Check(emailLocation, ContactRules.Email(email));
        problems.Check(addressLocation, ContactRules.Address(address));
        problems.Check(narrativeLocation, ContactRules.Narrative(narrative));
    }

    private static Sensitive<string>? Wrap(string? value) => value is null ? null : new Sensitive<string>(value);

    private static void Append(StringBuilder text, ref bool first, string name, Sensitive<string>? value)
    {
        if (value is null)
        {
            return;
        }

        text.Append(first ? " " : ", ").Append(name).Append(" = ").Append(Redaction.Placeholder);
        first = false;
    }
}
