using System;
using System.Collections.Generic;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Resources.Json;

/// <summary>
/// Turns a <see cref="ResourceLibraryDocument"/> into a <see cref="ResourceLibrary"/>, collecting every
/// problem with its JSON path before building anything, so a library is loaded whole or not at all.
/// </summary>
internal static class ResourceLibraryDocumentReader
{
    public const string Subject = "resource library document";

    public static ResourceLibrary ToLibrary(ResourceLibraryDocument? document)
    {
        var problems = new ProblemList();
        if (document is null)
        {
            problems.Add("$", "must be a JSON object, not null.");
            problems.ThrowIfAny(Subject);
        }

        var d = document!;
        Unknown(problems, "$", d.Unknown);
        if (d.Materials is null)
        {
            problems.Add("$.materials", "is required (an empty library is []).");
        }

        var items = d.Materials ?? [];
        var materials = new List<ResourceMaterial>(items.Count);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.materials[{i}]";
            if (items[i] is not { } item)
            {
                problems.Add(path, "must be a material object, not null.");
                continue;
            }

            if (Material(problems, path, item) is { } material)
            {
                materials.Add(material);
            }

            if (item.Id is { } id && !firstIndex.TryAdd(id, i))
            {
                problems.Add(path + ".id", $"repeats the id of $.materials[{firstIndex[id]}].");
            }
        }

        problems.ThrowIfAny(Subject);
        return new ResourceLibrary(materials);
    }

    private static ResourceMaterial? Material(ProblemList problems, string path, ResourceMaterialDocument d)
    {
        var before = problems.Count;
        Unknown(problems, path, d.Unknown);
        var topics = Enums<ResourceTopic>(problems, path + ".topics", d.Topics);
        var audiences = Enums<CallerRole>(problems, path + ".audiences", d.Audiences);
        var languages = new List<LanguageTag?>();
        var languageItems = d.Languages ?? [];
        for (var i = 0; i < languageItems.Count; i++)
        {
            if (LanguageTag.TryParse(languageItems[i], out var tag))
            {
                languages.Add(tag);
            }
            else
            {
                problems.Add($"{path}.languages[{i}]", languageItems[i] is null ? "must be a language tag, not null." : LanguageTag.ProblemMessage);
                languages.Add(null);
            }
        }

        ResourceMaterial.Validate(problems, path + ".", d.Id, d.Title, d.Summary, topics, audiences, languages);
        var format = Enum<ResourceFormat>(problems, path + ".format", d.Format);
        problems.Check(path + ".link", ResourceRules.Link(d.Link));
        var published = Date(problems, path + ".published", d.Published);
        if (problems.Count != before)
        {
            return null;
        }

        return new ResourceMaterial(d.Id!, d.Title!, d.Summary!, [.. topics.ConvertAll(t => t!.Value)],
            [.. audiences.ConvertAll(a => a!.Value)], languages!, format!.Value, new Uri(d.Link!, UriKind.Absolute), published);
    }

    private static List<T?> Enums<T>(ProblemList problems, string path, List<string?>? values)
        where T : struct, Enum
    {
        var result = new List<T?>();
        var items = values ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(Enum<T>(problems, $"{path}[{i}]", items[i]));
        }

        return result;
    }

    private static T? Enum<T>(ProblemList problems, string path, string? value)
        where T : struct, Enum => DocumentFields.Enum<T>(problems, path, value, required: true);

    private static LocalDate? Date(ProblemList problems, string path, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(value);
        if (result.Success)
        {
            return result.Value;
        }

        problems.Add(path, "must be an ISO-8601 date such as 2024-03-01.");
        return null;
    }

    private static void Unknown(ProblemList problems, string path, Dictionary<string, JsonElement>? unknown) =>
        DocumentFields.Unknown(problems, path, unknown);
}
