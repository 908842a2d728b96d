namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// How a contact reaches the hotline. Phone, text and chat are <em>live</em> channels (a person answers
/// in the moment); email and web form are <em>written</em> channels (answered later).
/// JSON names are the camelCase member names (<c>phone</c>, <c>webForm</c>).
/// </summary>
public enum ContactChannel
{
    /// <summary>A phone call.</summary>
    Phone = 1,

    /// <summary>An SMS text conversation.</summary>
    Text = 2,

    /// <summary>A live web chat.</summary>
    Chat = 3,

    /// <summary>An email.</summary>
    Email = 4,

    /// <summary>A submission of the hotline's web form.</summary>
    WebForm = 5,
}
