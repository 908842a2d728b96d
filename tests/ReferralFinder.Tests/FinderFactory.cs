using System.Collections.Generic;
using System.IO;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace ReferralFinder.Tests;

/// <summary>
/// The app in-process, at a fixed instant (Thu 2 Jul 2026 22:00 UTC), with every log line captured and the settings a
/// test gives on top of appsettings.json.
/// </summary>
public sealed class FinderFactory(IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public static readonly Instant Now = TestPlaces.Now;

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
        });
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(new FakeClock(Now)));
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Nhtrc.Sdk.sln not found above " + System.AppContext.BaseDirectory);
    }
}
