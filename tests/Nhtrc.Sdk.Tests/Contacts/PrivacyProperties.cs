using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

/// <summary>A contact whose personal data is random, with the fragments that must never leak.</summary>
public sealed record SecretContact(Contact Contact, IReadOnlyList<string> Secrets)
{
    public PersonalData PersonalData => Contact.Caller.PersonalData!;

    // FsCheck prints failing inputs; printing the secrets is what a failing test needs to show.
    public override string ToString() => "secrets: " + string.Join(" | ", Secrets);
}

/// <summary>
/// Contacts whose personal data is the testing package's distinctive synthetic data (NhtrcGenerators.DistinctivePersonalData:
/// random tokens inside obviously made-up values), with the fragments that must never leak; shrinking drops values.
/// </summary>
public static class PrivacyArbitraries
{
    // The fixed words of the synthetic values: the SDK may write them itself (example.org is in the sample directory's
    // links), so they are no secret; the random tokens around them are.
    private static readonly string[] SyntheticMarkers = ["Synthetic", "Fictional", "example.org"];

    private static readonly RequestKind[] Kinds = [RequestKind.Crisis, RequestKind.Tip, RequestKind.Referral, RequestKind.HighRisk];

    public static Arbitrary<SecretContact> SecretContact()
    {
        var personalData = NhtrcArbitraries.PersonalData();
        var gen =
            from data in personalData.Generator
            from kind in Gen.Elements(Kinds)
            select Build(data, kind);
        return Arb.From(gen, c => personalData.Shrinker(c.PersonalData).Select(data => Build(data, c.Contact.RequestKind)));
    }

    private static SecretContact Build(PersonalData data, RequestKind kind)
    {
        var contact = ContactExamples.Contact(kind, data);
        var secrets = new List<string>();
        string? phone = data.Phone?.Reveal();
        foreach (var value in new[] { data.Name?.Reveal(), phone, data.Email?.Reveal(), data.Address?.Reveal(), data.Narrative?.Reveal() })
        {
            if (value is null)
            {
                continue;
            }

            secrets.Add(value);
            secrets.Add(JsonEncodedText.Encode(value).ToString());
            secrets.AddRange(value.Split(' ', '@', '(', ')', '-').Where(part => part.Length >= 8 && !SyntheticMarkers.Contains(part)));
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
    public bool TheGeneratedPersonalData_IsObviouslySynthetic(SecretContact input) => SyntheticPersonalData.IsObviouslySynthetic(input.PersonalData);

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
