using System;
using System.Collections.Generic;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Serialization;

/// <summary>Problems every document reader reports the same way: unknown properties, with readable paths.</summary>
internal static class JsonProblems
{
    /// <summary>Adds "is not a known property." for each property the document type did not bind.</summary>
    public static void Unknown(ProblemList problems, string path, Dictionary<string, JsonElement>? unknown)
    {
        if (unknown is null)
        {
            return;
        }

        foreach (var name in unknown.Keys)
        {
            problems.Add(PropertyPath(path, name), "is not a known property.");
        }
    }

    /// <summary><c>$.a.name</c> for identifier-like names, otherwise <c>$.a['odd name']</c>.</summary>
    public static string PropertyPath(string path, string name)
    {
        var simple = name.Length > 0 && char.IsAsciiLetter(name[0]);
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }
}
