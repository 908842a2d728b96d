using Nhtrc.Sdk.Tests.Schemas;

namespace Nhtrc.Cli.Tests.Docs;

/// <summary>A tagged ```json block of the docs whose kind has a schema in docs/schemas is valid against it, too.</summary>
internal static class DocsJsonSchemaCheck
{
    public static void AssertValid(string file, int line, string kind, string json)
    {
        if (!DocumentSchemas.FileByKind.TryGetValue(kind, out var schemaFile))
        {
            return;
        }

        var problems = DocumentSchemas.Problems(schemaFile, json);
        Assert.True(problems.Count == 0, $"{file}:{line}: the {kind} example fails docs/schemas/{schemaFile}:\n  {string.Join("\n  ", problems)}");
    }
}
