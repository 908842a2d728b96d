using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

/// <summary>A contact whose personal data is random, with the fragments that must never leak.</summary>
public sealed record SecretContact(Contact Contact, IReadOnlyList<string> Secrets)
{
    public PersonalData PersonalData => Contact.Caller.PersonalData!;

    // FsCheck prints failing inputs; printing the secrets is what a failing test needs to show.
    public override string ToString() => "secrets: " + string.Join(" | ", Secrets);
}

public static class PrivacyArbitraries
{
    // Long random tokens cannot occur by chance in what the SDK writes itself.
    private const string TokenChars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static readonly char[] Unicode = ['é', 'ß', 'ñ', '中', '文', 'Ж', 'ü'];

    public static Arbitrary<SecretContact> SecretContact() =>
        (from name1 in Token()
         from name2 in Token()
         from digits in Gen.ArrayOf(Gen.Choose(0, 9), 10)
         from emailUser in Token()
         from emailDomain in Token()
         from street in Token()
         from words in Gen.ArrayOf(Token(), 3)
         from accent in Gen.Elements(Unicode)
         from include in Gen.ArrayOf(Gen.Elements(true, false), 5)
         from kind in Gen.Elements(RequestKind.Crisis, RequestKind.Tip, RequestKind.Referral, RequestKind.HighRisk)
         select Build(
             include[0] ? $"{name1} {name2}" : null,
             include[1] ? $"+1 ({string.Concat(digits.Take(3))}) {string.Concat(digits.Skip(3).Take(3))}-{string.Concat(digits.Skip(6))}" : null,
             include[2] ? $"{emailUser}@{emailDomain.ToLowerInvariant()}.example.org" : null,
             include[3] ? $"{digits[0] + 1}{digits[1]} {street} Street" : null,
             include[4] || !include.Take(4).Contains(true) ? $"{words[0]} {accent}{words[1]} {words[2]}" : null,
             kind)).ToArbitrary();

    private static Gen<string> Token() =>
        from length in Gen.Choose(8, 16)
        from chars in Gen.ArrayOf(Gen.Elements(TokenChars.ToCharArray()), length)
        select new string(chars);

    private static SecretContact Build(string? name, string? phone, string? email, string? address, string? narrative, RequestKind kind)
    {
        var data = new PersonalData(name, phone, email, address, narrative);
        var contact = ContactExamples.Contact(kind, data);
        var secrets = new List<string>();
        foreach (var value in new[] { name, phone, email, address, narrative })
        {
            if (value is null)
            {
                continue;
            }

            secrets.Add(value);
            secrets.Add(JsonEncodedText.Encode(value).ToString());
            secrets.AddRange(value.Split(' ', '@', '(', ')', '-').Where(part => part.Length >= 8));
        }

        if (phone is not null)
        {
            secrets.Add(string.Concat(phone.Where(char.IsAsciiDigit)));
        }

        return new SecretContact(contact, secrets.Distinct().ToArray());
    }
}

[Properties(Arbitrary = [typeof(PrivacyArbitraries)], MaxTest = 200)]
public class PrivacyProperties
{
    private static void AssertNoSecret(SecretContact input, string text)
    {
        foreach (var secret in input.Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Property]
    public void ToString_OfEveryModelType_NeverRevealsPersonalData(SecretContact input)
    {
        var contact = input.Contact;
        var data = input.PersonalData;
        var texts = new List<string>
        {
            contact.ToString(),
            contact.Caller.ToString(),
            data.ToString(),
            contact.Signals.ToString(),
            $"{contact} {contact.Caller} {data} {data.Name} {data.Phone} {data.Email} {data.Address} {data.Narrative}",
        };
        texts.AddRange(contact.Consents.Select(c => c.ToString()));
        texts.Add(string.Join(",", new object?[] { data.Name, data.Phone, data.Email, data.Address, data.Narrative }));

        foreach (var text in texts)
        {
            AssertNoSecret(input, text);
        }
    }

    [Property]
    public void SerializeRedacted_NeverRevealsPersonalData_ButSerializeKeepsIt(SecretContact input)
    {
        AssertNoSecret(input, ContactJson.SerializeRedacted(input.Contact));
        Assert.Equal(input.Contact, ContactJson.Parse(ContactJson.Serialize(input.Contact)));
    }

    [Property]
    public void ValidationMessages_ForOtherInvalidFields_NeverRevealPersonalData(SecretContact input)
    {
        var json = ContactJson.Serialize(input.Contact)
            .Replace("\"channel\":\"phone\"", "\"channel\":\"fax\"", StringComparison.Ordinal)
            .Replace("\"receivedAt\":\"2026-07-02T22:59:00Z\"", "\"receivedAt\":\"yesterday\"", StringComparison.Ordinal)
            .Replace("\"zip\":\"77002\"", "\"zip\":\"7700\",\"district\":\"x\"", StringComparison.Ordinal)
            .Replace("\"recipient\":\"fbi\"", "\"recipient\":\"*\"", StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(json));

        Assert.Equal(
            ["$.receivedAt", "$.channel", "$.caller.location.district", "$.caller.location.zip", "$.consents[0].recipient"],
            e.Problems.Select(p => p.Location));
        AssertNoSecret(input, e.Message);
        AssertNoSecret(input, e.ToString());
    }

    [Property]
    public void ValidationMessages_ForInvalidPersonalData_NeverRevealIt(SecretContact input)
    {
        // Every value made invalid (an email without '@', a phone with letters, a name too long) keeps its secret parts.
        var data = input.PersonalData;
        var badEmail = data.Email?.Reveal().Replace("@", " at ", StringComparison.Ordinal);
        var badPhone = data.Phone is null ? null : data.Phone.Reveal() + " ext";
        var longName = data.Name is null ? null : string.Concat(Enumerable.Repeat(data.Name.Reveal() + " ", 20));
        if (badEmail is null && badPhone is null && longName is null)
        {
            return;
        }

        var e = Assert.Throws<NhtrcValidationException>(() =>
            new PersonalData(longName, badPhone, badEmail, data.Address?.Reveal(), data.Narrative?.Reveal()));
        AssertNoSecret(input, e.Message);
    }
}
