using System;
using System.Globalization;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Personal data that is obviously made up, for contacts in tests: names such as <c>Sample Caller 17</c>, phone numbers
/// in the 555-0100 to 555-0199 range set aside for fiction, <c>example.org</c> addresses, a street no town has. The same
/// number always gives the same data.
/// </summary>
public static class SyntheticPersonalData
{
    /// <summary>The synthetic name, phone, email, address and narrative numbered <paramref name="number"/>.</summary>
    /// <param name="number">Any number; the phone uses its last two digits, the other values all of it.</param>
    public static PersonalData Create(int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        var line = (Math.Abs(number % 100)).ToString("00", CultureInfo.InvariantCulture);
        return new PersonalData(
            name: "Sample Caller " + n,
            phone: "(202) 555-01" + line,
            email: "sample.caller." + n.Replace('-', 'm') + "@example.org",
            address: n.TrimStart('-') + " Fictional Avenue, Exampleville",
            narrative: "Synthetic narrative " + n + ": no real person or place.");
    }

    /// <summary>
    /// True when every value present is of the synthetic kinds above: a phone whose last seven digits are 555-01xx, an
    /// email at <c>example.org</c> (or <c>example.com</c>, <c>example.net</c>), a name, address and narrative that say
    /// they are samples. A privacy test can assert it of every contact it writes.
    /// </summary>
    /// <param name="personalData">The data to check.</param>
    /// <exception cref="ArgumentNullException"><paramref name="personalData"/> is null.</exception>
    public static bool IsObviouslySynthetic(PersonalData personalData)
    {
        ArgumentNullException.ThrowIfNull(personalData);
        return (personalData.Phone is null || IsFictionalPhone(personalData.Phone.Reveal()))
            && (personalData.Email is null || IsExampleEmail(personalData.Email.Reveal()))
            && (personalData.Name is null || personalData.Name.Reveal().StartsWith("Sample ", StringComparison.Ordinal))
            && (personalData.Address is null || personalData.Address.Reveal().Contains("Fictional", StringComparison.Ordinal))
            && (personalData.Narrative is null || personalData.Narrative.Reveal().StartsWith("Synthetic", StringComparison.Ordinal));
    }

    private static bool IsFictionalPhone(string phone)
    {
        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in phone)
        {
            if (char.IsAsciiDigit(c) && count < digits.Length)
            {
                digits[count++] = c;
            }
        }

        return count >= 7 && digits[(count - 7)..count][..5].SequenceEqual("55501");
    }

    private static bool IsExampleEmail(string email) =>
        email.EndsWith("@example.org", StringComparison.OrdinalIgnoreCase)
        || email.EndsWith("@example.com", StringComparison.OrdinalIgnoreCase)
        || email.EndsWith("@example.net", StringComparison.OrdinalIgnoreCase);
}
