using System;
using System.Collections.Generic;

namespace Nhtrc.Sdk.Tests.Architecture;

public sealed class DependencyGraphTests
{
    private const string Table = """
        | Namespace | May depend on |
        |---|---|
        | `Validation` | nothing |
        | `Text` | `Validation` |
        | `Geography` | `Validation`, `Text` (distances, not addresses) |
        | `Nhtrc.Sdk` (root) | `*` |
        """;

    [Fact]
    public void Parse_Table_ReadsEachRowInOrder_AndTheStarIsEveryOtherNode()
    {
        var graph = DependencyGraph.Parse(Doc(Table));

        Assert.Equal(["Validation", "Text", "Geography", NamespaceNode.Root], graph.Nodes);
        Assert.Empty(graph.MayDependOn("Validation"));
        Assert.Equal(["Validation"], graph.MayDependOn("Text"));
        Assert.Equal(["Validation", "Text"], graph.MayDependOn("Geography"));
        Assert.Equal(["Validation", "Text", "Geography"], graph.MayDependOn(NamespaceNode.Root));
    }

    [Theory]
    [InlineData("Geography", "Text", true)]
    [InlineData("Geography", "Geography", true)]
    [InlineData("Text", "Geography", false)]
    [InlineData("Validation", NamespaceNode.Root, false)]
    [InlineData("Geography", "Referrals", false)]
    [InlineData("Referrals", "Referrals", false)]
    public void Allows_ListedEdgesAndItself_OnlyBetweenNodesWithARow(string from, string to, bool allowed)
    {
        var graph = DependencyGraph.Parse(Doc(Table));

        Assert.Equal(allowed, graph.Allows(from, to));
    }

    [Fact]
    public void Parse_CyclicGraph_IsRejected_NamingTheCycle()
    {
        var doc = Doc("""
            | Namespace | May depend on |
            |---|---|
            | `Validation` | nothing |
            | `Contacts` | `Geography`, `Validation` |
            | `Geography` | `Referrals` |
            | `Referrals` | `Contacts` |
            """);

        var e = Assert.Throws<FormatException>(() => DependencyGraph.Parse(doc));

        Assert.Contains("The graph has a cycle: Contacts -> Geography -> Referrals -> Contacts.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NodeThatUsesTheRoot_IsACycleThroughTheRoot()
    {
        var doc = Doc(Table.Replace("| `Text` | `Validation` |", "| `Text` | `Validation`, `Nhtrc.Sdk` |", StringComparison.Ordinal));

        var e = Assert.Throws<FormatException>(() => DependencyGraph.Parse(doc));

        Assert.Contains("The graph has a cycle: Text -> Nhtrc.Sdk -> Text.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryProblemOfTheTable_IsListedWithItsLine()
    {
        var doc = Doc("""
            | Namespace | May depend on |
            |---|---|
            | `Validation` | nothing |
            | `Text` | `Validation` |
            | `Text` | `Validation` |
            | Geography | `Validation` |
            | `Nhtrc.Sdk.Contacts` | `Validation` |
            """);

        var e = Assert.Throws<FormatException>(() => DependencyGraph.Parse(doc));

        Assert.Equal(
            """
            The "Allowed dependencies" graph cannot be read:
            line 10: `Text` already has a row, on line 9.
            line 11: the first cell names one namespace in backticks, as `Contacts`.
            line 12: `Nhtrc.Sdk.Contacts` is not a node name: write `Nhtrc.Sdk` for the root and the segment after `Nhtrc.Sdk.` for the rest, as `Contacts`.
            """.ReplaceLineEndings(),
            e.Message);
    }

    [Fact]
    public void Parse_DependencyWithoutARowOfItsOwn_IsRejected()
    {
        var doc = Doc(Table.Replace("`Validation`, `Text` (distances", "`Validation`, `Txet` (distances", StringComparison.Ordinal));

        var e = Assert.Throws<FormatException>(() => DependencyGraph.Parse(doc));

        Assert.Contains("line 10: `Geography` may depend on `Txet`, which has no row of its own", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsOnlyTheAllowedDependenciesSection()
    {
        var doc = $"""
            # Architecture

            ## Namespaces

            | Namespace | May depend on |
            |---|---|
            | `Elsewhere` | `Nowhere` |

            {Doc(Table)}

            ### Notes inside the section

            | Namespace | May depend on |
            |---|---|
            | `Ignored` | `Too` |

            ## Changing the graph

            | Namespace | May depend on |
            |---|---|
            | `After` | `Validation` |
            """;

        var graph = DependencyGraph.Parse(doc);

        Assert.Equal(["Validation", "Text", "Geography", NamespaceNode.Root], graph.Nodes);
    }

    [Theory]
    [InlineData("# Architecture\n\nNo graph here.\n", "There is no \"## Allowed dependencies\" heading.")]
    [InlineData("## Allowed dependencies\n\nTo be written.\n\n## Next\n\n| Namespace | May depend on |\n|---|---|\n| `A` | nothing |\n", "the \"Allowed dependencies\" section has no table.")]
    [InlineData("## Allowed dependencies\n\n| Namespace | Contents |\n|---|---|\n| `A` | nothing |\n", "line 3: the table's header must be \"| Namespace | May depend on |\".")]
    [InlineData("## Allowed dependencies\n\n| Namespace | May depend on |\n|---|---|\n", "line 3: the table has no rows.")]
    public void Parse_MissingOrMalformedSection_IsRejected(string doc, string problem)
    {
        var e = Assert.Throws<FormatException>(() => DependencyGraph.Parse(doc));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CyclicGraph_IsRejected_NamingTheCycle()
    {
        var edges = new Dictionary<string, string[]>
        {
            ["Text"] = ["Validation"],
            ["Validation"] = ["Text"],
        };

        var e = Assert.Throws<ArgumentException>(() => new DependencyGraph(edges));

        Assert.StartsWith("The graph has a cycle: Text -> Validation -> Text.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A doc whose graph section is <paramref name="table"/>; its header row is line 6.</summary>
    private static string Doc(string table) => $"""
        # Architecture

        ## Allowed dependencies

        Only backticked names count.
        {table}

        ## Changing the graph

        Edit the table.
        """;
}
