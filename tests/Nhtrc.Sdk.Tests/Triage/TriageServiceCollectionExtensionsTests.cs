using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Tests.Triage;

public class TriageServiceCollectionExtensionsTests
{
    private sealed class Provider(IServiceCollection services) : IServiceProvider
    {
        // A minimal resolver over singleton factories and instances, enough to run the registered factories.
        public object? GetService(Type serviceType)
        {
            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            return descriptor?.ImplementationInstance ?? descriptor?.ImplementationFactory?.Invoke(this);
        }
    }

    [Fact]
    public void AddNhtrcTriage_RegistersSingletons_Once()
    {
        var services = new ServiceCollection();

        services.AddNhtrcTriage().AddNhtrcTriage();

        Assert.Equal(3, services.Count);
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        var engine = (TriageEngine)new Provider(services).GetService(typeof(TriageEngine))!;
        Assert.Same(TriageRules.NhtrcDefault, engine.Rules);
        Assert.Same(ResponsePolicy.NhtrcDefault, engine.Policy);
        Assert.Same(ResponsePolicy.NhtrcDefault.BusinessCalendar, engine.BusinessCalendar);
    }

    [Fact]
    public void AddNhtrcTriage_KeepsAnAppsOwnRules()
    {
        var rules = new TriageRules("mine", [new TriageRule("all-urgent", "Everything is urgent here.", TriageCondition.Always, Sdk.Contacts.Urgency.Urgent)]);
        var services = new ServiceCollection();
        services.AddSingleton(rules);

        services.AddNhtrcTriage();

        var engine = (TriageEngine)new Provider(services).GetService(typeof(TriageEngine))!;
        Assert.Same(rules, engine.Rules);
        Assert.Throws<ArgumentNullException>(() => TriageServiceCollectionExtensions.AddNhtrcTriage(null!));
    }
}
