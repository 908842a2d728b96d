using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Registers the <c>hsds</c> referral directory source (docs/dependency-injection.md, "Directory sources and reload"):
/// an HSDS file, CSV folder, live API or merge of several, chosen with <c>Nhtrc:Referrals:Source</c> = <c>hsds</c> and
/// reloaded like any source. Also registers the SDK's referral services and the HTTP client of live APIs
/// (<see cref="HsdsSources.ClientName"/>, with the standard resilience handler). Idempotent.
/// </summary>
public static class OpenReferralServiceCollectionExtensions
{
    /// <summary>The source's name in <c>Nhtrc:Referrals:Source</c>: <c>hsds</c>.</summary>
    public const string SourceName = "hsds";

    /// <summary>Registers the <c>hsds</c> source; configure <see cref="OpenReferralOptions"/> with another overload or <c>services.Configure</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcOpenReferral(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(OpenReferralMarker)))
        {
            return services;
        }

        services.AddSingleton<OpenReferralMarker>();
        services.AddOptions<OpenReferralOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenReferralOptions>, OpenReferralOptionsValidator>());

        // Only the timeouts and retries of these options are read: the defaults every API source of a sources file uses.
        services.AddHsdsApiClient(HsdsSources.ClientName, new HsdsApiOptions(new Uri("http://127.0.0.1/")));

        // An application's own source named hsds, registered before, stays; registered after, it replaces this one.
        if (services.Any(static d => d.IsKeyedService && d.ServiceType == typeof(IReferralDirectorySource) && Equals(d.ServiceKey, SourceName)))
        {
            services.AddNhtrcReferrals();
        }
        else
        {
            services.AddNhtrcDirectorySource(SourceName, Create);
        }

        return services;
    }

    /// <summary>Registers the <c>hsds</c> source and configures its options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcOpenReferral(this IServiceCollection services, Action<OpenReferralOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrcOpenReferral().Configure(configure);
        return services;
    }

    /// <summary>Registers the <c>hsds</c> source and binds its options from <paramref name="section"/>, usually <c>configuration.GetSection(OpenReferralOptions.SectionName)</c>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcOpenReferral(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = section is IConfigurationSection { Path: { Length: > 0 } p } ? p : OpenReferralOptions.SectionName;
        services.AddNhtrcOpenReferral().Configure<OpenReferralOptions>(options => section.Bind(options));
        services.AddSingleton(new OpenReferralPath(path));
        return services;
    }

    /// <summary>The settings the options describe, paths resolved against the content root.</summary>
    internal static IReadOnlyList<HsdsSourceSettings> Settings(OpenReferralOptions options, string root)
    {
        if (options.SourcesFile is { } file)
        {
            return HsdsSourcesFile.Load(Path.GetFullPath(file, root));
        }

        var location = options.Location ?? throw new InvalidOperationException("Neither Location nor SourcesFile is set.");
        var settings = new HsdsSourceSettings { Key = SourceName, Location = location, Options = HsdsImportOptions.Default };
        return [settings.IsApi ? settings : new HsdsSourceSettings { Key = SourceName, Location = Path.GetFullPath(location, root), Options = HsdsImportOptions.Default }];
    }

    internal static string Root(IServiceProvider provider) => provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();

    private static IReferralDirectorySource Create(IServiceProvider provider) =>
        HsdsSources.Create(
            Settings(provider.GetRequiredService<IOptions<OpenReferralOptions>>().Value, Root(provider)),
            provider.GetRequiredService<IHttpClientFactory>());

    /// <summary>Marks a collection the source was registered in.</summary>
    private sealed class OpenReferralMarker;
}

/// <summary>The configuration path the options were bound from, for messages.</summary>
internal sealed record OpenReferralPath(string Path);

/// <summary>Checks <see cref="OpenReferralOptions"/> at startup when <c>hsds</c> is the chosen source: one location, readable, and a valid sources file.</summary>
internal sealed class OpenReferralOptionsValidator(IServiceProvider provider, IOptions<NhtrcOptions> nhtrc) : IValidateOptions<OpenReferralOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? source;
        try
        {
            source = nhtrc.Value.Referrals?.Source;
        }
        catch (OptionsValidationException)
        {
            // The SDK's own options are invalid: their validation reports it, once.
            return ValidateOptionsResult.Skip;
        }

        if (source != OpenReferralServiceCollectionExtensions.SourceName)
        {
            return ValidateOptionsResult.Skip;
        }

        var path = provider.GetServices<OpenReferralPath>().LastOrDefault()?.Path ?? OpenReferralOptions.SectionName;
        if ((options.Location is null) == (options.SourcesFile is null))
        {
            return ValidateOptionsResult.Fail($"{path}: set exactly one of Location and SourcesFile for the {OpenReferralServiceCollectionExtensions.SourceName} directory source.");
        }

        var key = options.SourcesFile is null ? "Location" : "SourcesFile";
        var root = OpenReferralServiceCollectionExtensions.Root(provider);
        try
        {
            var settings = OpenReferralServiceCollectionExtensions.Settings(options, root);
            var failures = new List<string>();
            foreach (var s in settings)
            {
                if (!s.IsApi)
                {
                    if (!File.Exists(s.Location) && !Directory.Exists(s.Location))
                    {
                        failures.Add($"{path}:{key}: there is no file or folder '{s.Location}'.");
                    }

                    continue;
                }

                try
                {
                    // The settings the source is built with, checked here so that a bad URL names its option.
                    HsdsSources.ApiOptions(s).Validate();
                }
                catch (NhtrcValidationException e)
                {
                    failures.Add($"{path}:{key}: source {s.Key}: {e.Message}");
                }
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
        catch (NhtrcValidationException e)
        {
            return ValidateOptionsResult.Fail($"{path}:{key}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"{path}:{key}: cannot read '{Path.GetFullPath(options.SourcesFile ?? options.Location!, root)}': {e.Message}");
        }
    }
}
