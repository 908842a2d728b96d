using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>A reader of UTF-8 bytes, such as <c>ContactJson.Parse(ReadOnlySpan&lt;byte&gt;)</c>.</summary>
public delegate T Utf8Reader<out T>(ReadOnlySpan<byte> utf8Json);

/// <summary>
/// The property every hostile case must keep: reading gives a value or an <see cref="NhtrcValidationException"/>;
/// using the value gives a result or a documented exception (<see cref="NhtrcValidationException"/>,
/// <see cref="ArgumentException"/> and its subclasses such as <c>CalendarRangeException</c>); all within
/// <see cref="Timeout"/>; and no message holds a personal-data value of the seed.
/// </summary>
/// <remarks>
/// With the environment variable <see cref="RecordVariable"/> set to a file path, each case appends one line
/// (kind, mutation, outcome, exception type, where it was thrown) to that file and never fails: the counting mode
/// used to compare commits (docs/reliability.md).
/// </remarks>
public static class HostileCheck
{
    /// <summary>The environment variable naming the file the counting mode appends to.</summary>
    public const string RecordVariable = "NHTRC_HOSTILE_RECORD";

    /// <summary>How long one case may take, reading and using together.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly object RecordLock = new();

    /// <summary>Whether the counting mode is on.</summary>
    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) is { Length: > 0 };

    /// <summary>Reads the case's bytes and, when that succeeds, uses the value once; fails the test (or records) on anything else.</summary>
    public static void Document<T>(HostileCase c, Utf8Reader<T> read, Action<T> use, IReadOnlyCollection<string> secrets)
    {
        var stage = "read";
        var readMs = -1L;
        var clock = Stopwatch.StartNew();
        var failure = Outcome(c.Kind, () =>
        {
            T value;
            try
            {
                value = read(c.Bytes);
                stage = "use";
                readMs = clock.ElapsedMilliseconds;
            }
            catch (NhtrcValidationException e)
            {
                return Leak(e, secrets, "read");
            }
            catch (Exception e)
            {
                return new Failure("read", e);
            }

            return Use(() => use(value), secrets);
        });
        if (failure is { Stage: "timeout" })
        {
            failure = failure with { Note = failure.Note + ", in " + stage };
        }

        Conclude(c.Kind, c.Mutation.ToString(), $"{c} [{clock.ElapsedMilliseconds} ms, read {readMs} ms]", failure);
    }

    /// <summary>Calls one entry point with extreme arguments: a result or a documented exception, within <see cref="Timeout"/>.</summary>
    public static Failure? Call(string kind, Action call, IReadOnlyCollection<string>? secrets = null) =>
        Outcome(kind, () => Use(call, secrets ?? []));

    /// <summary>Fails (or records) when <paramref name="failure"/> is not null and not a known failure.</summary>
    public static void Conclude(string kind, string category, string description, Failure? failure)
    {
        if (Recording)
        {
            Record(kind, category, description, failure);
            return;
        }

        if (failure is null || KnownFailures.Covers(kind, failure))
        {
            return;
        }

        Assert.Fail($"{description}: {failure}");
    }

    /// <summary>Concludes a batch of calls: every unexpected failure is listed in one message.</summary>
    public static void ConcludeAll(string kind, IEnumerable<(string Category, string Description, Failure? Failure)> outcomes)
    {
        var unexpected = new List<string>();
        foreach (var (category, description, failure) in outcomes)
        {
            if (Recording)
            {
                Record(kind, category, description, failure);
            }
            else if (failure is not null && !KnownFailures.Covers(kind, failure))
            {
                unexpected.Add($"{description}: {failure}");
            }
        }

        Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected outcomes:\n" + string.Join("\n", unexpected.Take(40)));
    }

    /// <summary>Whether an exception is one the entry points document.</summary>
    public static bool Documented(Exception e) => e is NhtrcValidationException or ArgumentException;

    private static Failure? Use(Action use, IReadOnlyCollection<string> secrets)
    {
        try
        {
            use();
            return null;
        }
        catch (Exception e) when (Documented(e))
        {
            return Leak(e, secrets, "use");
        }
        catch (Exception e)
        {
            return new Failure("use", e);
        }
    }

    /// <summary>Runs a case on a task: its own outcome, or a timeout failure after <see cref="Timeout"/>.</summary>
    public static Failure? Outcome(string kind, Func<Failure?> run)
    {
        var task = Task.Run(run);
        if (!task.Wait(Timeout))
        {
            return new Failure("timeout", null, $"took more than {Timeout.TotalSeconds} s ({kind})");
        }

        return task.Result;
    }

    /// <summary>A failure when a message of the exception holds one of the secrets.</summary>
    private static Failure? Leak(Exception e, IReadOnlyCollection<string> secrets, string stage)
    {
        if (secrets.Count == 0)
        {
            return null;
        }

        var texts = new List<string> { e.Message };
        if (e is NhtrcValidationException v)
        {
            texts.AddRange(v.Problems.SelectMany(p => new[] { p.Location, p.Message }));
        }

        var leaked = secrets.FirstOrDefault(s => texts.Any(t => t.Contains(s, StringComparison.OrdinalIgnoreCase)));
        return leaked is null ? null : new Failure(stage + "-message", e, "a message holds the personal-data value '" + leaked + "'");
    }

    private static void Record(string kind, string category, string description, Failure? failure)
    {
        static string Flat(string? text) => (text ?? "").Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        var line = failure is null
            ? $"{kind}\t{category}\tok\t\t\t\t{Flat(description)}"
            : $"{kind}\t{category}\t{failure.Stage}\t{failure.ExceptionType}\t{failure.Site}\t{Flat(failure.Note)}\t{Flat(description)}";
        lock (RecordLock)
        {
            File.AppendAllText(Environment.GetEnvironmentVariable(RecordVariable)!, line + "\n", new UTF8Encoding(false, false));
        }
    }
}

/// <summary>What went wrong in one case: the stage (read, use, timeout, a leaking message), the exception and where it was thrown.</summary>
public sealed record Failure(string Stage, Exception? Exception, string? Note = null)
{
    /// <summary>The exception's type name, or the stage when there is none.</summary>
    public string ExceptionType => Exception?.GetType().Name ?? Stage;

    /// <summary>The method that threw: declaring type and name of the stack's first frame.</summary>
    public string Site
    {
        get
        {
            var method = Exception is null ? null : new StackTrace(Exception).GetFrames().FirstOrDefault()?.GetMethod();
            return method is null ? "" : $"{method.DeclaringType?.Name}.{method.Name}";
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Stage}: {ExceptionType} at {Site}{(Note is null ? "" : ": " + Note)}{(Exception is null ? "" : "\n" + Exception)}";
}
