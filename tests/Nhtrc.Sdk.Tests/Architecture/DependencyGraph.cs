using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// The allowed dependencies between the nodes of <c>Nhtrc.Sdk</c>: for each node, the nodes its types may use. A node
/// may always use itself; any other edge not listed is forbidden, as is every edge to or from a node with no entry.
/// The graph is acyclic by construction: a cycle is rejected, naming it.
/// </summary>
internal sealed partial class DependencyGraph
{
    /// <summary>The heading of the section of <c>docs/architecture.md</c> that <see cref="Parse"/> reads.</summary>
    public const string Heading = "Allowed dependencies";

    /// <summary>In a table row, stands for every node of the table but the row's own.</summary>
    public const string Everything = "*";

    private readonly Dictionary<string, string[]> _mayDependOn;

    /// <exception cref="ArgumentException">A node has two entries, an edge names a node with no entry, or the edges form a cycle.</exception>
    public DependencyGraph(IEnumerable<KeyValuePair<string, string[]>> mayDependOn)
        : this(mayDependOn.Select(e => (e.Key, e.Value)).ToList())
    {
        var problems = Problems(lineOf: null);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(mayDependOn));
        }
    }

    /// <summary>Builds the graph without checking its edges, so that <see cref="Parse"/> can report them by line.</summary>
    private DependencyGraph(List<(string Node, string[] Targets)> entries)
    {
        _mayDependOn = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (node, targets) in entries)
        {
            if (!_mayDependOn.TryAdd(node, [.. targets]))
            {
                throw new ArgumentException($"`{node}` has two entries.", nameof(entries));
            }
        }

        Nodes = [.. entries.Select(e => e.Node)];
    }

    /// <summary>Every node, in the order given.</summary>
    public IReadOnlyList<string> Nodes { get; }

    public bool Contains(string node) => _mayDependOn.ContainsKey(node);

    /// <summary>The nodes <paramref name="node"/> may use besides itself, in the order given; empty for an unknown node.</summary>
    public IReadOnlyList<string> MayDependOn(string node) => _mayDependOn.TryGetValue(node, out var targets) ? targets : [];

    /// <summary>Whether a type in <paramref name="from"/> may use a type in <paramref name="to"/>.</summary>
    public bool Allows(string from, string to) =>
        _mayDependOn.TryGetValue(from, out var targets)
        && _mayDependOn.ContainsKey(to)
        && (string.Equals(from, to, StringComparison.Ordinal) || targets.Contains(to, StringComparer.Ordinal));

    /// <summary>
    /// Reads the graph from the first table under the <see cref="Heading"/> heading of a Markdown document: a header
    /// row <c>| Namespace | May depend on |</c>, then one row per node with the node in backticks in the first cell and
    /// the nodes it may use in backticks in the second (<c>`*`</c> for every other node; none for nothing).
    /// Text outside backticks is commentary; other sections of the document are not read.
    /// </summary>
    /// <exception cref="FormatException">
    /// The section or table is missing or malformed, a row names no node or one twice, a dependency has no row of its
    /// own, or the graph has a cycle. The message lists every problem with its line number: every problem of the
    /// table's rows, or when the rows read, every problem of their edges.
    /// </exception>
    public static DependencyGraph Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var rows = ReadTable(lines, out var problems);
        if (problems.Count == 0)
        {
            var nodes = rows.Select(r => r.Node).ToArray();
            var graph = new DependencyGraph(rows.Select(r => (
                r.Node,
                r.Targets.Contains(Everything, StringComparer.Ordinal) ? nodes.Where(n => n != r.Node).ToArray() : r.Targets)).ToList());
            problems.AddRange(graph.Problems(rows.ToDictionary(r => r.Node, r => r.Line, StringComparer.Ordinal)));
            if (problems.Count == 0)
            {
                return graph;
            }
        }

        throw new FormatException($"The \"{Heading}\" graph cannot be read:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>A cycle as the nodes along it, first node repeated at the end; null when the graph is acyclic.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path; true: done.
        var path = new List<string>();
        foreach (var node in Nodes)
        {
            var cycle = Visit(node, state, path);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        return null;
    }

    private List<string>? Visit(string node, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(node, out var done))
        {
            return done ? null : [.. path.Skip(path.IndexOf(node)), node];
        }

        state[node] = false;
        path.Add(node);
        foreach (var target in MayDependOn(node))
        {
            var cycle = _mayDependOn.ContainsKey(target) ? Visit(target, state, path) : null;
            if (cycle is not null)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = true;
        return null;
    }

    private List<string> Problems(Dictionary<string, int>? lineOf)
    {
        var problems = new List<string>();
        foreach (var node in Nodes)
        {
            var at = lineOf is null ? "" : $"line {lineOf[node]}: ";
            foreach (var target in MayDependOn(node).Where(t => !Contains(t)))
            {
                problems.Add($"{at}`{node}` may depend on `{target}`, which has no row of its own; add one or remove the dependency.");
            }
        }

        var cycle = FindCycle();
        if (cycle is not null)
        {
            problems.Add($"The graph has a cycle: {string.Join(" -> ", cycle)}. The graph must stay acyclic; remove one of these dependencies.");
        }

        return problems;
    }

    private static List<Row> ReadTable(string[] lines, out List<string> problems)
    {
        problems = [];
        var rows = new List<Row>();
        var section = FindSection(lines);
        if (section is null)
        {
            problems.Add($"There is no \"## {Heading}\" heading.");
            return rows;
        }

        var (start, end) = section.Value;
        var header = Array.FindIndex(lines, start, end - start, l => l.TrimStart().StartsWith('|'));
        if (header < 0)
        {
            problems.Add($"line {start}: the \"{Heading}\" section has no table.");
            return rows;
        }

        var headerCells = Cells(lines[header]);
        if (headerCells.Length != 2
            || !headerCells[0].Equals("Namespace", StringComparison.OrdinalIgnoreCase)
            || !headerCells[1].Equals("May depend on", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"line {header + 1}: the table's header must be \"| Namespace | May depend on |\".");
            return rows;
        }

        if (header + 1 >= end || !Cells(lines[header + 1]).All(c => TableRule().IsMatch(c)))
        {
            problems.Add($"line {header + 2}: the header must be followed by the rule \"|---|---|\".");
            return rows;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = header + 2; i < end && lines[i].TrimStart().StartsWith('|'); i++)
        {
            var line = i + 1;
            var cells = Cells(lines[i]);
            if (cells.Length != 2)
            {
                problems.Add($"line {line}: a row has two cells, the namespace and what it may depend on.");
                continue;
            }

            var names = Quoted(cells[0]);
            if (names.Length != 1)
            {
                problems.Add($"line {line}: the first cell names one namespace in backticks, as `Contacts`.");
                continue;
            }

            var node = names[0];
            var targets = Quoted(cells[1]);
            foreach (var name in targets.Prepend(node).Where(n => n != Everything && !NodeName().IsMatch(n)))
            {
                problems.Add($"line {line}: `{name}` is not a node name: write `{NamespaceNode.Root}` for the root and the segment after `{NamespaceNode.Root}.` for the rest, as `Contacts`.");
            }

            if (!seen.TryAdd(node, line))
            {
                problems.Add($"line {line}: `{node}` already has a row, on line {seen[node]}.");
                continue;
            }

            rows.Add(new Row(node, targets, line));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add($"line {header + 1}: the table has no rows.");
        }

        return rows;
    }

    /// <summary>The lines from after the heading to before the next heading of the same or a higher level.</summary>
    private static (int Start, int End)? FindSection(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var heading = MarkdownHeading().Match(lines[i]);
            if (!heading.Success || !heading.Groups["title"].Value.Equals(Heading, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var level = heading.Groups["level"].Length;
            for (var j = i + 1; j < lines.Length; j++)
            {
                var next = MarkdownHeading().Match(lines[j]);
                if (next.Success && next.Groups["level"].Length <= level)
                {
                    return (i + 1, j);
                }
            }

            return (i + 1, lines.Length);
        }

        return null;
    }

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    private static string[] Quoted(string cell) =>
        BacktickQuoted().Matches(cell).Select(m => m.Groups[1].Value.Trim()).ToArray();

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.*?)\s*#*\s*$")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex("^:?-+:?$")]
    private static partial Regex TableRule();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickQuoted();

    [GeneratedRegex(@"^(Nhtrc\.Sdk|[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex NodeName();

    private sealed record Row(string Node, string[] Targets, int Line);
}
