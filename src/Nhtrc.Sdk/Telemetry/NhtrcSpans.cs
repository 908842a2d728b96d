using System;
using System.Diagnostics;

namespace Nhtrc.Sdk.Telemetry;

/// <summary>
/// The SDK's spans (docs/telemetry.md) on <see cref="NhtrcTelemetry.Source"/>. <see cref="Start"/> returns null, at the
/// cost of a field read, when nothing listens; tags are set only on a span whose data is requested.
/// </summary>
internal static class NhtrcSpans
{
    /// <summary>One <c>TriageEngine.Triage</c>.</summary>
    public const string Triage = "nhtrc.triage";

    /// <summary>One <c>ReferralDirectory.Match</c>.</summary>
    public const string ReferralsMatch = "nhtrc.referrals.match";

    /// <summary>One read of a referral directory document: parse, validate and index.</summary>
    public const string DirectoryLoad = "nhtrc.directory.load";

    /// <summary>One reload of a directory source (the reload service's span).</summary>
    public const string DirectoryReload = "nhtrc.directory.reload";

    /// <summary>Starts an internal span named <paramref name="name"/>, or returns null when no listener samples it.</summary>
    public static Activity? Start(string name) =>
        NhtrcTelemetry.Source.HasListeners() ? NhtrcTelemetry.Source.StartActivity(name, ActivityKind.Internal) : null;

    /// <summary>
    /// Marks <paramref name="activity"/> failed by <paramref name="exception"/>: status error and <c>error.type</c>, the
    /// exception's type; never its message, which may quote input. Returns false, so that it can be an exception filter
    /// (<c>catch (Exception e) when (NhtrcSpans.Fail(activity, e))</c>) that leaves the exception to propagate untouched.
    /// </summary>
    public static bool Fail(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            var type = exception.GetType().FullName;
            activity.SetStatus(ActivityStatusCode.Error, type);
            activity.SetTag(NhtrcTags.ErrorType, type);
        }

        return false;
    }
}
