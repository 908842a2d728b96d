using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReferralFinder.Hosting;

/// <summary>
/// Headers on every response, as on any trafficking or domestic-violence site: nothing is cached (a shared or
/// watched device must not keep the page), a content security policy that allows only the app's own files, no
/// framing, no referrer, and the location permission only for this page.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return System.Threading.Tasks.Task.CompletedTask;
        }, context);
        await next(context);
    });
}
