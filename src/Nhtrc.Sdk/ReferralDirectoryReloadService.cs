using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk;

/// <summary>
/// Keeps the registered referral directory current (docs/dependency-injection.md, "Directory sources and reload"):
/// when the host starts it watches the source's files (with <see cref="ReferralsOptions.WatchFile"/>) and loads the
/// source if the holder is still empty (a failure is logged and retried, and the host starts anyway: the health check
/// reports it), then reloads on <see cref="ReferralsOptions.ReloadInterval"/>, after any failed load (its own or an
/// application's <see cref="ReferralDirectoryUpdater.ReloadAsync"/>) on <see cref="ReferralsOptions.RetryInterval"/>,
/// and when a watched file changes. Waits use the registered <see cref="TimeProvider"/>, so a test's
/// <c>FakeTimeProvider</c> drives the schedule. Stops with the host, cancelling a load in progress; an error in the
/// loop itself is logged and retried, never ends it.
/// </summary>
internal sealed partial class ReferralDirectoryReloadService : IHostedService, IAsyncDisposable, IDisposable
{
    /// <summary>How long file changes are gathered into one reload.</summary>
    internal static readonly TimeSpan FileChangeDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>How long disposing waits for a load in progress to see its cancellation.</summary>
    private static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private readonly ReferralDirectoryUpdater _updater;
    private readonly ReferralsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _lastAttemptTicks;
    private int _fileChanged;
    private int _waiting;
    private int _disposed;
    private Task? _loop;

    public ReferralDirectoryReloadService(ReferralDirectoryUpdater updater, IOptions<NhtrcOptions> options, ILogger<ReferralDirectoryReloadService>? logger = null, TimeProvider? time = null)
    {
        _updater = updater;
        _options = options.Value.Referrals;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True while the loop waits for its next reload, a file change or a wake-up (tests advance a fake clock then).</summary>
    internal bool IsWaiting => Volatile.Read(ref _waiting) == 1;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _updater.Attempted += OnAttempted;
        if (_options.WatchFile && _updater.Source is IFileDirectorySource files)
        {
            // Before the first load, so a change during it is not missed.
            foreach (var path in files.Paths)
            {
                Watch(path);
            }
        }

        MarkAttempt();
        if (!_updater.Holder.TryGetCurrent(out _))
        {
            await _updater.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _updater.Attempted -= OnAttempted;
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
        }

        // A web host may dispose the service while another caller still stops it (WebApplication.RunAsync ending beside
        // a test host's StopAsync): stopping a disposed service has nothing left to do.
        if (_loop is null || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            LogStopped(_logger, _updater.Status.Source);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopTimedOut(_logger, _updater.Status.Source);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _updater.Attempted -= OnAttempted;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            // A host disposed without StopAsync: let the load in progress see its cancellation before the container
            // disposes what it uses.
            await Task.WhenAny(loop, Task.Delay(DisposeWait, CancellationToken.None)).ConfigureAwait(false);
        }

        Release();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _updater.Attempted -= OnAttempted;
        _stopping.Cancel();
        _loop?.Wait(DisposeWait, CancellationToken.None);
        Release();
    }

    private void Release()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _stopping.Dispose();

        // _wake is not disposed: a watcher callback or an application's reload may still signal it, and it holds no
        // wait handle.
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await WaitAsync(stopping).ConfigureAwait(false))
                {
                    await _updater.ReloadAsync(stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives any one failure: log it and try again after the retry interval.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogLoopFailed(_logger, e, _updater.Status.Source);
                MarkAttempt();
            }
        }
    }

    /// <summary>Waits for the next reload (true) or a wake-up that only changes the schedule (false).</summary>
    private async Task<bool> WaitAsync(CancellationToken stopping)
    {
        var status = _updater.Status;
        var interval = status.HasDirectory && status.LastError is null
            ? _options.ReloadInterval
            : _options.ReloadInterval is { } reload && reload < _options.RetryInterval ? reload : _options.RetryInterval;
        var wait = Timeout.InfiniteTimeSpan;
        if (interval is { } every)
        {
            // The schedule counts from the last attempt, however late this loop gets here.
            var left = new DateTimeOffset(Interlocked.Read(ref _lastAttemptTicks), TimeSpan.Zero) + every - _time.GetUtcNow();
            wait = left <= TimeSpan.Zero ? TimeSpan.Zero : left > ReferralsOptions.MaximumInterval ? ReferralsOptions.MaximumInterval : left;
        }

        using var round = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var timer = Task.Delay(wait, _time, round.Token);
        var woken = _wake.WaitAsync(round.Token);
        Volatile.Write(ref _waiting, 1);
        Task first;
        try
        {
            first = await Task.WhenAny(timer, woken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _waiting, 0);
            await round.CancelAsync().ConfigureAwait(false);
        }

        stopping.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _fileChanged, 0) == 1)
        {
            // Editors and copies write a file in several steps: gather them into one reload.
            await Task.Delay(FileChangeDelay, _time, stopping).ConfigureAwait(false);
            Interlocked.Exchange(ref _fileChanged, 0);
            LogFileChanged(_logger, status.Source);
            return true;
        }

        // A wake-up without a file change: an attempt was made elsewhere, so the schedule moved.
        return first == timer;
    }

    private void MarkAttempt() => Interlocked.Exchange(ref _lastAttemptTicks, _time.GetUtcNow().UtcTicks);

    private void OnAttempted()
    {
        MarkAttempt();
        Wake();
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    private void Watch(string path)
    {
        var isFolder = Directory.Exists(path);
        var folder = isFolder ? path : Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            LogWatchFailed(_logger, _updater.Status.Source, "its folder does not exist");
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(folder, isFolder ? "*" : Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // An inotify limit, say: the schedule still runs.
            LogWatchFailed(_logger, _updater.Status.Source, e.GetType().Name);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        Interlocked.Exchange(ref _fileChanged, 1);
        Wake();
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        // Changes were lost (the watcher's buffer overflowed): reload to be sure.
        LogWatchFailed(_logger, _updater.Status.Source, "changes were lost: " + e.GetException().GetType().Name);
        OnChanged(sender, new FileSystemEventArgs(WatcherChangeTypes.Changed, string.Empty, null));
    }

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.FileChanged, EventName = "DirectoryFileChanged", Level = LogLevel.Debug,
        Message = "A file of directory source {Source} changed; reloading")]
    private static partial void LogFileChanged(ILogger logger, string source);

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.ReloadStopped, EventName = "DirectoryReloadStopped", Level = LogLevel.Debug,
        Message = "Directory reloads from {Source} stopped with the host")]
    private static partial void LogStopped(ILogger logger, string source);

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.StopTimedOut, EventName = "DirectoryReloadStopTimedOut", Level = LogLevel.Warning,
        Message = "Directory reloads from {Source} did not stop before the host's shutdown timeout; the load in progress was cancelled")]
    private static partial void LogStopTimedOut(ILogger logger, string source);

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.LoopFailed, EventName = "DirectoryReloadLoopFailed", Level = LogLevel.Error,
        Message = "The reload loop of directory source {Source} failed; it tries again after the retry interval")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string source);

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.WatchFailed, EventName = "DirectoryWatchFailed", Level = LogLevel.Warning,
        Message = "The files of directory source {Source} cannot be watched ({Reason}); scheduled reloads still run")]
    private static partial void LogWatchFailed(ILogger logger, string source, string reason);
}
