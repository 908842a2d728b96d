using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Testing;

namespace Nhtrc.Sdk.Tests;

public sealed class NhtrcServiceCollectionExtensionsTests : IDisposable
{
    private const string PolicyJson = """
        { "id": "from-file", "calendar": "always-open", "rules": [
          { "id": "all", "urgency": "urgent", "channels": ["phone","text","chat","email","webForm"], "target": {"kind":"elapsed","duration":"PT1H"}, "due": {"kind":"elapsed","duration":"PT2H"} },
          { "id": "rest", "urgency": "nonUrgent", "channels": ["phone","text","chat","email","webForm"], "target": {"kind":"businessDays","days":1}, "due": {"kind":"businessDays","days":1} } ] }
        """;

    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    private readonly string folder = Directory.CreateTempSubdirectory("nhtrc-di-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Defaults_AreTheNhtrcData_AndTheServiceReadsTheInjectedClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 7, 2, 22, 59));
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddNhtrc().BuildServiceProvider(Strict);
        Start(provider);

        var service = provider.GetRequiredService<ResponseTimeService>();
        Assert.Same(ResponsePolicy.NhtrcDefault, service.Policy);
        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(TriageRules.NhtrcDefault, provider.GetRequiredService<TriageRules>());
        Assert.Same(ReferralDirectory.Sample, provider.GetRequiredService<ReferralDirectoryHolder>().Current);
        Assert.Same(ResourceLibrary.Sample, provider.GetRequiredService<ResourceLibrary>());
        var pipeline = provider.GetRequiredService<ContactPipeline>();
        Assert.Equal((5, ReferralAudience.Public), (pipeline.ReferralCount, pipeline.Audience));

        var deadline = service.ComputeDeadlineForNow(ContactChannel.Email, Urgency.NonUrgent);
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 23, 0), deadline.TargetBy);
        clock.AdvanceDays(5);
        Assert.Equal(SlaStatus.PastTarget, service.ReadClock(deadline, [new SlaEvent(SlaEventKind.Received, deadline.ReceivedAt)]).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheClock_IsTheAppsTimeProvider_RegisteredBeforeOrAfter(bool before)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 2, 22, 59, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        if (before)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddNhtrc();
        if (!before)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        using var provider = services.BuildServiceProvider(Strict);
        var clock = provider.GetRequiredService<IClock>();
        Assert.Equal(Instant.FromUtc(2026, 7, 2, 22, 59), clock.GetCurrentInstant());
        time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(Instant.FromUtc(2026, 7, 3, 1, 59), clock.GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 7, 3, 1, 59), provider.GetRequiredService<ResponseTimeService>().ComputeDeadlineForNow(ContactChannel.Phone, Urgency.Urgent).ReceivedAt);
    }

    [Fact]
    public void AnAppClock_RegisteredAfter_WinsOverATimeProvider_AndWithNeitherItIsTheSystemClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        using (var provider = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider()).AddNhtrc().AddSingleton<IClock>(clock).BuildServiceProvider(Strict))
        {
            Assert.Same(clock, provider.GetRequiredService<IClock>());
        }

        using var plain = new ServiceCollection().AddNhtrc().BuildServiceProvider(Strict);
#pragma warning disable RS0030 // The test checks that the composition root chose the system clock.
        Assert.Same(SystemClock.Instance, plain.GetRequiredService<IClock>());
#pragma warning restore RS0030
    }

    [Fact]
    public void CallingTwice_RegistersEachServiceOnce_ButKeepsEveryConfiguration()
    {
        var services = new ServiceCollection()
            .AddNhtrc(o => o.Referrals.ReferralCount = 7)
            .AddNhtrcResponseTimes()
            .AddNhtrcTriage()
            .AddNhtrcReferrals(o => o.Audience = ReferralAudience.Advocate)
            .AddNhtrc();
        foreach (var type in new[] { typeof(ResponseTimeService), typeof(ResponsePolicy), typeof(IClock), typeof(TriageEngine), typeof(ContactPipeline), typeof(ReferralDirectoryHolder), typeof(ResourceLibrary), typeof(IValidateOptions<NhtrcOptions>) })
        {
            Assert.Single(services, d => d.ServiceType == type);
        }

        Assert.Single(services, d => d.ServiceType == typeof(ServiceCalendar));
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IConfigureOptions<NhtrcOptions>)));
        using var provider = services.BuildServiceProvider(Strict);
        var pipeline = provider.GetRequiredService<ContactPipeline>();
        Assert.Equal((7, ReferralAudience.Advocate), (pipeline.ReferralCount, pipeline.Audience));
    }

    [Fact]
    public void EveryKey_BindsFromConfiguration_AndTheFilesResolveAgainstTheContentRoot()
    {
        File.WriteAllText(Path.Combine(folder, "policy.json"), PolicyJson);
        File.WriteAllText(Path.Combine(folder, "rules.json"), TriageRulesJson.Serialize(TriageRules.NhtrcDefault));
        File.WriteAllText(Path.Combine(folder, "directory.json"), ReferralDirectoryJson.Serialize(ReferralDirectory.Sample));
        File.WriteAllText(Path.Combine(folder, "library.json"), ResourceLibraryJson.Serialize(ResourceLibrary.Sample));
        File.WriteAllText(Path.Combine(folder, "partner.json"), ServiceCalendarJson.Serialize(KnownServiceCalendars.AlwaysOpen).Replace("\"always-open\"", "\"partner-hours\"", StringComparison.Ordinal));
        var configuration = Configuration(new()
        {
            ["Nhtrc:ResponseTimes:PolicyFile"] = "policy.json",
            ["Nhtrc:Triage:RulesFile"] = "rules.json",
            ["Nhtrc:Triage:BusinessCalendar"] = "partner",
            ["Nhtrc:Referrals:DirectoryFile"] = "directory.json",
            ["Nhtrc:Referrals:ReferralCount"] = "3",
            ["Nhtrc:Referrals:Audience"] = "Advocate",
            ["Nhtrc:Resources:LibraryFile"] = "library.json",
            ["Nhtrc:Calendars:partner"] = "partner.json",
        });
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new ContentRoot(folder))
            .AddNhtrc(configuration.GetSection(NhtrcOptions.SectionName))
            .BuildServiceProvider(Strict);
        Start(provider);

        Assert.Equal("from-file", provider.GetRequiredService<ResponsePolicy>().Id);
        var rules = provider.GetRequiredService<TriageRules>();
        Assert.NotSame(TriageRules.NhtrcDefault, rules);
        Assert.Equal(TriageRules.NhtrcDefault.Id, rules.Id);
        var partner = provider.GetRequiredKeyedService<ServiceCalendar>("partner");
        Assert.Equal("partner-hours", partner.Id);
        Assert.Same(partner, provider.GetRequiredService<TriageEngine>().BusinessCalendar);
        var directory = provider.GetRequiredService<ReferralDirectoryHolder>().Current!;
        Assert.NotSame(ReferralDirectory.Sample, directory);
        Assert.Equal(ReferralDirectory.Sample.ServiceCount, directory.ServiceCount);
        var pipeline = provider.GetRequiredService<ContactPipeline>();
        Assert.Equal((3, ReferralAudience.Advocate), (pipeline.ReferralCount, pipeline.Audience));
        Assert.NotSame(ResourceLibrary.Sample, provider.GetRequiredService<ResourceLibrary>());
    }

    [Fact]
    public void AFile_IsReadOnce_AtStartup()
    {
        var path = Path.Combine(folder, "policy.json");
        File.WriteAllText(path, PolicyJson);
        using var provider = new ServiceCollection().AddNhtrcResponseTimes(o => o.PolicyFile = path).BuildServiceProvider(Strict);
        Start(provider);
        File.Delete(path);

        Assert.Equal("from-file", provider.GetRequiredService<ResponsePolicy>().Id);
    }

    [Fact]
    public void KnownCalendars_ResolveByName_AndAnUnknownNameIsRefusedNamingTheSection()
    {
        using var provider = new ServiceCollection().AddNhtrc().BuildServiceProvider(Strict);
        Assert.Same(KnownServiceCalendars.NhtrcBusinessHours, provider.GetRequiredKeyedService<ServiceCalendar>(KnownServiceCalendars.NhtrcBusinessHoursId));
        Assert.Same(KnownServiceCalendars.AlwaysOpen, provider.GetRequiredKeyedService<ServiceCalendar>(KnownServiceCalendars.AlwaysOpenId));

        var e = Assert.Throws<NhtrcValidationException>(() => provider.GetRequiredKeyedService<ServiceCalendar>("nowhere"));
        Assert.Contains("Nhtrc:Calendars", e.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptions_FailAtStartup_EachNamingItsConfigurationPath()
    {
        File.WriteAllText(Path.Combine(folder, "bad-policy.json"), """{ "id": "bad", "calendar": "nowhere", "rules": [], "colour": 1 }""");
        var configuration = Configuration(new()
        {
            ["Hotline:Sdk:ResponseTimes:PolicyFile"] = "bad-policy.json",
            ["Hotline:Sdk:Triage:RulesFile"] = "missing-rules.json",
            ["Hotline:Sdk:Triage:BusinessCalendar"] = "night-shift",
            ["Hotline:Sdk:Referrals:ReferralCount"] = "0",
            ["Hotline:Sdk:Calendars:partner"] = "",
        });
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new ContentRoot(folder))
            .AddNhtrc(configuration.GetSection("Hotline:Sdk"))
            .BuildServiceProvider(Strict);

        var e = Assert.Throws<OptionsValidationException>(() => Start(provider));
        var failures = string.Join("\n", e.Failures);
        Assert.Contains("Hotline:Sdk:ResponseTimes:PolicyFile", failures, StringComparison.Ordinal);
        Assert.Contains("$.colour", failures, StringComparison.Ordinal);
        Assert.Contains("$.calendar", failures, StringComparison.Ordinal);
        Assert.Contains("Hotline:Sdk:Triage:RulesFile: cannot read '" + Path.Combine(folder, "missing-rules.json") + "'", failures, StringComparison.Ordinal);
        Assert.Contains("Hotline:Sdk:Triage:BusinessCalendar", failures, StringComparison.Ordinal);
        Assert.Contains("night-shift", failures, StringComparison.Ordinal);
        Assert.Contains("Hotline:Sdk: ReferralCount: The field NhtrcOptions.Referrals.ReferralCount must be between 1 and 1000.", failures, StringComparison.Ordinal);
        Assert.Contains("Hotline:Sdk:Calendars:partner: the file name is empty.", failures, StringComparison.Ordinal);
        Assert.Equal(5, e.Failures.Count());
    }

    [Fact]
    public void ACapabilitysOwnSection_NamesItsPath()
    {
        var configuration = Configuration(new() { ["Partner:Policy:PolicyFile"] = Path.Combine(folder, "absent.json") });
        using var provider = new ServiceCollection().AddNhtrcResponseTimes(configuration.GetSection("Partner:Policy")).BuildServiceProvider(Strict);

        var e = Assert.Throws<OptionsValidationException>(() => Start(provider));
        Assert.StartsWith("Partner:Policy:PolicyFile: cannot read", e.Failures.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnAppsPolicyAndRules_ReplaceTheConfiguredOnes_RegisteredBeforeOrAfter(bool before)
    {
        var policy = ResponsePolicyJson.Parse(PolicyJson);
        var rules = TriageRulesJson.Parse(TriageRulesJson.Serialize(TriageRules.NhtrcDefault));
        var services = new ServiceCollection();
        if (before)
        {
            services.AddSingleton(policy).AddSingleton(rules);
        }

        services.AddNhtrcTriage(o => o.BusinessCalendar = KnownServiceCalendars.AlwaysOpenId);
        if (!before)
        {
            services.AddSingleton(policy).AddSingleton(rules);
        }

        using var provider = services.BuildServiceProvider(Strict);
        var engine = provider.GetRequiredService<TriageEngine>();
        Assert.Same(policy, engine.Policy);
        Assert.Same(rules, engine.Rules);
        Assert.Same(KnownServiceCalendars.AlwaysOpen, engine.BusinessCalendar);
        Assert.Same(policy, provider.GetRequiredService<ResponseTimeService>().Policy);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>What a host does before it starts: runs the startup validations (<c>ValidateOnStart</c>).</summary>
    private static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    private sealed class ContentRoot(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "nhtrc-tests";

        public string ContentRootPath { get; set; } = path;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
