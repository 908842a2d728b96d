using System.Collections.Generic;
using System.Linq;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>One failure the suite found on the current code, tolerated until the lead fixes it (then the entry goes).</summary>
/// <param name="Kind">The case kind (reader, entry point or command), as the suite names it.</param>
/// <param name="Stage">read, use, timeout, read-message or use-message.</param>
/// <param name="ExceptionType">The exception's type name (the stage for a timeout).</param>
/// <param name="Repro">The minimal repro and where it is thrown.</param>
public sealed record KnownFailure(string Kind, string Stage, string ExceptionType, string Repro);

/// <summary>
/// The failures the hostile-input suite finds on the current code (issue 9). The property is never weakened: a
/// failure not listed here fails the test; an entry covers only its kind, stage and exception type.
/// </summary>
public static class KnownFailures
{
    /// <summary>Every known failure with its repro.</summary>
    public static IReadOnlyList<KnownFailure> All { get; } =
    [
        new("directory", "read", "InvalidOperationException",
            "ReferralDirectoryJson.Parse of {\"formatVersion\":1,\"organizations\":[{\"id\":\"\\ud800\"}]} (a lone surrogate escape, "
            + "\\udfff too) or of any directory string holding invalid UTF-8 bytes (FF, C3 28, C0 AF, E2 82, 80): System.Text.Json's "
            + "InvalidOperationException ('Cannot read invalid UTF-16 JSON text as string', 'Cannot transcode invalid UTF-8 JSON text') "
            + "thrown by Utf8JsonReader.GetString/CopyString in Nhtrc.Sdk.Text.Utf8DocumentReader.String (line 116) and .Text (line 161), "
            + "from DirectoryObjectReader; the other readers report these as problems."),
        new("policy", "read", "InvalidOperationException",
            "ResponsePolicyJson.Parse of {\"id\":\"p\",\"calendar\":\"\\ud800\",\"rules\":[]}, or a calendar name with invalid UTF-8 bytes "
            + "(\"al<E2 82>ways-open\"): InvalidOperationException from JsonElement.GetString in "
            + "ResponsePolicyDocumentReader.Calendar (ResponseTimes/Json/ResponsePolicyDocumentReader.cs line 115), for the named-calendar form only."),
        new("cli-deadline-policy", "exit-70", "exit-70",
            "nhtrc deadline --policy FILE, FILE {\"id\":\"p\",\"calendar\":\"al<E2 82>ways-open\",...}: exit 70, the policy reader's InvalidOperationException above."),
        new("cli-triage-policy", "exit-70", "exit-70",
            "nhtrc triage CONTACT --policy FILE, FILE as for deadline: exit 70, the same cause."),
        new("calendar", "timeout", "timeout",
            "ServiceCalendarJson.Parse of {\"id\":\"c\",\"timeZone\":\"America/New_York\",\"weeklyHours\":{\"thursday\":[100,000 times "
            + "\"09:00-17:00\"]}} reads in 0.4-0.8 s, then the first IsOpen in a year takes 5-12 s (each year again; NextOpening 2-3 s): the "
            + "year's timeline is built from every period of every day, repeats not merged (ServiceCalendar.Years.cs). The same through "
            + "a policy's inline calendar."),
        new("policy", "timeout", "timeout",
            "The same as the calendar timeout, through a policy's inline calendar ($.calendar.weeklyHours.wednesday with 100,000 "
            + "periods): ComputeDeadline took 3 s in one run, more than 10 s when the machine is busy."),
        new("cli-match-directory", "exit-70", "exit-70",
            "nhtrc match --zip 77002 --need housing --directory FILE, FILE a valid directory with one invalid UTF-8 byte (80, or C0 AF) "
            + "in any string: exit 70 (internal error), from the directory reader's InvalidOperationException above."),
        new("cli-validate-directory", "exit-70", "exit-70",
            "nhtrc validate FILE, FILE a valid directory with a lone surrogate escape (\"name\": \"\\ud800\") in a string: exit 70 "
            + "(validate refuses invalid UTF-8 bytes itself, not escapes); the directory reader's InvalidOperationException above."),
        new("cli-triage-directory", "exit-70", "exit-70",
            "nhtrc triage CONTACT --directory FILE, FILE as for match: exit 70, the same cause."),
    ];

    /// <summary>Whether a failure is a known one.</summary>
    public static bool Covers(string kind, Failure failure) =>
        All.Any(k => k.Kind == kind && k.Stage == failure.Stage && k.ExceptionType == failure.ExceptionType);
}
