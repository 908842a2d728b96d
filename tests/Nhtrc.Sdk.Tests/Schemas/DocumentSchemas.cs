using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>
/// The JSON Schemas of docs/schemas, built once into one registry so that a schema's <c>$ref</c> to another
/// (a policy's calendar to service-calendar.schema.json) resolves locally; nothing is ever fetched. The folder is
/// found by walking up from the test binaries to the repository root (the folder with Nhtrc.Sdk.sln), so a fresh
/// clone needs nothing else. Shared by Nhtrc.Sdk.Tests and, as a linked file, Nhtrc.Cli.Tests (the docs scan).
/// </summary>
internal static class DocumentSchemas
{
    /// <summary>The prefix of every schema's <c>$id</c>: a placeholder under the reserved <c>.example</c> domain, never fetched.</summary>
    public const string IdPrefix = "https://nhtrc-sdk.example/schemas/";

    /// <summary>The schema file of each document or result kind, by the tag its examples carry in the docs (<c>```json policy</c>).</summary>
    public static ImmutableDictionary<string, string> FileByKind { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contact"] = "contact.schema.json",
        ["policy"] = "response-policy.schema.json",
        ["calendar"] = "service-calendar.schema.json",
        ["triage-rules"] = "triage-rules.schema.json",
        ["directory"] = "referral-directory.schema.json",
        ["library"] = "resource-library.schema.json",
        ["triage-outcome"] = "triage-outcome.schema.json",
        ["deadline"] = "deadline.schema.json",
        ["sla-state"] = "sla-state.schema.json",
        ["referral-result"] = "referral-result.schema.json",
        ["contact-outcome"] = "contact-outcome.schema.json",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly Lazy<ImmutableDictionary<string, JsonSchema>> Schemas = new(Build);

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    // The triage reader skips comments and allows trailing commas; the other readers reject them on their own.
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>docs/schemas of the repository these tests were built from.</summary>
    public static string Folder => Path.Combine(RepositoryRoot(), "docs", "schemas");

    /// <summary>Every schema file name (such as <c>contact.schema.json</c>) in docs/schemas.</summary>
    public static IEnumerable<string> Files => Schemas.Value.Keys.Order(StringComparer.Ordinal);

    /// <summary>The built schema of <paramref name="file"/>, such as <c>contact.schema.json</c>.</summary>
    public static JsonSchema Get(string file) =>
        Schemas.Value.TryGetValue(file, out var schema) ? schema : throw new ArgumentException($"docs/schemas has no {file}.", nameof(file));

    /// <summary>The problems <paramref name="file"/>'s schema finds in <paramref name="json"/>, each as <c>instance location: message</c>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string file, string json)
    {
        using var document = JsonDocument.Parse(json, Lenient);
        return Problems(file, document.RootElement);
    }

    /// <summary>The problems <paramref name="file"/>'s schema finds in <paramref name="instance"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string file, JsonElement instance)
    {
        var results = Get(file).Evaluate(instance, Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in (IEnumerable<EvaluationResults>?)results.Details ?? [])
        {
            foreach (var (keyword, message) in (IEnumerable<KeyValuePair<string, string>>?)detail.Errors ?? [])
            {
                problems.Add($"{detail.InstanceLocation} ({keyword} at {detail.EvaluationPath}): {message}");
            }
        }

        return problems.Count > 0 ? problems : ["invalid (no details)"];
    }

    /// <summary>True when <paramref name="instance"/> is valid against <paramref name="file"/>'s schema (the cheap form for mutation tests).</summary>
    public static bool IsValid(string file, JsonElement instance) => Get(file).Evaluate(instance).IsValid;

    /// <summary>The repository root: the first folder above the test binaries with Nhtrc.Sdk.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Nhtrc.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    private static ImmutableDictionary<string, JsonSchema> Build()
    {
        // One registry of our own, and no fetching: a $ref to anything not in docs/schemas fails instead of downloading.
        var registry = new SchemaRegistry { Fetch = (_, _) => null };
        var options = new BuildOptions { SchemaRegistry = registry };
        var texts = Directory.GetFiles(Folder, "*.schema.json").ToDictionary(p => Path.GetFileName(p), File.ReadAllText, StringComparer.Ordinal);
        var built = ImmutableDictionary.CreateBuilder<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var (file, text) in texts)
        {
            var schema = JsonSchema.FromText(text, options);
            if (schema.BaseUri != new Uri(IdPrefix + file))
            {
                throw new InvalidOperationException($"docs/schemas/{file} has $id {schema.BaseUri}; it must be {IdPrefix}{file}.");
            }

            built[file] = schema;
        }

        return built.ToImmutable();
    }
}
