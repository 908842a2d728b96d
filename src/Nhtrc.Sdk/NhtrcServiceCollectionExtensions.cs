using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>
/// Registers the SDK's services. Every registration uses <c>TryAdd</c>, so an application can replace any piece
/// (register its own <see cref="IClock"/> first, for example) and calling a method twice changes nothing.
/// </summary>
public static class NhtrcServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IClock"/> (the system clock, unless one is registered), the <see cref="ResponsePolicy"/>
    /// (the default NHTRC policy unless options say otherwise) and <see cref="ResponseTimeService"/>, all singletons.
    /// Options are validated at startup (<c>ValidateOnStart</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcResponseTimes(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ResponseTimesOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResponseTimesOptions>, ResponseTimesOptionsValidator>());
#pragma warning disable RS0030 // The composition root is the one place that chooses the system clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(static provider => ResponsePolicyProvider.FromOptions(provider.GetRequiredService<IOptions<ResponseTimesOptions>>()));
        services.TryAddSingleton(static provider => new ResponseTimeService(provider.GetRequiredService<ResponsePolicy>(), provider.GetRequiredService<IClock>()));
        return services;
    }

    /// <summary>Registers the response-time services and configures their options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcResponseTimes(this IServiceCollection services, Action<ResponseTimesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrcResponseTimes();
        services.Configure(configure);
        return services;
    }

    /// <summary>Registers the response-time services and binds their options from a configuration section (for example <c>Nhtrc:ResponseTimes</c> with a <c>PolicyFile</c> key).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcResponseTimes(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddNhtrcResponseTimes();
        services.Configure<ResponseTimesOptions>(options => options.PolicyFile = section[nameof(ResponseTimesOptions.PolicyFile)] ?? options.PolicyFile);
        return services;
    }

    /// <summary>
    /// Registers the response-time services (see <see cref="AddNhtrcResponseTimes(IServiceCollection)"/>), the
    /// <see cref="TriageRules"/> (<see cref="TriageRules.NhtrcDefault"/> unless registered) and a <see cref="TriageEngine"/>
    /// built from the registered rules and policy, with the policy's business calendar as the business-hours queue's hours.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcTriage(this IServiceCollection services)
    {
        services.AddNhtrcResponseTimes();
        services.TryAddSingleton(static _ => TriageRules.NhtrcDefault);
        services.TryAddSingleton(static provider =>
        {
            var policy = provider.GetRequiredService<ResponsePolicy>();
            return new TriageEngine(provider.GetRequiredService<TriageRules>(), policy, policy.BusinessCalendar);
        });
        return services;
    }
}
