using System;
using System.IO;
using System.Linq;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Holds the compiled <c>Nhtrc.Sdk.dll</c> to the allowed dependencies written in <c>docs/architecture.md</c>. The graph
/// is rejected when it has a cycle, so an assembly that uses only its edges has no cycle between its namespaces either.
/// </summary>
public sealed class ArchitectureTests
{
    private const string DocPath = "docs/architecture.md";

    private static readonly string SdkAssemblyPath = typeof(Contact).Assembly.Location;

    [Fact]
    public void SdkAssembly_NamespaceDependencies_AreAllAllowedByTheDoc()
    {
        var allowed = DependencyGraph.Parse(File.ReadAllText(Doc()));

        var violations = NamespaceDependencyChecker.Check(SdkAssemblyPath, allowed);

        if (violations.Count > 0)
        {
            Assert.Fail(NamespaceDependencyChecker.Describe(violations, DocPath));
        }
    }

    [Fact]
    public void Doc_AllowedDependencies_AreAnAcyclicGraphWhoseRootMayUseEveryNamespace()
    {
        var allowed = DependencyGraph.Parse(File.ReadAllText(Doc()));

        Assert.Null(allowed.FindCycle());
        Assert.Contains("Validation", allowed.Nodes);
        Assert.Empty(allowed.MayDependOn("Validation"));
        Assert.Equal(allowed.Nodes.Where(n => n != NamespaceNode.Root).Order(StringComparer.Ordinal), allowed.MayDependOn(NamespaceNode.Root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SdkAssembly_Reader_SeesDependenciesThatTheGraphAllows()
    {
        // Guards the check above against passing because the reader saw nothing.
        var dependencies = NamespaceDependencyChecker.Read(File.ReadAllBytes(SdkAssemblyPath));

        Assert.Contains(dependencies, d => d is { FromNode: "Referrals", ToNode: "Geography" });
        Assert.Contains(dependencies, d => d is { FromNode: "Triage", ToNode: "Contacts" });
        Assert.Contains(dependencies, d => d is { FromNode: NamespaceNode.Root, ToNode: "ResponseTimes" });
    }

    /// <summary>The doc in the repository this test was built from: up from the test's output to <c>Nhtrc.Sdk.sln</c>.</summary>
    private static string Doc()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
            {
                return Path.Combine(directory.FullName, DocPath);
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds Nhtrc.Sdk.sln.");
    }
}
