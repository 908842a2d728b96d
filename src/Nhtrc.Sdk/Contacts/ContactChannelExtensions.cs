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

    /// <summary>The camelCase name used in JSON and on the command line, for example <c>webForm</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not a defined value.</exception>
    public static string ToWireName(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "phone",
        ContactChannel.Text => "text",
        ContactChannel.Chat => "chat",
        ContactChannel.Email => "email",
        ContactChannel.WebForm => "webForm",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown contact channel."),
    };
}
