using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;
using NodaTime.Testing;

namespace Nhtrc.Sdk.Tests;

public sealed class NhtrcServiceCollectionExtensionsTests
{
    private const string PolicyJson = """
        { "id": "from-file", "calendar": "always-open", "rules": [
          { "id": "all", "urgency": "urgent", "channels": ["phone","text","chat","email","webForm"], "target": {"kind":"elapsed","duration":"PT1H"}, "due": {"kind":"elapsed","duration":"PT2H"} },
          { "id": "rest", "urgency": "nonUrgent", "channels": ["phone","text","chat","email","webForm"], "target": {"kind":"businessDays","days":1}, "due": {"kind":"businessDays","days":1} } ] }
        """;

    [Fact]
    public void Defaults_AreTheNhtrcPolicy_AndTheServiceReadsTheInjectedClock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 7, 2, 22, 59));
        var services = new ServiceCollection().AddSingleton<IClock>(clock).AddNhtrcResponseTimes();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var service = provider.GetRequiredService<ResponseTimeService>();
        Assert.Same(ResponsePolicy.NhtrcDefault, service.Policy);
        Assert.Same(clock, provider.GetRequiredService<IClock>());

        var deadline = service.ComputeDeadlineForNow(ContactChannel.Email, Urgency.NonUrgent);
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 23, 0), deadline.TargetBy);

        clock.AdvanceDays(5);
        Assert.Equal(SlaStatus.PastTarget, service.ReadClock(deadline, [new SlaEvent(SlaEventKind.Received, deadline.ReceivedAt)]).Status);
    }

    [Fact]
    public void CallingTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddNhtrcResponseTimes().AddNhtrcResponseTimes();
        Assert.Single(services, d => d.ServiceType == typeof(ResponseTimeService));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ResponseTimesOptions>));
    }

    [Fact]
    public void PolicyFile_FromConfiguration_IsLoaded()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, PolicyJson);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Nhtrc:ResponseTimes:PolicyFile"] = path })
                .Build();
            using var provider = new ServiceCollection().AddNhtrcResponseTimes(configuration.GetSection("Nhtrc:ResponseTimes")).BuildServiceProvider();

            Assert.Equal("from-file", provider.GetRequiredService<ResponsePolicy>().Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnInvalidPolicyFile_FailsValidation_WithEveryProblem()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "id": "bad", "calendar": "nowhere", "rules": [], "colour": 1 }""");
            using var provider = new ServiceCollection().AddNhtrcResponseTimes(o => o.PolicyFile = path).BuildServiceProvider();

            var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ResponseTimesOptions>>().Value);
            var message = e.Failures.Single();
            Assert.Contains("$.colour", message, System.StringComparison.Ordinal);
            Assert.Contains("$.calendar", message, System.StringComparison.Ordinal);
            Assert.Contains("$.rules", message, System.StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AMissingPolicyFile_FailsValidation_NamingTheFile()
    {
        using var provider = new ServiceCollection().AddNhtrcResponseTimes(o => o.PolicyFile = "/nonexistent/policy.json").BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ResponseTimesOptions>>().Value);
        Assert.Contains("/nonexistent/policy.json", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void APolicyBuiltInCode_WinsOverAFile()
    {
        var policy = ResponsePolicyJson.Parse(PolicyJson);
        using var provider = new ServiceCollection().AddNhtrcResponseTimes(o => { o.Policy = policy; o.PolicyFile = "/ignored.json"; }).BuildServiceProvider();
        Assert.Same(policy, provider.GetRequiredService<ResponseTimeService>().Policy);
    }

    [Fact]
    public void Triage_UsesTheConfiguredPolicy_AndRegistersOnce()
    {
        var policy = ResponsePolicyJson.Parse(PolicyJson);
        var services = new ServiceCollection()
            .AddNhtrcTriage()
            .AddNhtrcResponseTimes(o => o.Policy = policy)
            .AddNhtrcTriage();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Single(services, d => d.ServiceType == typeof(TriageEngine));
        Assert.Same(TriageRules.NhtrcDefault, provider.GetRequiredService<TriageRules>());
        var engine = provider.GetRequiredService<TriageEngine>();
        Assert.Same(engine, provider.GetRequiredService<TriageEngine>());
        Assert.Same(policy, provider.GetRequiredService<ResponsePolicy>());
    }
}
