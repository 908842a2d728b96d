using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Resources;

namespace Nhtrc.Sdk.Tests.Resources;

/// <summary>The indexed search returns exactly what the naive scan of the documented formula returns.</summary>
[Properties(Arbitrary = [typeof(ResourceArbitraries)], MaxTest = 300)]
public sealed class ResourceSearchDifferentialTests
{
    [Property]
    public Property Search_MatchesTheNaiveScan_SameMaterialsScoresAndOrder(ResourceSearchCase c)
    {
        var library = new ResourceLibrary(c.Materials);
        var actual = library.Search(c.Query).Select(r => (r.Material.Id, r.Score)).ToList();
        var expected = NaiveResourceSearch.Search(c.Materials, c.Query);
        return actual.SequenceEqual(expected)
            .Label($"actual [{string.Join(", ", actual)}] expected [{string.Join(", ", expected)}]");
    }

    [Property]
    public Property Search_SameQueryTwice_SameResults(ResourceSearchCase c)
    {
        var library = new ResourceLibrary(c.Materials.Reverse());
        var first = library.Search(c.Query);
        var second = new ResourceLibrary(c.Materials).Search(c.Query);
        return first.Select(r => (r.Material.Id, r.Score, string.Join("|", r.Reasons)))
            .SequenceEqual(second.Select(r => (r.Material.Id, r.Score, string.Join("|", r.Reasons))))
            .ToProperty();
    }

    [Property]
    public Property Serialize_ThenParse_GivesEqualMaterials(ResourceSearchCase c)
    {
        var library = new ResourceLibrary(c.Materials);
        var again = ResourceLibraryJson.Parse(ResourceLibraryJson.Serialize(library));
        return library.Materials.SequenceEqual(again.Materials).ToProperty();
    }
}
