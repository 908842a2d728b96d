using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nhtrc.Sdk.Referrals;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk;

/// <summary>
/// The health of the referral directory (docs/dependency-injection.md, "Health check"): unhealthy (the registration's
/// failure status) while no directory has loaded, degraded when the last load failed or the directory is older than
/// <see cref="ReferralsOptions.MaxAge"/>, healthy otherwise. The data name the source, the load time, the age in
/// seconds, the size, and the last error. Thread-safe.
/// </summary>
internal sealed class ReferralDirectoryHealthCheck(ReferralDirectoryUpdater updater, IClock clock, TimeSpan? maxAge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = updater.Status;
        var now = clock.GetCurrentInstant();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["source"] = status.Source,
            ["services"] = status.ServiceCount,
            ["organizations"] = status.OrganizationCount,
            ["consecutiveFailures"] = status.ConsecutiveFailures,
        };
        if (status.LoadedAt is { } loadedAt)
        {
            data["loadedAt"] = InstantPattern.ExtendedIso.Format(loadedAt);
            data["ageSeconds"] = Math.Round((now - loadedAt).TotalSeconds, 3);
        }

        if (status.LastAttemptAt is { } attempt)
        {
            data["lastAttemptAt"] = InstantPattern.ExtendedIso.Format(attempt);
        }

        if (status.LastError is { } error)
        {
            data["lastError"] = error;
        }

        HealthCheckResult result;
        if (status.AgeAt(now) is not { } age)
        {
            result = new HealthCheckResult(context.Registration.FailureStatus, $"No referral directory has loaded from {status.Source} yet.", data: data);
        }
        else if (status.LastError is not null)
        {
            result = HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"The last load from {status.Source} failed ({status.ConsecutiveFailures} in a row); the directory loaded {Format(age)} ago stays."),
                data: data);
        }
        else if (maxAge is { } limit && age.ToTimeSpan() > limit)
        {
            result = HealthCheckResult.Degraded($"The referral directory from {status.Source} is {Format(age)} old, older than {Format(Duration.FromTimeSpan(limit))}.", data: data);
        }
        else
        {
            result = HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"{status.ServiceCount} services from {status.Source}, loaded {Format(age)} ago."), data);
        }

        return Task.FromResult(result);
    }

    private static string Format(Duration age) => DurationPattern.Roundtrip.Format(Duration.FromSeconds(Math.Floor(age.TotalSeconds)));
}
