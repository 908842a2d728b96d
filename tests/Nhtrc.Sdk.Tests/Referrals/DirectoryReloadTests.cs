using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>Directory sources chosen by name, reloads (scheduled, on file change, failed), the health check and the reload telemetry.</summary>
public sealed class DirectoryReloadTests : IDisposable
{
    private static readonly ReferralDirectory Small = ReferralDirectory.Create(ReferralDirectory.Sample.Organizations.Take(3));

    private readonly string folder = Directory.CreateTempSubdirectory("nhtrc-reload-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Updater_SwapsAGoodLoad_AndKeepsTheSnapshotWhenALoadFailsOrIsEmpty()
    {
        var source = new ScriptedSource("scripted-" + Guid.NewGuid().ToString("N")[..8]);
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 12, 1, 12, 0));
        using var updater = new ReferralDirectoryUpdater(source, new ReferralDirectoryHolder(), clock);
        Assert.False(updater.Status.HasDirectory);

        source.Next = () => Small;
        var loaded = await updater.ReloadAsync();
        Assert.Null(loaded.LastError);
        Assert.Same(Small, updater.Holder.Current);
        Assert.Equal((clock.GetCurrentInstant(), Small.ServiceCount, 0), (loaded.LoadedAt!.Value, loaded.ServiceCount, loaded.ConsecutiveFailures));

        clock.AdvanceMinutes(5);
        source.Next = () => throw new NhtrcValidationException("referral directory", [new ValidationProblem("$.organizations[0].id", "is missing.")]);
        var failed = await updater.ReloadAsync();
        Assert.Same(Small, updater.Holder.Current);
        Assert.Contains("$.organizations[0].id", failed.LastError, StringComparison.Ordinal);
        Assert.Equal((loaded.LoadedAt, 1, clock.GetCurrentInstant()), (failed.LoadedAt, failed.ConsecutiveFailures, failed.LastAttemptAt!.Value));

        source.Next = () => ReferralDirectory.Create([]);
        var empty = await updater.ReloadAsync();
        Assert.Same(Small, updater.Holder.Current);
        Assert.Contains("no services", empty.LastError, StringComparison.Ordinal);
        Assert.Equal(2, empty.ConsecutiveFailures);

        source.Next = () => throw new InvalidOperationException("a bug in the application's source");
        Assert.Equal(3, (await updater.ReloadAsync()).ConsecutiveFailures);

        source.Next = () => ReferralDirectory.Sample;
        var again = await updater.ReloadAsync();
        Assert.Same(ReferralDirectory.Sample, updater.Holder.Current);
        Assert.Equal((null, 0), (again.LastError, again.ConsecutiveFailures));
    }

    [Fact]
    public async Task Updater_ACanceledLoadThrows_AndChangesNothing()
    {
        var source = new ScriptedSource("scripted-cancel") { Next = () => Small };
        using var updater = new ReferralDirectoryUpdater(source, new ReferralDirectoryHolder(ReferralDirectory.Sample), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));
        var before = updater.Status;
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => updater.ReloadAsync(canceled.Token));
        Assert.Same(ReferralDirectory.Sample, updater.Holder.Current);
        Assert.Equal(before, updater.Status);
    }

    [Fact]
    public async Task Reloads_UnderConcurrentMatching_EveryReaderSeesOneWholeSnapshot()
    {
        var snapshots = new[] { ReferralDirectory.Sample, Small };
        var query = new ReferralQuery { Needs = [ServiceType.EmergencyShelter, ServiceType.CrisisHotline], Place = ReferralPlace.FromZip("20001"), At = Instant.FromUtc(2026, 3, 2, 15, 0), Count = 10 };
        var expected = snapshots.ToDictionary(d => d, d => string.Join("\n", d.Match(query).Matches.Select(m => m.ToString())), (IEqualityComparer<ReferralDirectory>)ReferenceEqualityComparer.Instance);
        Assert.NotEqual(expected[snapshots[0]], expected[snapshots[1]]);

        var turn = 0;
        var source = new ScriptedSource("scripted-concurrent") { Next = () => snapshots[Interlocked.Increment(ref turn) % 2] };
        using var updater = new ReferralDirectoryUpdater(source, new ReferralDirectoryHolder(ReferralDirectory.Sample), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            // Each reader runs until it has seen both snapshots (or 60 s pass: on a loaded machine the reloaders may wait for a
            // thread), matching against whichever it holds.
            var seen = new HashSet<ReferralDirectory>(ReferenceEqualityComparer.Instance);
            var running = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; (i < 100 || seen.Count < 2) && running.Elapsed < TimeSpan.FromSeconds(60); i++)
            {
                var directory = updater.Holder.Current!;
                Assert.True(expected.TryGetValue(directory, out var whole), "a reader saw a directory that was never loaded");
                Assert.Equal(whole, string.Join("\n", directory.Match(query).Matches.Select(m => m.ToString())));
                seen.Add(directory);
            }

            return seen.Count;
        })).ToArray();
        var all = Task.WhenAll(readers);

        // Two reloaders at once, until every reader is done: the updater runs one load at a time.
        Task Reload() => Task.Run(async () =>
        {
            while (!all.IsCompleted)
            {
                Assert.Null((await updater.ReloadAsync()).LastError);
            }
        });

        await Task.WhenAll(Reload(), Reload());
        var seenCounts = await all;
        Assert.True(source.Loads > 2);
        Assert.Equal(1, source.MostAtOnce);
        Assert.All(seenCounts, c => Assert.Equal(2, c));
    }

    [Fact]
    public async Task Host_LoadsAtStart_ReloadsOnSchedule_KeepsTheOldSnapshotOnFailure_AndStopsCleanly()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var source = new ScriptedSource("scripted-host") { Next = () => Small };
        using var host = Host(services => services
            .AddSingleton<TimeProvider>(time)
            .AddNhtrc(o =>
            {
                o.Referrals.Source = "scripted";
                o.Referrals.ReloadInterval = TimeSpan.FromHours(1);
                o.Referrals.RetryInterval = TimeSpan.FromMinutes(5);
                o.Referrals.MaxAge = TimeSpan.FromHours(3);
            })
            .AddNhtrcDirectorySource("scripted", _ => source));
        var holder = host.Services.GetRequiredService<ReferralDirectoryHolder>();
        Assert.Null(holder.Current);
        Assert.Equal(HealthStatus.Unhealthy, (await Health(host)).Status);

        await host.StartAsync();
        Assert.Same(Small, holder.Current);
        Assert.Equal(1, source.Loads);
        var service = host.Services.GetServices<IHostedService>().OfType<ReferralDirectoryReloadService>().Single();
        var healthy = await Health(host);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("scripted-host", healthy.Data["source"]);

        source.Next = () => ReferralDirectory.Sample;
        await Advance(service, time, TimeSpan.FromHours(1));
        await Until(() => source.Loads == 2);
        await Until(() => ReferenceEquals(holder.Current, ReferralDirectory.Sample));

        source.Next = () => throw new IOException("the feed is down");
        await Advance(service, time, TimeSpan.FromHours(1));
        await Until(() => host.Services.GetRequiredService<ReferralDirectoryUpdater>().Status.LastError is not null);
        Assert.Same(ReferralDirectory.Sample, holder.Current);
        var degraded = await Health(host);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal("IOException: the feed is down", degraded.Data["lastError"]);
        Assert.Equal(3600.0, degraded.Data["ageSeconds"]);

        // After a failure the retry comes sooner than the schedule.
        await Advance(service, time, TimeSpan.FromMinutes(5));
        await Until(() => source.Loads == 4);

        source.Next = () => Small;
        await Advance(service, time, TimeSpan.FromMinutes(5));
        await Until(() => ReferenceEquals(holder.Current, Small));
        Assert.Equal(HealthStatus.Healthy, (await Health(host)).Status);

        // Not due yet: 59 of the 60 minutes.
        await Advance(service, time, TimeSpan.FromMinutes(59));
        await Task.Delay(100);
        Assert.Equal(5, source.Loads);
        Assert.Equal(HealthStatus.Healthy, (await Health(host)).Status);

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(stopping.Token);
        time.Advance(TimeSpan.FromHours(5));
        await Task.Delay(100);
        Assert.Equal(5, source.Loads);
        Assert.Equal(HealthStatus.Degraded, (await Health(host)).Status);
    }

    [Fact]
    public async Task Host_WhenTheFirstLoadFails_StartsUnhealthy_AndRetries()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var source = new ScriptedSource("scripted-first") { Next = () => throw new IOException("not yet") };
        using var host = Host(services => services
            .AddSingleton<TimeProvider>(time)
            .AddNhtrc(o => o.Referrals.Source = "first")
            .AddNhtrcDirectorySource("first", _ => source));
        await host.StartAsync();
        Assert.Null(host.Services.GetRequiredService<ReferralDirectoryHolder>().Current);
        var unhealthy = await Health(host);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Equal("IOException: not yet", unhealthy.Data["lastError"]);

        // The pipeline still triages and says the referrals were not searched.
        var contact = ContactJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", "crisis.json")));
        var outcome = host.Services.GetRequiredService<ContactPipeline>().Process(contact, host.Services.GetRequiredService<ReferralDirectoryHolder>().Current, contact.ReceivedAt);
        Assert.NotNull(outcome.Referrals.NotSearchedReason);

        source.Next = () => Small;
        await Advance(host.Services.GetServices<IHostedService>().OfType<ReferralDirectoryReloadService>().Single(), time, TimeSpan.FromMinutes(1));
        await Until(() => host.Services.GetRequiredService<ReferralDirectoryHolder>().Current is not null);
        Assert.Equal(HealthStatus.Healthy, (await Health(host)).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task StopAsync_AfterTheServiceWasDisposed_DoesNothing()
    {
        // A web app's RunAsync disposes its host while a test host may still stop it (WebApplicationFactory).
        var host = Host(services => services.AddNhtrc());
        await host.StartAsync();
        var service = host.Services.GetServices<IHostedService>().OfType<ReferralDirectoryReloadService>().Single();
        await service.DisposeAsync();

        await service.StopAsync(CancellationToken.None);
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Host_WatchingTheDirectoryFile_ReloadsWhenItChanges()
    {
        var file = Path.Combine(folder, "directory.json");
        await File.WriteAllTextAsync(file, ReferralDirectoryJson.Serialize(Small));
        using var host = Host(services => services.AddNhtrc(o =>
        {
            o.Referrals.DirectoryFile = file;
            o.Referrals.WatchFile = true;
        }));
        await host.StartAsync();
        var holder = host.Services.GetRequiredService<ReferralDirectoryHolder>();
        Assert.Equal(Small.ServiceCount, holder.Current!.ServiceCount);

        // Replace the file the way deployments do: write beside it, then rename over it.
        var next = Path.Combine(folder, "directory.json.new");
        await File.WriteAllTextAsync(next, ReferralDirectoryJson.Serialize(ReferralDirectory.Sample));
        File.Move(next, file, overwrite: true);
        await Until(() => holder.Current!.ServiceCount == ReferralDirectory.Sample.ServiceCount, TimeSpan.FromSeconds(20));

        // A broken file keeps the snapshot, and the health check shows why.
        await File.WriteAllTextAsync(file, "{ \"organizations\": [ { \"id\": 7 } ] }");
        var updater = host.Services.GetRequiredService<ReferralDirectoryUpdater>();
        await Until(() => updater.Status.LastError is not null, TimeSpan.FromSeconds(20));
        Assert.Equal(ReferralDirectory.Sample.ServiceCount, holder.Current!.ServiceCount);
        Assert.Equal(HealthStatus.Degraded, (await Health(host)).Status);
        await host.StopAsync();
    }

    [Fact]
    public void Validation_NamesTheSourceAndReloadOptions_WithTheirPaths()
    {
        using var host = Host(services => services.AddNhtrc(o =>
        {
            o.Referrals.Source = "nowhere";
            o.Referrals.ReloadInterval = TimeSpan.FromMilliseconds(10);
            o.Referrals.RetryInterval = TimeSpan.FromDays(60);
            o.Referrals.MaxAge = TimeSpan.FromHours(-1);
        }));
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        var message = string.Join("\n", error.Failures);
        Assert.Contains("Nhtrc:Referrals:Source: no directory source is named 'nowhere'; the registered sources are json, sample", message, StringComparison.Ordinal);
        Assert.Contains("Nhtrc:Referrals:ReloadInterval: 00:00:00.0100000 is shorter than the minimum", message, StringComparison.Ordinal);
        Assert.Contains("Nhtrc:Referrals:RetryInterval: 60.00:00:00 is longer than the maximum, 30.00:00:00.", message, StringComparison.Ordinal);
        Assert.Contains("Nhtrc:Referrals:MaxAge: -01:00:00 is not positive", message, StringComparison.Ordinal);

        using var json = Host(services => services.AddNhtrc(o => o.Referrals.Source = "json"));
        var missing = Assert.Throws<OptionsValidationException>(() => json.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Nhtrc:Referrals:DirectoryFile: the json source (Nhtrc:Referrals:Source) needs a directory file.", missing.Failures);
    }

    [Fact]
    public async Task AnAppsOwnSource_ReplacesTheChosenOne_AndAStreamSourceReadsOurJson()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(ReferralDirectoryJson.Serialize(Small));
        var stream = new JsonStreamDirectorySource("blob", _ => ValueTask.FromResult<Stream>(new MemoryStream(bytes)));
        using var provider = new ServiceCollection().AddNhtrc().AddSingleton<IReferralDirectorySource>(stream).BuildServiceProvider();
        Assert.Same(stream, provider.GetRequiredService<IReferralDirectorySource>());
        var updater = provider.GetRequiredService<ReferralDirectoryUpdater>();
        Assert.Null(updater.Holder.Current);
        Assert.Null((await updater.ReloadAsync()).LastError);
        Assert.Equal(Small.ServiceCount, updater.Holder.Current!.ServiceCount);
    }

    [Fact]
    public async Task Logs_OfAFailedReload_NameTheSourceAndReason_ButNoAddressFromTheDirectory()
    {
        const string Marker = "ZZPLANTED-ADDRESS-4471";
        var json = Regex.Replace(ReferralDirectoryJson.Serialize(ReferralDirectory.Sample), "\"address\": *\"[^\"]*\"", $"\"address\":\"{Marker}\"");
        Assert.Contains(Marker, json, StringComparison.Ordinal);
        var broken = json.Replace("\"kind\":\"", "\"kind\":\"x", StringComparison.Ordinal);
        var file = Path.Combine(folder, "planted.json");
        await File.WriteAllTextAsync(file, json);
        var collector = new FakeLogCollector();
        using (var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector))))
        using (var updater = new ReferralDirectoryUpdater(new JsonFileDirectorySource(file), new ReferralDirectoryHolder(), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1), loggerFactory.CreateLogger<ReferralDirectoryUpdater>()))
        {
            Assert.Null((await updater.ReloadAsync()).LastError);
            await File.WriteAllTextAsync(file, broken);
            Assert.NotNull((await updater.ReloadAsync()).LastError);
            Assert.DoesNotContain(Marker, updater.Status.LastError!, StringComparison.Ordinal);
        }

        var records = collector.GetSnapshot();
        Assert.Equal(new[] { 2000, 2001 }, records.Select(r => r.Id.Id));
        Assert.Equal(new[] { LogLevel.Information, LogLevel.Warning }, records.Select(r => r.Level));
        Assert.Equal("json:planted.json", records[1].StructuredState!.Single(kv => kv.Key == "Source").Value);
        foreach (var record in records)
        {
            Assert.DoesNotContain(Marker, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(folder, record.Message, StringComparison.Ordinal);
            Assert.All(record.StructuredState!, kv => Assert.DoesNotContain(Marker, kv.Value ?? "", StringComparison.Ordinal));
            Assert.Null(record.Exception);
        }
    }

    [Fact]
    public async Task AFailedReloadByTheApplication_IsRetriedOnTheRetryInterval_WithoutASchedule()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var source = new ScriptedSource("scripted-manual") { Next = () => Small };
        using var host = Host(services => services
            .AddSingleton<TimeProvider>(time)
            .AddNhtrc(o => o.Referrals.Source = "manual")
            .AddNhtrcDirectorySource("manual", _ => source));
        await host.StartAsync();
        var service = host.Services.GetServices<IHostedService>().OfType<ReferralDirectoryReloadService>().Single();
        var updater = host.Services.GetRequiredService<ReferralDirectoryUpdater>();

        source.Next = () => throw new IOException("down for a minute");
        Assert.NotNull((await updater.ReloadAsync()).LastError);
        source.Next = () => ReferralDirectory.Sample;
        await Advance(service, time, TimeSpan.FromMinutes(1));
        await Until(() => updater.Status.LastError is null);
        Assert.Equal(3, source.Loads);
        Assert.Same(ReferralDirectory.Sample, updater.Holder.Current);
        await host.StopAsync();
    }

    [Fact]
    public async Task AHostDisposedWithoutStopping_CancelsTheLoadInProgress_AndDisposesOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var canceled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new BlockingSource(started, canceled);
        var host = Host(services => services
            .AddSingleton<TimeProvider>(time)
            .AddNhtrc(o =>
            {
                o.Referrals.Source = "blocking";
                o.Referrals.ReloadInterval = TimeSpan.FromHours(1);
            })
            .AddNhtrcDirectorySource("blocking", _ => source));
        await host.StartAsync();
        await Advance(host.Services.GetServices<IHostedService>().OfType<ReferralDirectoryReloadService>().Single(), time, TimeSpan.FromHours(1));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        host.Dispose();
        host.Dispose();
        await canceled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AMissingFile_IsReportedByName_WithoutItsFolder()
    {
        var missing = Path.Combine(folder, "not-there.json");
        using var updater = new ReferralDirectoryUpdater(new JsonFileDirectorySource(missing), new ReferralDirectoryHolder(), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));
        var error = (await updater.ReloadAsync()).LastError!;
        Assert.Contains("not-there.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain(folder, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHealthCheck_AddedTwice_IsOneCheck()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddNhtrc();
        builder.Services.AddHealthChecks().AddNhtrcDirectoryCheck().AddNhtrcDirectoryCheck();
        using var host = builder.Build();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, Assert.Single(report.Entries).Value.Status);
    }

    [Fact]
    public async Task Telemetry_CountsReloadsByOutcome_AndReportsTheDirectoryAge()
    {
        var name = "scripted-metrics-" + Guid.NewGuid().ToString("N")[..8];
        using var reloads = new MetricCollector<long>(NhtrcTelemetry.Meter, "nhtrc.directory.reloads");
        using var ages = new MetricCollector<double>(NhtrcTelemetry.Meter, "nhtrc.directory.age");
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 12, 1, 12, 0));
        var source = new ScriptedSource(name) { Next = () => Small };
        using var updater = new ReferralDirectoryUpdater(source, new ReferralDirectoryHolder(), clock);
        await updater.ReloadAsync();
        source.Next = () => throw new IOException("down");
        await updater.ReloadAsync();
        await updater.ReloadAsync();

        var mine = reloads.GetMeasurementSnapshot().Where(m => Equals(m.Tags["nhtrc.directory.source"], name)).ToList();
        Assert.Equal(new[] { "success", "failure", "failure" }, mine.Select(m => (string)m.Tags["nhtrc.reload.outcome"]!));
        Assert.All(mine, m => Assert.Equal(1, m.Value));

        clock.AdvanceSeconds(90);
        ages.RecordObservableInstruments();
        var age = Assert.Single(ages.GetMeasurementSnapshot(), m => Equals(m.Tags["nhtrc.directory.source"], name));
        Assert.Equal("s", ages.Instrument!.Unit);
        Assert.Equal(90.0, age.Value);
    }

    private static IHost Host(Action<IServiceCollection> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        configure(builder.Services);
        builder.Services.AddHealthChecks().AddNhtrcDirectoryCheck();
        return builder.Build();
    }

    /// <summary>Advances the fake clock once the reload loop waits, so the advance is not lost to a timer not yet created.</summary>
    private static async Task Advance(ReferralDirectoryReloadService service, FakeTimeProvider time, TimeSpan by)
    {
        await Until(() => service.IsWaiting);
        time.Advance(by);
    }

    private static async Task<HealthReportEntry> Health(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[NhtrcHealthChecksBuilderExtensions.DirectoryCheckName];

    private static async Task Until(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < limit, "the condition did not hold in time");
            await Task.Delay(10);
        }
    }

    private static void InterlockedMax(ref int location, int value)
    {
        var current = Volatile.Read(ref location);
        while (value > current && Interlocked.CompareExchange(ref location, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    /// <summary>A source whose first load succeeds and whose next blocks until it is cancelled.</summary>
    private sealed class BlockingSource(TaskCompletionSource started, TaskCompletionSource canceled) : IReferralDirectorySource
    {
        private int loads;

        public string Name => "blocking";

        public async ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref loads) > 1)
            {
                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    canceled.TrySetResult();
                    throw;
                }
            }

            return new ReferralDirectoryLoad(Small, DirectoryImportReport.ForDirectory(Name, Small, []));
        }
    }

    /// <summary>A source whose next load the test scripts, counting its loads.</summary>
    private sealed class ScriptedSource(string name) : IReferralDirectorySource
    {
        private int loads;
        private int inFlight;
        private int mostAtOnce;

        public Func<ReferralDirectory> Next { get; set; } = () => throw new InvalidOperationException("not scripted");

        public int Loads => Volatile.Read(ref loads);

        /// <summary>The most loads that ever ran at once.</summary>
        public int MostAtOnce => Volatile.Read(ref mostAtOnce);

        public string Name => name;

        public ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref loads);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostAtOnce, now);
            Thread.SpinWait(2000);
            Interlocked.Decrement(ref inFlight);
            var directory = Next();
            return ValueTask.FromResult(new ReferralDirectoryLoad(directory, DirectoryImportReport.ForDirectory(Name, directory, [])));
        }
    }
}
