using Microsoft.Extensions.Logging;

namespace ReferralFinder.Hosting;

/// <summary>
/// The app's log events: counts and field names only. A visitor's ZIP code, coordinates or address and a contact's
/// personal data are never arguments (the tests capture every log line and look for them).
/// </summary>
public static partial class FinderLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Search answered from {Source}: {Matches} matches of {Eligible} eligible, urgent {Urgent}")]
    public static partial void SearchAnswered(ILogger logger, string source, int matches, int eligible, bool urgent);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Search rejected from {Source}: invalid {Fields}")]
    public static partial void SearchRejected(ILogger logger, string source, string fields);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Contact triaged: {Urgency}")]
    public static partial void TriageAnswered(ILogger logger, Nhtrc.Sdk.Contacts.Urgency urgency);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Rate limit reached on {Path}")]
    public static partial void RateLimited(ILogger logger, string path);
}

/// <summary>The category of the app's log events: <c>ReferralFinder.Hosting.FinderPageLog</c>.</summary>
public sealed class FinderPageLog
{
    private FinderPageLog()
    {
    }
}
