using System.Linq;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>Every fixture and sample of each document kind, and what today's writers make of it, validates against its schema.</summary>
public sealed class SchemaValidationTests
{
    public static TheoryData<string> SchemaFiles() => [.. SchemaCorpus.All.Select(c => c.SchemaFile)];

    [Fact]
    public void EverySchemaFile_HasACorpus_AndEveryCorpusASchema() =>
        Assert.Equal(DocumentSchemas.Files.Order(), SchemaCorpus.All.Select(c => c.SchemaFile).Order());

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void EveryKnownDocument_IsValid(string schemaFile)
    {
        var instances = SchemaCorpus.Of(schemaFile).Instances().ToList();
        var failures = instances
            .Select(i => (i.Name, Problems: DocumentSchemas.Problems(schemaFile, i.Json)))
            .Where(r => r.Problems.Count > 0)
            .Select(r => $"{r.Name}:\n    {string.Join("\n    ", r.Problems.Take(5))}")
            .ToList();
        Assert.True(instances.Count >= 2, $"{schemaFile}: only {instances.Count} documents to validate.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {instances.Count} documents fail {schemaFile}:\n{string.Join("\n", failures.Take(10))}");
    }
}
