using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NodaTime.Testing;
using ReferralFinder.Tests;

namespace ReferralFinder.BrowserTests;

/// <summary>
/// The app on real Kestrel at 127.0.0.1 (a free port), at the tests' fixed instant, with every log line captured; and
/// one headless Chromium: Debian's (/usr/bin/chromium, or the path in NHTRC_CHROMIUM). A missing browser fails every
/// test: it is never a skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private WebApplication? _app;

    public CapturedLogs Logs { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("NHTRC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Where the tests leave their screenshots (a CI artifact): TestResults/browser under the project.</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "tests", "ReferralFinder.BrowserTests", "TestResults", "browser")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install Debian's chromium (apt-get install chromium) or set NHTRC_CHROMIUM. The browser tests never skip.");
        }

        _app = Program.Build(
            ["--urls", "http://127.0.0.1:0", "--contentRoot", Path.Combine(RepositoryRoot(), "samples", "ReferralFinder"), "--environment", "Production"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // Generous: the tests search many times from one address.
                    ["ReferralFinder:RateLimit:PermitLimit"] = "10000",
                });
                builder.Logging.AddProvider(Logs);
                builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
                builder.Services.AddSingleton<NodaTime.IClock>(new FakeClock(TestPlaces.Now));
            });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>A fresh page (its own context: no shared history or storage) of the given size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? locale = null, Geolocation? location = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale ?? "en-US",
            BaseURL = BaseAddress.ToString(),
            Geolocation = location,
            Permissions = location is null ? [] : ["geolocation"],
        });
        // A machine shared with other builds can be slow; a wait that never ends still fails, after a minute.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Nhtrc.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
