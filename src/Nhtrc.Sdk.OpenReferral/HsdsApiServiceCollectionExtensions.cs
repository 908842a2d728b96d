using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>Registers the HTTP client of a live HSDS 3.0 API source (<see cref="HsdsApiDirectorySource"/>).</summary>
public static class HsdsApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the named <see cref="System.Net.Http.HttpClient"/> an <see cref="HsdsApiDirectorySource"/> of
    /// <paramref name="options"/> uses, with the standard resilience handler of Microsoft.Extensions.Http.Resilience
    /// set from the options: <see cref="HsdsApiOptions.AttemptTimeout"/> per attempt, <see cref="HsdsApiOptions.MaxRetries"/>
    /// retries of transient failures from <see cref="HsdsApiOptions.RetryDelay"/> backing off exponentially with jitter,
    /// <see cref="HsdsApiOptions.RequestTimeout"/> for all attempts, and its circuit breaker and rate limiter as they
    /// are. The client's own timeout is off (the handler's apply; <see cref="HsdsApiOptions.PageTimeout"/> bounds a
    /// body). No header is set on the client: the source adds <see cref="HsdsApiOptions.Headers"/> to each request, and
    /// the factory's logging redacts header values. Create the source with the same name and options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="options">The source's settings (only the timeouts and retries are read here).</param>
    /// <returns>The client's builder, to add handlers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="Validation.NhtrcValidationException">A setting is out of range.</exception>
    public static IHttpClientBuilder AddHsdsApiClient(this IServiceCollection services, string name, HsdsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var attempt = options.AttemptTimeout.ToTimeSpan();
        var builder = services.AddHttpClient(name, static client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddStandardResilienceHandler(resilience =>
        {
            resilience.AttemptTimeout.Timeout = attempt;
            resilience.TotalRequestTimeout.Timeout = options.RequestTimeout.ToTimeSpan();
            resilience.Retry.MaxRetryAttempts = options.MaxRetries;
            resilience.Retry.Delay = options.RetryDelay.ToTimeSpan();
            resilience.Retry.BackoffType = DelayBackoffType.Exponential;
            resilience.Retry.UseJitter = true;

            // The handler requires a sampling window of at least twice the attempt timeout.
            var sampling = attempt * 2;
            if (sampling > resilience.CircuitBreaker.SamplingDuration)
            {
                resilience.CircuitBreaker.SamplingDuration = sampling;
            }
        });
        return builder;
    }
}
