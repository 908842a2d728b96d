using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>Adds the SDK's health checks to an application's (<c>services.AddHealthChecks()</c>).</summary>
public static class NhtrcHealthChecksBuilderExtensions
{
    /// <summary>The referral directory check's default name: <c>nhtrc-directory</c>.</summary>
    public const string DirectoryCheckName = "nhtrc-directory";

    /// <summary>
    /// Adds the referral directory check (docs/dependency-injection.md, "Health check"): <paramref name="failureStatus"/>
    /// (unhealthy by default) while no directory has loaded, degraded when the last load failed or the directory is
    /// older than <c>Nhtrc:Referrals:MaxAge</c>, healthy otherwise; its data report the source, the load time, the age,
    /// the size and the last error. A name added again is ignored. Needs the referral services (<see cref="NhtrcServiceCollectionExtensions.AddNhtrcReferrals(IServiceCollection)"/>).
    /// </summary>
    /// <param name="builder">The application's health checks.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status while there is no directory; <see cref="HealthStatus.Unhealthy"/> when null.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public static IHealthChecksBuilder AddNhtrcDirectoryCheck(this IHealthChecksBuilder builder, string name = DirectoryCheckName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        // Once per name: a second registration of a name makes the health check service throw for every check.
        foreach (var descriptor in builder.Services)
        {
            if (descriptor.ServiceType == typeof(DirectoryCheckName) && descriptor.ImplementationInstance is DirectoryCheckName { } known && known.Name == name)
            {
                return builder;
            }
        }

        builder.Services.AddSingleton(new DirectoryCheckName(name));
        return builder.Add(new HealthCheckRegistration(
            name,
            static provider => new ReferralDirectoryHealthCheck(
                provider.GetRequiredService<ReferralDirectoryUpdater>(),
                provider.GetRequiredService<IClock>(),
                provider.GetRequiredService<IOptions<NhtrcOptions>>().Value.Referrals.MaxAge),
            failureStatus,
            tags));
    }
}

/// <summary>A directory health check name already added to a collection.</summary>
internal sealed record DirectoryCheckName(string Name);
