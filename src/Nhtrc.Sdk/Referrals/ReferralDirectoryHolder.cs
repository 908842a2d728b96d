using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Holds the current <see cref="ReferralDirectory"/> and swaps in a new snapshot atomically: a reader
/// sees either the old directory or the new one, never a mix, and a failed reload leaves the old one in
/// place. A holder may start empty (a directory that loads when the host starts, docs/dependency-injection.md) and is
/// never emptied again. Thread-safe.
/// </summary>
public sealed class ReferralDirectoryHolder
{
    private ReferralDirectory? _current;

    /// <summary>Creates an empty holder: <see cref="Current"/> is null until the first <see cref="Swap"/>.</summary>
    public ReferralDirectoryHolder()
    {
    }

    /// <summary>Creates a holder with its first snapshot.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    public ReferralDirectoryHolder(ReferralDirectory initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>
    /// The current snapshot, or null while none has loaded. Read it once per unit of work so that work sees one
    /// snapshot; <see cref="ContactPipeline.Process"/> takes a null directory and says the referrals were not searched.
    /// </summary>
    public ReferralDirectory? Current => Volatile.Read(ref _current);

    /// <summary>Gets the current snapshot.</summary>
    /// <param name="directory">The snapshot, or null while none has loaded.</param>
    /// <returns>True when a snapshot has loaded.</returns>
    public bool TryGetCurrent([NotNullWhen(true)] out ReferralDirectory? directory)
    {
        directory = Current;
        return directory is not null;
    }

    /// <summary>Replaces the snapshot and returns the previous one (null for the first).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null.</exception>
    public ReferralDirectory? Swap(ReferralDirectory next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }

    /// <summary>
    /// Builds a new snapshot with <paramref name="load"/> (for example <c>() =&gt; ReferralDirectoryJson.LoadFile(path)</c>)
    /// and swaps it in only if that succeeds; an exception from <paramref name="load"/> propagates and the
    /// current snapshot stays. <see cref="ReferralDirectoryUpdater"/> does this for a source, with logs, metrics and a status.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="load"/> returned null.</exception>
    public ReferralDirectory Reload(Func<ReferralDirectory> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var next = load() ?? throw new InvalidOperationException("The load function returned null.");
        Swap(next);
        return next;
    }

    /// <inheritdoc/>
    public override string ToString() => Current is { } current ? $"ReferralDirectoryHolder: {current}" : "ReferralDirectoryHolder: no directory yet";
}
