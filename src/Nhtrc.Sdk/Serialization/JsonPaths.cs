using System;
using System.Collections.Generic;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Serialization;

/// <summary>JSON paths for problems found by the document readers.</summary>
internal static class JsonPaths
{
    /// <summary>Reports each property caught by a <c>[JsonExtensionData]</c> dictionary as not known.</summary>
    public static void ReportUnknown(ProblemList problems, string path, Dictionary<string, JsonElement>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var name in unknown.Keys)
        {
            problems.Add(Property(path, name), "is not a known property.");
        }
    }

    /// <summary><c>$.a.name</c> for a simple name, else <c>$.a['odd name']</c>.</summary>
    public static string Property(string path, string name)
    {
        var simple = name.Length > 0 && char.IsAsciiLetter(name[0]);
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }
}
