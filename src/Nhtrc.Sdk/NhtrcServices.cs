using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk;

/// <summary>How the registered services are built from <see cref="NhtrcOptions"/>; the files come through <see cref="NhtrcFiles"/>, read once.</summary>
internal static class NhtrcServices
{
    public static ResponsePolicy LoadPolicy(NhtrcFiles files, string file) => files.Load("policy", file, ResponsePolicyJson.LoadFile);

    public static TriageRules LoadRules(NhtrcFiles files, string file) => files.Load("triage rules", file, TriageRulesJson.LoadFile);

    public static ReferralDirectory LoadDirectory(NhtrcFiles files, string file) => files.Load("directory", file, ReferralDirectoryJson.LoadFile);

    public static ResourceLibrary LoadLibrary(NhtrcFiles files, string file) => files.Load("resources", file, ResourceLibraryJson.LoadFile);

    public static ServiceCalendar LoadCalendar(NhtrcFiles files, NhtrcOptions options, string name) =>
        files.Load("calendar", options.Calendars[name], ServiceCalendarJson.LoadFile);

    /// <summary>The calendar named <paramref name="key"/>: one listed under <c>Nhtrc:Calendars</c>, else a known calendar.</summary>
    public static ServiceCalendar Calendar(IServiceProvider provider, object? key)
    {
        var options = Options(provider);
        if (key is string name)
        {
            if (options.Calendars.ContainsKey(name))
            {
                return LoadCalendar(provider.GetRequiredService<NhtrcFiles>(), options, name);
            }

            if (KnownServiceCalendars.TryGet(name, out var known))
            {
                return known;
            }
        }

        throw new NhtrcValidationException(
            "calendar name",
            [new ValidationProblem(options.ConfigurationPath + ":Calendars", $"no calendar is named {Describe(key)}; list it there or use {KnownServiceCalendars.NhtrcBusinessHoursId} or {KnownServiceCalendars.AlwaysOpenId}.")]);
    }

    public static ResponsePolicy Policy(IServiceProvider provider)
    {
        var options = Options(provider).ResponseTimes;
        return options.PolicyFile is { } file ? LoadPolicy(provider.GetRequiredService<NhtrcFiles>(), file) : ResponsePolicy.NhtrcDefault;
    }

    public static TriageRules Rules(IServiceProvider provider)
    {
        var options = Options(provider).Triage;
        return options.RulesFile is { } file ? LoadRules(provider.GetRequiredService<NhtrcFiles>(), file) : TriageRules.NhtrcDefault;
    }

    public static TriageEngine Engine(IServiceProvider provider)
    {
        var policy = provider.GetRequiredService<ResponsePolicy>();
        var queue = Options(provider).Triage.BusinessCalendar is { } name
            ? provider.GetRequiredKeyedService<ServiceCalendar>(name)
            : policy.BusinessCalendar;
        return new TriageEngine(provider.GetRequiredService<TriageRules>(), policy, queue);
    }

    /// <summary>The name of the built-in source that reads <see cref="ReferralsOptions.DirectoryFile"/>.</summary>
    public const string JsonSourceName = "json";

    /// <summary>The name of the source <paramref name="options"/> choose: <see cref="ReferralsOptions.Source"/>, else json with a directory file, else the sample.</summary>
    public static string SourceName(ReferralsOptions options) =>
        options.Source ?? (options.DirectoryFile is null ? SampleDirectorySource.SourceName : JsonSourceName);

    public static IReferralDirectorySource JsonSource(IServiceProvider provider)
    {
        var options = Options(provider);
        var file = options.Referrals.DirectoryFile ?? throw new NhtrcValidationException(
            "referral options",
            [new ValidationProblem(options.PathOf("Referrals", "DirectoryFile"), $"the {JsonSourceName} source needs a directory file.")]);
        return new JsonFileDirectorySource(provider.GetRequiredService<NhtrcFiles>().Resolve(file));
    }

    public static IReferralDirectorySource ChosenSource(IServiceProvider provider) =>
        provider.GetRequiredKeyedService<IReferralDirectorySource>(SourceName(Options(provider).Referrals));

    /// <summary>The holder: the sample or the directory file (read at startup, by the validation) from the start, else empty until the first load.</summary>
    public static ReferralDirectoryHolder Directory(IServiceProvider provider)
    {
        var source = provider.GetRequiredService<IReferralDirectorySource>();
        var options = Options(provider).Referrals;
        if (source is SampleDirectorySource)
        {
            return new ReferralDirectoryHolder(ReferralDirectory.Sample);
        }

        var files = provider.GetRequiredService<NhtrcFiles>();
        return source is JsonFileDirectorySource json && options.DirectoryFile is { } file && json.Paths[0] == files.Resolve(file)
            ? new ReferralDirectoryHolder(LoadDirectory(files, file))
            : new ReferralDirectoryHolder();
    }

    public static ReferralDirectoryUpdater Updater(IServiceProvider provider) => new(
        provider.GetRequiredService<IReferralDirectorySource>(),
        provider.GetRequiredService<ReferralDirectoryHolder>(),
        provider.GetRequiredService<IClock>(),
        provider.GetService<ILogger<ReferralDirectoryUpdater>>());

    public static ContactPipeline Pipeline(IServiceProvider provider)
    {
        var options = Options(provider).Referrals;
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<ContactPipeline>();
        return new ContactPipeline(provider.GetRequiredService<TriageEngine>(), options.ReferralCount, options.Audience, logger);
    }

    public static ResourceLibrary Library(IServiceProvider provider)
    {
        var file = Options(provider).Resources.LibraryFile;
        return file is null ? ResourceLibrary.Sample : LoadLibrary(provider.GetRequiredService<NhtrcFiles>(), file);
    }

    private static NhtrcOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<NhtrcOptions>>().Value;

    private static string Describe(object? key) => key is string s ? Text.InputText.Describe(s) : key?.GetType().Name ?? "null";
}
