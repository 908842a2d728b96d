using System;

namespace Nhtrc.Sdk.Contacts;

/// <summary>Facts about <see cref="ContactChannel"/> values.</summary>
public static class ContactChannelExtensions
{
    /// <summary>True for phone, text and chat, where the contact is answered in the moment.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not a defined value.</exception>
    public static bool IsLive(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone or ContactChannel.Text or ContactChannel.Chat => true,
        ContactChannel.Email or ContactChannel.WebForm => false,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown contact channel."),
    };
}
