using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>
/// Each schema is closed: mutations of valid documents (<see cref="JsonMutations"/>) with an unknown property or a
/// value of the wrong JSON type are rejected wherever they are made, and removing a member is rejected exactly when the
/// SDK's reader rejects it too (so <c>required</c> is neither missing nor too much); in a result, which has no reader and
/// writes every member always, removing any member is rejected. Mutations are deduplicated by
/// kind and shape of path (<c>$.organizations[*].services[*].area</c>), a few documents each, to keep the run short.
/// </summary>
public sealed class SchemaMutationTests
{
    private const int DocumentsPerShape = 3;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Mutation>> Cache = new();

    public static TheoryData<string> SchemaFiles() => [.. SchemaCorpus.All.Select(c => c.SchemaFile)];

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void TheMutator_MakesMutationsOfEveryKind(string schemaFile)
    {
        var mutations = MutationsOf(schemaFile);
        var removals = mutations.Where(m => m.Kind == MutationKind.MissingMember).ToList();
        var rejected = removals.Count(m => !IsValid(schemaFile, m.Apply().ToJsonString()));
        Assert.True(mutations.Count(m => m.Kind == MutationKind.UnknownProperty) >= 2, $"{schemaFile}: too few unknown-property mutations.");
        Assert.True(mutations.Count(m => m.Kind == MutationKind.WrongType) >= 5, $"{schemaFile}: too few wrong-type mutations.");
        Assert.True(rejected > 0, $"{schemaFile}: no removal of a required member among {removals.Count}.");
        if (SchemaCorpus.Of(schemaFile).Read is not null)
        {
            // A result (no reader) writes every member always, so only a document has optional members to remove.
            Assert.True(rejected < removals.Count, $"{schemaFile}: no removal of an optional member among {removals.Count}.");
        }
        foreach (var m in mutations.Take(50))
        {
            Assert.False(JsonNode.DeepEquals(m.Original, m.Apply()), $"{m} changed nothing.");
        }
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void AnUnknownProperty_IsRejected_InEveryObject(string schemaFile) => AssertRejected(schemaFile, MutationKind.UnknownProperty);

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void AValueOfTheWrongType_IsRejected_Everywhere(string schemaFile) => AssertRejected(schemaFile, MutationKind.WrongType);

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void RemovingAMember_IsRejected_ExactlyWhenTheReaderRejectsIt(string schemaFile)
    {
        var corpus = SchemaCorpus.Of(schemaFile);
        if (corpus.Read is null)
        {
            // A format the SDK only writes, every member always: no reader to compare with, and no member may be missing.
            AssertRejected(schemaFile, MutationKind.MissingMember);
            return;
        }

        var disagreements = new List<string>();
        foreach (var m in MutationsOf(schemaFile).Where(m => m.Kind == MutationKind.MissingMember))
        {
            var json = m.Apply().ToJsonString();
            var byReader = corpus.ReaderAccepts(json);
            var bySchema = IsValid(schemaFile, json);
            if (byReader != bySchema)
            {
                disagreements.Add($"{m}: the reader {(byReader ? "accepts" : "rejects")} it, the schema {(bySchema ? "accepts" : "rejects")} it.");
            }
        }

        Assert.True(disagreements.Count == 0, $"{schemaFile}:\n{string.Join("\n", disagreements.Take(20))}");
    }

    private static void AssertRejected(string schemaFile, MutationKind kind)
    {
        var corpus = SchemaCorpus.Of(schemaFile);
        var accepted = new List<string>();
        var count = 0;
        foreach (var m in MutationsOf(schemaFile).Where(m => m.Kind == kind))
        {
            count++;
            var json = m.Apply().ToJsonString();
            if (IsValid(schemaFile, json))
            {
                accepted.Add($"{m}: the schema accepts it.");
            }

            if (corpus.Read is not null && corpus.ReaderAccepts(json))
            {
                accepted.Add($"{m}: the SDK's reader accepts it.");
            }
        }

        Assert.True(count > 0, $"{schemaFile}: no {kind} mutations.");
        Assert.True(accepted.Count == 0, $"{schemaFile}, {accepted.Count} of {count} mutations accepted:\n{string.Join("\n", accepted.Take(20))}");
    }

    private static bool IsValid(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        return DocumentSchemas.IsValid(schemaFile, document.RootElement);
    }

    private static IReadOnlyList<Mutation> MutationsOf(string schemaFile) => Cache.GetOrAdd(schemaFile, file =>
    {
        var perShape = new Dictionary<(MutationKind, string), int>();
        var kept = new List<Mutation>();
        foreach (var instance in SchemaCorpus.Of(file).Instances())
        {
            foreach (var m in JsonMutations.Of(JsonNode.Parse(instance.Json)!))
            {
                var key = (m.Kind, m.Shape);
                var seen = perShape.GetValueOrDefault(key);
                if (seen < DocumentsPerShape)
                {
                    perShape[key] = seen + 1;
                    kept.Add(m);
                }
            }
        }

        return kept;
    });
}
