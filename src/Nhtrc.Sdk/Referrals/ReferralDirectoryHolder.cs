using System;
using System.Threading;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Holds the current <see cref="ReferralDirectory"/> and swaps in a new snapshot atomically: a reader
/// sees either the old directory or the new one, never a mix, and a failed reload leaves the old one in
/// place. Thread-safe.
/// </summary>
public sealed class ReferralDirectoryHolder
{
    private ReferralDirectory _current;

    /// <summary>Creates a holder with its first snapshot.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    public ReferralDirectoryHolder(ReferralDirectory initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    /// <summary>The current snapshot. Read it once per unit of work so that work sees one snapshot.</summary>
    public ReferralDirectory Current => Volatile.Read(ref _current);

    /// <summary>Replaces the snapshot and returns the previous one.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null.</exception>
    public ReferralDirectory Swap(ReferralDirectory next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Interlocked.Exchange(ref _current, next);
    }

    /// <summary>
    /// Builds a new snapshot with <paramref name="load"/> (for example <c>() =&gt; ReferralDirectoryJson.LoadFile(path)</c>)
    /// and swaps it in only if that succeeds; an exception from <paramref name="load"/> propagates and the
    /// current snapshot stays.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    public ReferralDirectory Reload(Func<ReferralDirectory> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var next = load() ?? throw new InvalidOperationException("The load function returned null.");
        Swap(next);
        return next;
    }
}
