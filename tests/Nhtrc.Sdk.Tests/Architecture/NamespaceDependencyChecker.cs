using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Checks a compiled assembly's namespace dependencies, as <see cref="TypeDependencyReader"/> finds them, against an
/// allowed <see cref="DependencyGraph"/>.
/// </summary>
internal static class NamespaceDependencyChecker
{
    /// <summary>How many references <see cref="Describe"/> shows for each violation.</summary>
    public const int SamplesShown = 5;

    /// <summary>The forbidden node dependencies of the assembly at <paramref name="assemblyPath"/>, ordered by node names.</summary>
    public static IReadOnlyList<DependencyViolation> Check(string assemblyPath, DependencyGraph allowed) =>
        Check(File.ReadAllBytes(assemblyPath), allowed);

    /// <summary>The forbidden node dependencies of the assembly image <paramref name="assembly"/>, ordered by node names.</summary>
    public static IReadOnlyList<DependencyViolation> Check(byte[] assembly, DependencyGraph allowed) =>
        Check(Read(assembly), allowed);

    /// <summary>Every cross-node type reference in the assembly image <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<TypeDependency> Read(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly, writable: false));
        return TypeDependencyReader.Read(pe);
    }

    public static IReadOnlyList<DependencyViolation> Check(IReadOnlyList<TypeDependency> dependencies, DependencyGraph allowed) =>
        dependencies
            .Where(d => !allowed.Allows(d.FromNode, d.ToNode))
            .GroupBy(d => (d.FromNode, d.ToNode))
            .OrderBy(g => g.Key.FromNode, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ToNode, StringComparer.Ordinal)
            .Select(g => new DependencyViolation(g.Key.FromNode, g.Key.ToNode, Reason(g.Key.FromNode, g.Key.ToNode, allowed), [.. g]))
            .ToList();

    /// <summary>
    /// A line naming every forbidden edge, then a paragraph per violation: the edge, why it is forbidden, how many
    /// references make it, and up to <see cref="SamplesShown"/> of them as <c>from-type -> to-type (where)</c>, chosen to
    /// show as many different types as they can.
    /// </summary>
    public static string Describe(IReadOnlyList<DependencyViolation> violations, string graphSource)
    {
        var text = new StringBuilder();
        text.Append($"{violations.Count} namespace {(violations.Count == 1 ? "dependency is" : "dependencies are")} not allowed by {graphSource}: ");
        text.AppendJoin(", ", violations.Select(v => $"{v.From} -> {v.To}")).Append('.');
        foreach (var violation in violations)
        {
            var pairs = violation.References.DistinctBy(r => (r.FromType, r.ToType)).ToList();
            text.AppendLine().AppendLine();
            text.Append($"{violation.From} -> {violation.To}: {violation.Reason}; {pairs.Count} type {(pairs.Count == 1 ? "pair" : "pairs")} ({violation.References.Count} references), e.g.");
            foreach (var reference in Samples(pairs))
            {
                text.AppendLine().Append("    ").Append(reference);
            }
        }

        return text.ToString();
    }

    /// <summary>Pairs whose types are both new first, then pairs with a new target type, then the rest; in name order.</summary>
    private static IEnumerable<TypeDependency> Samples(List<TypeDependency> pairs)
    {
        var ordered = pairs
            .OrderBy(r => r.FromType.FullName, StringComparer.Ordinal)
            .ThenBy(r => r.ToType.FullName, StringComparer.Ordinal)
            .ToList();
        var chosen = new List<TypeDependency>();
        var fromShown = new HashSet<NamedType>();
        var toShown = new HashSet<NamedType>();
        Choose(p => !fromShown.Contains(p.FromType) && !toShown.Contains(p.ToType));
        Choose(p => !toShown.Contains(p.ToType));
        Choose(_ => true);
        return chosen.OrderBy(r => r.FromType.FullName, StringComparer.Ordinal).ThenBy(r => r.ToType.FullName, StringComparer.Ordinal);

        void Choose(Func<TypeDependency, bool> wanted)
        {
            foreach (var pair in ordered)
            {
                if (chosen.Count == SamplesShown)
                {
                    return;
                }

                if (!chosen.Contains(pair) && wanted(pair))
                {
                    chosen.Add(pair);
                    fromShown.Add(pair.FromType);
                    toShown.Add(pair.ToType);
                }
            }
        }
    }

    private static string Reason(string from, string to, DependencyGraph allowed)
    {
        if (!allowed.Contains(from))
        {
            return $"{from} is not in the graph";
        }

        if (!allowed.Contains(to))
        {
            return $"{to} is not in the graph";
        }

        var targets = allowed.MayDependOn(from);
        return $"{from} may depend on {(targets.Count == 0 ? "nothing" : string.Join(", ", targets))}";
    }
}
