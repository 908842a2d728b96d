using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Loads a <see cref="IReferralDirectorySource"/> into a <see cref="ReferralDirectoryHolder"/>: each
/// <see cref="ReloadAsync"/> loads a new snapshot, checks it, and swaps it in atomically, while readers keep matching
/// against the snapshot they hold. A failed load keeps the current snapshot, is logged with its reason, and shows in
/// <see cref="Status"/> (and in the health check, docs/dependency-injection.md). One load runs at a time; a second
/// caller waits for the first. Records the <c>nhtrc.directory.reloads</c> counter, the <c>nhtrc.directory.age</c>
/// gauge and the <c>nhtrc.directory.reload</c> span (docs/telemetry.md). Thread-safe.
/// </summary>
public sealed partial class ReferralDirectoryUpdater : IDisposable
{
    /// <summary>The longest reason kept in <see cref="ReferralDirectoryStatus.LastError"/> and logged, in characters.</summary>
    public const int MaxErrorLength = 2000;

    private static readonly Counter<long> Reloads = NhtrcTelemetry.Meter.CreateCounter<long>(
        "nhtrc.directory.reloads", "{reload}", "Loads of the referral directory from its source, by outcome.");

    private static readonly List<WeakReference<ReferralDirectoryUpdater>> Live = [];

    private readonly IClock _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReferralDirectoryStatus _status;

    static ReferralDirectoryUpdater()
    {
        NhtrcTelemetry.Meter.CreateObservableGauge(
            "nhtrc.directory.age", Ages, "s", "How long ago the current referral directory was loaded from its source.");
    }

    /// <summary>Creates an updater. A holder that already has a snapshot counts it as loaded now.</summary>
    /// <param name="source">Where the directory is loaded from.</param>
    /// <param name="holder">Where the current snapshot is kept.</param>
    /// <param name="clock">Stamps the loads.</param>
    /// <param name="logger">Receives the load events (docs/telemetry.md); none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="holder"/> or <paramref name="clock"/> is null.</exception>
    public ReferralDirectoryUpdater(IReferralDirectorySource source, ReferralDirectoryHolder holder, IClock clock, ILogger<ReferralDirectoryUpdater>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentNullException.ThrowIfNull(clock);
        Source = source;
        Holder = holder;
        _clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        SourceName = source.Name ?? "unnamed";
        _status = holder.Current is { } current
            ? new ReferralDirectoryStatus { Source = SourceName, LoadedAt = clock.GetCurrentInstant(), OrganizationCount = current.Organizations.Length, ServiceCount = current.ServiceCount }
            : new ReferralDirectoryStatus { Source = SourceName };
        lock (Live)
        {
            Live.RemoveAll(static r => !r.TryGetTarget(out _));
            Live.Add(new WeakReference<ReferralDirectoryUpdater>(this));
        }
    }

    /// <summary>The source.</summary>
    public IReferralDirectorySource Source { get; }

    /// <summary>The holder of the current snapshot.</summary>
    public ReferralDirectoryHolder Holder { get; }

    /// <summary>The current snapshot's load time and size, and how the last attempt went.</summary>
    public ReferralDirectoryStatus Status => Volatile.Read(ref _status);

    private string SourceName { get; }

    /// <summary>
    /// Loads a new snapshot from the source and swaps it in when it is good: the source's own validation passed (it
    /// throws otherwise) and the directory has at least one service (an empty feed never replaces a directory). A
    /// failure of any kind but cancellation is caught, logged and recorded; the current snapshot stays.
    /// </summary>
    /// <param name="cancellationToken">Stops the load; the current snapshot stays.</param>
    /// <returns>The status after the attempt: <see cref="ReferralDirectoryStatus.LastError"/> is null when it succeeded.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<ReferralDirectoryStatus> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var activity = NhtrcSpans.Start(NhtrcSpans.DirectoryReload);
            activity?.SetTag(NhtrcTags.DirectorySource, SourceName);
            var started = Stopwatch.GetTimestamp();
            var attempt = _clock.GetCurrentInstant();
            string? error;
            Exception? unexpected = null;
            ReferralDirectoryLoad? load = null;
            try
            {
                load = await Source.LoadAsync(cancellationToken).ConfigureAwait(false);
                error = load is null ? "the source returned no load result."
                    : load.Directory.ServiceCount == 0 ? "the source returned a directory with no services; an empty directory never replaces one."
                    : null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, "canceled");
                throw;
            }
            catch (Exception e) when (e is NhtrcValidationException or IOException or UnauthorizedAccessException or HttpRequestException or TimeoutException or OperationCanceledException)
            {
                error = Describe(e, Source);
                NhtrcSpans.Fail(activity, e);
            }
#pragma warning disable CA1031 // A source an application writes may throw anything; the reload must not take the host down.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = Describe(e, Source);
                unexpected = e;
                NhtrcSpans.Fail(activity, e);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (error is null)
            {
                // The status first: a reader that sees the new snapshot sees its status too.
                var directory = load!.Directory;
                Volatile.Write(ref _status, new ReferralDirectoryStatus
                {
                    Source = SourceName,
                    LoadedAt = _clock.GetCurrentInstant(),
                    OrganizationCount = directory.Organizations.Length,
                    ServiceCount = directory.ServiceCount,
                    LastAttemptAt = attempt,
                });
                Holder.Swap(directory);
                Reloads.Add(1, new KeyValuePair<string, object?>(NhtrcTags.DirectorySource, SourceName), new KeyValuePair<string, object?>(NhtrcTags.ReloadOutcome, "success"));
                LogLoaded(_logger, SourceName, directory.Organizations.Length, directory.ServiceCount, load.Report.Issues.Length, (long)elapsed.TotalMilliseconds);
            }
            else
            {
                var previous = Status;
                var failed = previous with { LastAttemptAt = attempt, LastError = error, ConsecutiveFailures = previous.ConsecutiveFailures + 1 };
                Volatile.Write(ref _status, failed);
                Reloads.Add(1, new KeyValuePair<string, object?>(NhtrcTags.DirectorySource, SourceName), new KeyValuePair<string, object?>(NhtrcTags.ReloadOutcome, "failure"));
                if (activity is { Status: not ActivityStatusCode.Error })
                {
                    activity.SetStatus(ActivityStatusCode.Error, "the directory has no services");
                }

                LogFailed(_logger, unexpected, SourceName, failed.ConsecutiveFailures, previous.LoadedAt is { } at ? "the snapshot loaded at " + InstantPattern.General.Format(at) + " stays" : "there is no directory yet", error);
            }

            Attempted?.Invoke();
            return Status;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Raised after each attempt that was not cancelled, successful or not (the reload service reschedules on it).</summary>
    internal event Action? Attempted;

    /// <summary>Stops reporting this updater's directory age. A load in progress finishes; later loads still work.</summary>
    public void Dispose()
    {
        // The gate is not disposed: a load in progress releases it, and it holds no wait handle.
        lock (Live)
        {
            Live.RemoveAll(r => !r.TryGetTarget(out var u) || ReferenceEquals(u, this));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"ReferralDirectoryUpdater {Status}";

    internal static class Events
    {
        public const int Loaded = 2000;
        public const int ReloadFailed = 2001;
        public const int FileChanged = 2002;
        public const int ReloadStopped = 2003;
        public const int StopTimedOut = 2004;
        public const int LoopFailed = 2005;
        public const int WatchFailed = 2006;
    }

    [LoggerMessage(EventId = Events.Loaded, EventName = "DirectoryLoaded", Level = LogLevel.Information,
        Message = "Referral directory loaded from {Source}: {Organizations} organizations, {Services} services, {Issues} import issues, in {ElapsedMilliseconds} ms")]
    private static partial void LogLoaded(ILogger logger, string source, int organizations, int services, int issues, long elapsedMilliseconds);

    [LoggerMessage(EventId = Events.ReloadFailed, EventName = "DirectoryReloadFailed", Level = LogLevel.Warning,
        Message = "Referral directory load from {Source} failed ({Failures} in a row); {Kept}: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, string source, int failures, string kept, string reason);

    /// <summary>
    /// The exception's kind and message, bounded, with the source's folders cut from its paths (they may name a person
    /// or a machine, like <see cref="JsonFileDirectorySource.Name"/>); our sources' messages name problems and JSON
    /// paths, never a value from the directory or a credential.
    /// </summary>
    private static string Describe(Exception e, IReferralDirectorySource source)
    {
        var text = e is NhtrcValidationException ? e.Message : e.GetType().Name + ": " + e.Message;
        if (source is IFileDirectorySource files)
        {
            foreach (var path in files.Paths)
            {
                if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
                {
                    text = text.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace(folder, Path.GetFileName(folder), StringComparison.Ordinal);
                }
            }
        }

        return text.Length <= MaxErrorLength ? text : string.Concat(text.AsSpan(0, MaxErrorLength - 1), "…");
    }

    private static IEnumerable<Measurement<double>> Ages()
    {
        List<ReferralDirectoryUpdater> live = [];
        lock (Live)
        {
            foreach (var reference in Live)
            {
                if (reference.TryGetTarget(out var updater))
                {
                    live.Add(updater);
                }
            }
        }

        foreach (var updater in live)
        {
            if (updater.Status.AgeAt(updater._clock.GetCurrentInstant()) is { } age)
            {
                yield return new Measurement<double>(age.TotalSeconds, new KeyValuePair<string, object?>(NhtrcTags.DirectorySource, updater.SourceName));
            }
        }
    }
}
