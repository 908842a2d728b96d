using System;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReferralFinder.Hosting;

/// <summary>
/// The built-in rate limiter on the public endpoints: a fixed window per client address, with its limits from
/// configuration (<c>ReferralFinder:RateLimit</c>); a rejected request gets 429 problem details and <c>Retry-After</c>.
/// </summary>
public static class RateLimiting
{
    public const string PolicyName = "public";

    public static IServiceCollection AddFinderRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<FinderOptions>>().Value.RateLimit;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var limits = http.RequestServices.GetRequiredService<IOptions<FinderOptions>>().Value.RateLimit;
                http.Response.Headers.RetryAfter = (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : limits.WindowSeconds)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture);
                FinderLog.RateLimited(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ReferralFinder.RateLimiting"), http.Request.Path);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = "This address has sent more requests than the limit allows; try again after the Retry-After seconds.",
                        Type = "https://datatracker.ietf.org/doc/html/rfc6585#section-4",
                    },
                });
            };
        });
        return services;
    }
}
