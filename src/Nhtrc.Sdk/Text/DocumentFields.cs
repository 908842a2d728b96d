using System;
using System.Collections.Generic;
using System.Text.Json;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Text;

/// <summary>Checks shared by the document readers: enum tokens, unknown properties, JSON paths, malformed input.</summary>
internal static class DocumentFields
{
    public static T? Enum<T>(ProblemList problems, string path, string? value, bool required)
        where T : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(path, "is required.");
            }

            return null;
        }

        if (WireName<T>.TryParse(value, out var result))
        {
            return result;
        }

        problems.Add(path, NotOneOf<T>(value));
        return null;
    }

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

    public static string PropertyPath(string path, string name)
    {
        // A name is echoed only shortened, as every quoted token is: it may be caller text typed as a key.
        if (name.Length > InputText.MaxQuotedToken)
        {
            return $"{path}['{InputText.Shortened(name).ToString().Replace("'", "\\'", StringComparison.Ordinal)}...']";
        }

        var simple = name.Length > 0 && char.IsAsciiLetter(name[0]);
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>The problem for JSON that could not be read at all (stops reading; line and byte are 1-based).</summary>
    public static NhtrcValidationException Malformed(string subject, JsonException e) =>
        new(subject,
        [
            new ValidationProblem(
                string.IsNullOrEmpty(e.Path) ? "$" : e.Path,
                $"is not valid JSON or has a value of the wrong JSON type (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})."),
        ]);

    /// <summary>The problem with a token that is not a wire name of <typeparamref name="T"/>: <c>'fax' is not one of: phone, ...</c>.</summary>
    public static string NotOneOf<T>(ReadOnlySpan<char> token)
        where T : struct, Enum => $"{InputText.Token(token)} is not one of: {WireName<T>.Expected}.";
}
