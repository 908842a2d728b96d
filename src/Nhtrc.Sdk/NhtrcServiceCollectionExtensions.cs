using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>
/// Registers the SDK's services (docs/dependency-injection.md). Every registration uses <c>TryAdd</c>, so an application
/// can replace any piece by registering its own, before or after; the shared registrations are made once (a marker
/// service records them), so calling a method twice adds nothing but the configuration it is given. Options are one
/// <see cref="NhtrcOptions"/>, validated at startup (<c>ValidateOnStart</c>) with every problem and its configuration path.
/// </summary>
public static class NhtrcServiceCollectionExtensions
{
    /// <summary>
    /// Registers every capability with its defaults: the clock, the named calendars, the response policy and
    /// <see cref="ResponseTimeService"/>, the triage rules and <see cref="TriageEngine"/>, the referral directory
    /// (<see cref="ReferralDirectoryHolder"/>, the embedded sample unless configured) and the <see cref="ContactPipeline"/>,
    /// and the <see cref="ResourceLibrary"/>. All singletons.
    /// </summary>
    /// <remarks>
    /// <see cref="IClock"/> is chosen when it is first resolved: an <see cref="IClock"/> the application registered (before
    /// or after this call), else a clock over a <see cref="TimeProvider"/> it registered (a test's <c>FakeTimeProvider</c>),
    /// else the system clock. A <see cref="ServiceCalendar"/> resolves by name as a keyed service.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrc(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddNhtrcResponseTimes().AddNhtrcTriage().AddNhtrcReferrals().AddNhtrcResources();
    }

    /// <summary>Registers every capability (see <see cref="AddNhtrc(IServiceCollection)"/>) and configures the options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrc(this IServiceCollection services, Action<NhtrcOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrc().Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers every capability (see <see cref="AddNhtrc(IServiceCollection)"/>) and binds the options from
    /// <paramref name="section"/>, usually <c>configuration.GetSection(NhtrcOptions.SectionName)</c>; every key is listed in
    /// docs/configuration.md, and problems name the section's path.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrc(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddNhtrc();
        var path = Path(section);
        services.Configure<NhtrcOptions>(options =>
        {
            section.Bind(options);
            options.ConfigurationPath = path;
        });
        return services;
    }

    /// <summary>
    /// Registers the clock (see <see cref="AddNhtrc(IServiceCollection)"/>), the named calendars, the
    /// <see cref="ResponsePolicy"/> (the <see cref="ResponseTimesOptions.PolicyFile"/>, else <see cref="ResponsePolicy.NhtrcDefault"/>;
    /// a policy the application registers replaces it) and <see cref="ResponseTimeService"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcResponseTimes(this IServiceCollection services)
    {
        AddCore(services);
        services.TryAddSingleton(NhtrcServices.Policy);
        services.TryAddSingleton(static provider => new ResponseTimeService(provider.GetRequiredService<ResponsePolicy>(), provider.GetRequiredService<IClock>()));
        return services;
    }

    /// <summary>Registers the response-time services and configures their options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcResponseTimes(this IServiceCollection services, Action<ResponseTimesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrcResponseTimes().Configure<NhtrcOptions>(options => configure(options.ResponseTimes));
        return services;
    }

    /// <summary>Registers the response-time services and binds their options from <paramref name="section"/> (for example <c>Nhtrc:ResponseTimes</c>, with a <c>PolicyFile</c> key).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcResponseTimes(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = Path(section);
        services.AddNhtrcResponseTimes().Configure<NhtrcOptions>(options =>
        {
            section.Bind(options.ResponseTimes);
            options.CapabilityPaths["ResponseTimes"] = path;
        });
        return services;
    }

    /// <summary>
    /// Registers the response-time services, the <see cref="TriageRules"/> (the <see cref="TriageOptions.RulesFile"/>, else
    /// <see cref="TriageRules.NhtrcDefault"/>; rules the application registers replace them) and a <see cref="TriageEngine"/> with
    /// the policy and the business-hours queue's calendar (<see cref="TriageOptions.BusinessCalendar"/>, else the policy's).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcTriage(this IServiceCollection services)
    {
        services.AddNhtrcResponseTimes();
        services.TryAddSingleton(NhtrcServices.Rules);
        services.TryAddSingleton(NhtrcServices.Engine);
        return services;
    }

    /// <summary>Registers the triage services and configures their options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcTriage(this IServiceCollection services, Action<TriageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrcTriage().Configure<NhtrcOptions>(options => configure(options.Triage));
        return services;
    }

    /// <summary>Registers the triage services and binds their options from <paramref name="section"/> (for example <c>Nhtrc:Triage</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcTriage(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = Path(section);
        services.AddNhtrcTriage().Configure<NhtrcOptions>(options =>
        {
            section.Bind(options.Triage);
            options.CapabilityPaths["Triage"] = path;
        });
        return services;
    }

    /// <summary>
    /// Registers the triage services, the referral directory and the <see cref="ContactPipeline"/> (triage, deadline and
    /// <see cref="ReferralsOptions.ReferralCount"/> matches for the <see cref="ReferralsOptions.Audience"/>). The directory
    /// is an <see cref="IReferralDirectorySource"/> (the one <see cref="ReferralsOptions.Source"/> names: the embedded
    /// sample, the <see cref="ReferralsOptions.DirectoryFile"/>, or one registered with
    /// <see cref="AddNhtrcDirectorySource"/>), a <see cref="ReferralDirectoryHolder"/> with its current snapshot, a
    /// <see cref="ReferralDirectoryUpdater"/> that reloads it, and a hosted service that loads it when the host starts and
    /// reloads it on schedule or when its file changes. The sample and the directory file are in the holder from the
    /// start; other sources load when the host starts (without a host, call the updater's
    /// <see cref="ReferralDirectoryUpdater.ReloadAsync"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcReferrals(this IServiceCollection services)
    {
        services.AddNhtrcTriage();
        services.TryAddKeyedSingleton<IReferralDirectorySource>(SampleDirectorySource.SourceName, static (_, _) => new SampleDirectorySource());
        services.TryAddKeyedSingleton<IReferralDirectorySource>(NhtrcServices.JsonSourceName, static (provider, _) => NhtrcServices.JsonSource(provider));
        AddSourceName(services, SampleDirectorySource.SourceName);
        AddSourceName(services, NhtrcServices.JsonSourceName);
        services.TryAddSingleton(NhtrcServices.ChosenSource);
        services.TryAddSingleton(NhtrcServices.Directory);
        services.TryAddSingleton(NhtrcServices.Updater);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReferralDirectoryReloadService>());
        services.TryAddSingleton(NhtrcServices.Pipeline);
        return services;
    }

    /// <summary>
    /// Registers a referral directory source under <paramref name="name"/>, for <c>Nhtrc:Referrals:Source</c> to choose
    /// (docs/dependency-injection.md, "Directory sources and reload"), and the referral services. A name registered again
    /// replaces the earlier source, the built-in <c>sample</c> and <c>json</c> included.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The source's name in configuration.</param>
    /// <param name="factory">Creates the source, once, when the directory is first needed.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static IServiceCollection AddNhtrcDirectorySource(this IServiceCollection services, string name, Func<IServiceProvider, IReferralDirectorySource> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddNhtrcReferrals();
        services.AddKeyedSingleton<IReferralDirectorySource>(name, (provider, _) => factory(provider));
        AddSourceName(services, name);
        return services;
    }

    /// <summary>Registers the referral services and configures their options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcReferrals(this IServiceCollection services, Action<ReferralsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrcReferrals().Configure<NhtrcOptions>(options => configure(options.Referrals));
        return services;
    }

    /// <summary>Registers the referral services and binds their options from <paramref name="section"/> (for example <c>Nhtrc:Referrals</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcReferrals(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = Path(section);
        services.AddNhtrcReferrals().Configure<NhtrcOptions>(options =>
        {
            section.Bind(options.Referrals);
            options.CapabilityPaths["Referrals"] = path;
        });
        return services;
    }

    /// <summary>Registers the clock, the named calendars and the <see cref="ResourceLibrary"/> (the <see cref="ResourcesOptions.LibraryFile"/>, else <see cref="ResourceLibrary.Sample"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddNhtrcResources(this IServiceCollection services)
    {
        AddCore(services);
        services.TryAddSingleton(NhtrcServices.Library);
        return services;
    }

    /// <summary>Registers the resource library and configures its options in code.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcResources(this IServiceCollection services, Action<ResourcesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddNhtrcResources().Configure<NhtrcOptions>(options => configure(options.Resources));
        return services;
    }

    /// <summary>Registers the resource library and binds its options from <paramref name="section"/> (for example <c>Nhtrc:Resources</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddNhtrcResources(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var path = Path(section);
        services.AddNhtrcResources().Configure<NhtrcOptions>(options =>
        {
            section.Bind(options.Resources);
            options.CapabilityPaths["Resources"] = path;
        });
        return services;
    }

    /// <summary>The registrations every capability shares, made once: options and their validation, the files, the clock and the calendars.</summary>
    private static void AddCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(NhtrcMarker))
            {
                return;
            }
        }

        services.AddSingleton<NhtrcMarker>();
        services.AddOptions<NhtrcOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NhtrcOptions>, NhtrcOptionsValidator>());
        services.TryAddSingleton<NhtrcFiles>();
        services.TryAddSingleton(DefaultClock);
        services.TryAddKeyedSingleton(KeyedService.AnyKey, NhtrcServices.Calendar);
    }

    /// <summary>The default clock, chosen when first resolved: the app's <see cref="TimeProvider"/> as a clock if it registered one, else the system clock.</summary>
    private static IClock DefaultClock(IServiceProvider provider)
    {
#pragma warning disable RS0030 // The composition root is the one place that chooses the system clock.
        return provider.GetService<TimeProvider>() is { } time && !ReferenceEquals(time, TimeProvider.System)
            ? new TimeProviderClock(time)
            : SystemClock.Instance;
#pragma warning restore RS0030
    }

    /// <summary>Records a source name for the validation, once.</summary>
    private static void AddSourceName(IServiceCollection services, string name)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DirectorySourceName) && descriptor.ImplementationInstance is DirectorySourceName { } known && known.Name == name)
            {
                return;
            }
        }

        services.AddSingleton(new DirectorySourceName(name));
    }

    private static string Path(IConfiguration section) => section is IConfigurationSection { Path: { Length: > 0 } path } ? path : NhtrcOptions.SectionName;

    /// <summary>Marks a collection the shared registrations were made in.</summary>
    private sealed class NhtrcMarker;
}
