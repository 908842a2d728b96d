using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nhtrc.Sdk.ResponseTimes;

namespace Nhtrc.Sdk.Triage;

/// <summary>Registers triage in a service collection.</summary>
public static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// Registers singletons, each only if none is registered yet (so an app can replace any of them, before or after,
    /// and calling this twice changes nothing): <see cref="TriageRules"/> (<see cref="TriageRules.NhtrcDefault"/>),
    /// <see cref="ResponsePolicy"/> (<see cref="ResponsePolicy.NhtrcDefault"/>) and a <see cref="TriageEngine"/> built
    /// from the registered rules and policy, with the policy's business calendar as the business-hours queue's hours.
    /// </summary>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcTriage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ => TriageRules.NhtrcDefault);
        services.TryAddSingleton(_ => ResponsePolicy.NhtrcDefault);
        services.TryAddSingleton(provider =>
        {
            var policy = provider.GetRequiredService<ResponsePolicy>();
            return new TriageEngine(provider.GetRequiredService<TriageRules>(), policy, policy.BusinessCalendar);
        });
        return services;
    }
}
