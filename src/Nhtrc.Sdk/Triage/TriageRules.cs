using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// An ordered set of <see cref="TriageRule"/>s that a <see cref="TriageEngine"/> applies to every contact. Every
/// rule whose condition is met fires; how their actions combine is described on <see cref="TriageEngine.Triage"/>.
/// Rule sets are data: <see cref="TriageRulesJson"/> reads them (the format is in docs/triage.md). Immutable
/// and thread-safe.
/// </summary>
public sealed class TriageRules
{
    /// <summary>The id of <see cref="NhtrcDefault"/>.</summary>
    public const string NhtrcDefaultId = "nhtrc-default";

    private const string NhtrcDefaultResource = "Nhtrc.Sdk.Triage.nhtrc-default.triage.json";

    private static readonly Lazy<TriageRules> Default = new(LoadDefault);

    /// <summary>Creates a rule set.</summary>
    /// <param name="id">An id such as <c>nhtrc-default</c>: 1 to 128 ASCII letters, digits, '.', '_', ':' or '-'.</param>
    /// <param name="rules">The rules in the order they are applied; at least one, with unique ids.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null or holds null.</exception>
    /// <exception cref="NhtrcValidationException">The id is invalid, there is no rule, or rule ids repeat; every problem is listed.</exception>
    public TriageRules(string id, IEnumerable<TriageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToImmutableArray();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(rules), "The collection contains null.");
        }

        var problems = new ProblemList();
        problems.Check("id", ContactRules.OpaqueId(id));
        ValidateRules(problems, string.Empty, list);
        problems.ThrowIfAny("triage rules");
        Id = id;
        Rules = list;
    }

    /// <summary>
    /// The NHTRC's triage, after its published call definitions: crisis contacts, immediate danger or a medical
    /// emergency, and any contact (whatever its request kind) that needs a social-service or law-enforcement response
    /// within 24 hours or shelter tonight are urgent and go to the 24/7 line; emergency services on imminent harm; child welfare and law enforcement when a minor
    /// may be abused; law enforcement for an adult only with consent; a supervisor alert on every potential
    /// trafficking case; everything else to the business-hours queue. Read from an embedded JSON document, whose
    /// rules and reasons docs/triage.md explains.
    /// </summary>
    public static TriageRules NhtrcDefault => Default.Value;

    /// <summary>The rule set's id.</summary>
    public string Id { get; }

    /// <summary>The rules, in the order they are applied.</summary>
    public ImmutableArray<TriageRule> Rules { get; }

    /// <summary>Returns for example <c>nhtrc-default (16 rules)</c>.</summary>
    public override string ToString() => $"{Id} ({Rules.Length} rules)";

    internal static void ValidateRules(ProblemList problems, string prefix, IReadOnlyList<TriageRule> rules) =>
        ValidateRules(problems, prefix, rules.Count, i => rules[i].Id);

    /// <summary>
    /// Checks a list of <paramref name="count"/> rules by their ids (null for a rule that could not be read, which the
    /// reader reports itself): at least one rule, no id twice, at the list's indexes.
    /// </summary>
    internal static void ValidateRules(ProblemList problems, string prefix, int count, Func<int, string?> idAt)
    {
        if (count == 0)
        {
            problems.Add(prefix + "rules", "must list at least one rule.");
        }

        // The index of the first rule with each id: one look-up per rule, not a comparison with every earlier one.
        var first = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (idAt(i) is { } id && !first.TryAdd(id, i))
            {
                problems.Add($"{prefix}rules[{i}].id", $"{InputText.Token(id)} is already the id of rules[{first[id]}].");
            }
        }
    }

    private static TriageRules LoadDefault()
    {
        using var stream = typeof(TriageRules).Assembly.GetManifestResourceStream(NhtrcDefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource {NhtrcDefaultResource} is missing.");
        return TriageRulesJson.Load(stream);
    }
}
