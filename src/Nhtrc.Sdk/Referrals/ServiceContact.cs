using System;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Referrals;

/// <summary>One way to reach a service: a channel and its number or address (an organization's, not a caller's).</summary>
public sealed record ServiceContact
{
    /// <summary>Creates a contact point.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or blank.</exception>
    public ServiceContact(ContactChannel channel, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Channel = channel;
        Value = value;
    }

    /// <summary>The channel: phone, text, chat, email or web form.</summary>
    public ContactChannel Channel { get; }

    /// <summary>The phone number, address or link, for example <c>+1-555-0100</c> or <c>https://example.org/chat</c>.</summary>
    public string Value { get; }

    /// <summary>Returns <c>channel: value</c>.</summary>
    public override string ToString() => $"{Channel}: {Value}";
}
