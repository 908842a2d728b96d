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
/// when the host starts it loads the source if the holder is still empty (a failure is logged and retried, and the
/// host starts anyway: the health check reports it), then reloads on <see cref="ReferralsOptions.ReloadInterval"/>,
/// after a failure on <see cref="ReferralsOptions.RetryInterval"/>, and when a watched file changes
/// (<see cref="ReferralsOptions.WatchFile"/>). Waits use the registered <see cref="TimeProvider"/>, so a test's
/// <c>FakeTimeProvider</c> drives the schedule. Stops with the host, cancelling a load in progress.
/// </summary>
internal sealed partial class ReferralDirectoryReloadService : IHostedService, IDisposable
{
    /// <summary>How long file changes are gathered into one reload.</summary>
    internal static readonly TimeSpan FileChangeDelay = TimeSpan.FromMilliseconds(500);

    private readonly ReferralDirectoryUpdater _updater;
    private readonly ReferralsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly List<FileSystemWatcher> _watchers = [];
    private DateTimeOffset _lastAttempt;
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public ReferralDirectoryReloadService(ReferralDirectoryUpdater updater, IOptions<NhtrcOptions> options, ILogger<ReferralDirectoryReloadService>? logger = null, TimeProvider? time = null)
    {
        _updater = updater;
        _options = options.Value.Referrals;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _lastAttempt = _time.GetUtcNow();
        if (!_updater.Holder.TryGetCurrent(out _))
        {
            await _updater.ReloadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_options.WatchFile && _updater.Source is IFileDirectorySource files)
        {
            foreach (var path in files.Paths)
            {
                Watch(path);
            }
        }

        if (_options.ReloadInterval is not null || _watchers.Count > 0 || !_updater.Status.HasDirectory)
        {
            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var watcher in _watchers)
        {
            watcher.EnableRaisingEvents = false;
        }

        if (_stopping is null || _loop is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_loop.IsCompleted || cancellationToken.IsCancellationRequested)
        {
        }

        LogStopped(_logger, _updater.Status.Source);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _stopping?.Cancel();
        _stopping?.Dispose();
        _changed.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var status = _updater.Status;
            var wait = status.HasDirectory && status.LastError is null
                ? _options.ReloadInterval ?? Timeout.InfiniteTimeSpan
                : _options.ReloadInterval is { } interval && interval < _options.RetryInterval ? interval : _options.RetryInterval;
            try
            {
                // The schedule counts from the last attempt, however late this loop gets here.
                if (wait != Timeout.InfiniteTimeSpan)
                {
                    var left = _lastAttempt + wait - _time.GetUtcNow();
                    wait = left > TimeSpan.Zero ? left : TimeSpan.Zero;
                }

                using var round = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                var timer = Task.Delay(wait, _time, round.Token);
                var change = _changed.WaitAsync(round.Token);
                var first = await Task.WhenAny(timer, change).ConfigureAwait(false);
                await round.CancelAsync().ConfigureAwait(false);
                stopping.ThrowIfCancellationRequested();
                if (first == change && change.IsCompletedSuccessfully)
                {
                    // Editors and copies write a file in several steps: gather them into one reload.
                    await Task.Delay(FileChangeDelay, _time, stopping).ConfigureAwait(false);
                    while (_changed.Wait(0, CancellationToken.None))
                    {
                    }

                    LogFileChanged(_logger, status.Source);
                }

                _lastAttempt = _time.GetUtcNow();
                await _updater.ReloadAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Watch(string path)
    {
        var isFolder = Directory.Exists(path);
        var folder = isFolder ? path : Path.GetDirectoryName(path);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder, isFolder ? "*" : Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += OnChanged;
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (_changed.CurrentCount == 0)
        {
            try
            {
                _changed.Release();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.FileChanged, EventName = "DirectoryFileChanged", Level = LogLevel.Debug,
        Message = "A file of directory source {Source} changed; reloading")]
    private static partial void LogFileChanged(ILogger logger, string source);

    [LoggerMessage(EventId = ReferralDirectoryUpdater.Events.ReloadStopped, EventName = "DirectoryReloadStopped", Level = LogLevel.Debug,
        Message = "Directory reloads from {Source} stopped with the host")]
    private static partial void LogStopped(ILogger logger, string source);
}
