using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Cli;

/// <summary>
/// The options several commands take, each defined once here: <c>--json</c>, <c>--at</c>, <c>--directory</c>,
/// <c>--policy</c> and <c>--rules</c>. Each call makes a new option, because an option belongs to the command tree
/// it is added to and <see cref="Program.Run"/> builds a tree per run.
/// </summary>
internal static class SharedOptions
{
    /// <summary><c>--json</c>: print JSON instead of text.</summary>
    public static Option<bool> Json(string description = "print JSON instead of text") =>
        new("--json") { Description = description };

    /// <summary><c>--at INSTANT</c>: an ISO-8601 UTC instant ending in <c>Z</c>; a value that is not one is a parse error.</summary>
    public static Option<Instant?> At(string description) => TakesNoOption(new Option<Instant?>("--at")
    {
        Description = description,
        HelpName = "INSTANT",
        CustomParser = result => Parse<Instant?>(result, text => InstantPattern.ExtendedIso.Parse(text) is { Success: true } parsed
            ? (parsed.Value, null)
            : (null, $"'{text}' is not an ISO-8601 UTC instant such as 2026-07-02T22:00:00Z.")),
    });

    /// <summary><c>--directory FILE</c>: a referral directory file, JSON or <c>.json.gz</c>.</summary>
    public static Option<string> Directory() => File(
        "--directory",
        "the referral directory file (JSON or .json.gz, docs/referrals.md); default: the embedded, fictional sample directory");

    /// <summary><c>--policy FILE</c>: a response policy file.</summary>
    public static Option<string> Policy(string defaultDescription) => File(
        "--policy",
        "the response policy JSON file to apply (docs/deadlines.md); default: " + defaultDescription);

    /// <summary><c>--rules FILE</c>: a triage rules file.</summary>
    public static Option<string> Rules() => File(
        "--rules",
        "the triage rules JSON file to apply (docs/triage.md); default: the embedded NHTRC rules (nhtrc-default)");

    /// <summary>An option whose one value is a file the command reads; the file itself is checked when it is read.</summary>
    public static Option<string> File(string name, string description) =>
        TakesNoOption(new Option<string>(name) { Description = description, HelpName = "FILE" });

    /// <summary>
    /// Makes a value that starts with <c>--</c> an error: System.CommandLine gives an option the next argument as its
    /// value whatever it is, so <c>--policy --explain</c> would read a file named <c>--explain</c>. A negative number
    /// (<c>--lon -95.36</c>) is still a value.
    /// </summary>
    public static TOption TakesNoOption<TOption>(TOption option)
        where TOption : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (IsOptionLike(token.Value))
                {
                    result.AddError($"{option.Name}: needs a value; '{token.Value}' is an option, not a value.");
                }
            }
        });
        return option;
    }

    /// <summary>Makes an argument that starts with <c>-</c> (other than <c>-</c> itself, standard input) an unknown option.</summary>
    public static Argument<T> TakesNoOption<T>(Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"'{token.Value}' is not a known option.");
                }
            }
        });
        return argument;
    }

    /// <summary>
    /// The value of an option's one token by <paramref name="parse"/>: the value, or an error that becomes a parse error
    /// reading <c>OPTION: error</c>, so it is reported with the other argument problems.
    /// </summary>
    public static T? Parse<T>(ArgumentResult result, Func<string, (T? Value, string? Error)> parse)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(parse);
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (IsOptionLike(text))
        {
            return default; // TakesNoOption reports it.
        }

        var (value, error) = parse(text);
        if (error is not null)
        {
            result.AddError($"{OptionName(result)}: {error}");
        }

        return value;
    }

    /// <summary>
    /// The value of <paramref name="option"/> for a command validator: its value, or default when it is absent or its
    /// value is bad (the bad value's parse error is then recorded, and reported with the others).
    /// </summary>
    public static T? ValueOrDefault<T>(SymbolResult result, Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GetResult(option) is not { } optionResult)
        {
            return default;
        }

        try
        {
            return optionResult.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            // System.CommandLine throws for a value whose conversion failed; the failure is already a parse error.
            return default;
        }
    }

    /// <summary>
    /// True when an option of the command was given without its value or with too many: System.CommandLine reports
    /// those only when the command's validators add no error, so a validator checks this first and leaves them to it.
    /// </summary>
    public static bool HasArityProblems(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var child in result.Children)
        {
            if (child is OptionResult { Implicit: false } option
                && (option.Tokens.Count < option.Option.Arity.MinimumNumberOfValues
                    || option.Tokens.Count > option.Option.Arity.MaximumNumberOfValues
                    || option.Tokens.Any(t => IsOptionLike(t.Value))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOptionLike(string value) => value.StartsWith("--", StringComparison.Ordinal) || value is "-h" or "-?";

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
