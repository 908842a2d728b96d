using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// The tokenizer of the resource search (docs/resources.md, "Tokens") and the words used in match reasons.
/// Culture-independent: the same text gives the same tokens on every machine.
/// </summary>
internal static class SearchText
{
    // English and Spanish function words: they carry no topic, and most materials are in one of the two.
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it", "of", "on", "or",
        "that", "the", "this", "to", "what", "with",
        "al", "con", "de", "del", "el", "en", "la", "las", "los", "para", "por", "un", "una", "y");

    private static readonly FrozenDictionary<string, string> LanguageNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["am"] = "Amharic", ["ar"] = "Arabic", ["bn"] = "Bengali", ["de"] = "German", ["en"] = "English",
        ["es"] = "Spanish", ["fa"] = "Persian", ["fr"] = "French", ["hi"] = "Hindi", ["ht"] = "Haitian Creole",
        ["it"] = "Italian", ["ja"] = "Japanese", ["km"] = "Khmer", ["ko"] = "Korean", ["my"] = "Burmese",
        ["ne"] = "Nepali", ["pl"] = "Polish", ["pt"] = "Portuguese", ["ro"] = "Romanian", ["ru"] = "Russian",
        ["so"] = "Somali", ["sw"] = "Swahili", ["th"] = "Thai", ["tl"] = "Tagalog", ["uk"] = "Ukrainian",
        ["ur"] = "Urdu", ["vi"] = "Vietnamese", ["zh"] = "Chinese",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>: runs of letters and digits,
    /// lowercased, common Latin diacritics removed, stop words dropped, then a plural ending removed.
    /// </summary>
    public static void Tokenize(string text, List<string> tokens)
    {
        var token = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                token.Append(Fold(char.ToLowerInvariant(c)));
            }
            else
            {
                Flush(token, tokens);
            }
        }

        Flush(token, tokens);
    }

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>A camelCase wire name as lowercase words: <c>laborTrafficking</c> is <c>labor trafficking</c>.</summary>
    public static string Words<T>(T value)
        where T : struct, Enum
    {
        var name = WireName<T>.Of(value);
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    /// <summary>The English name of the tag's language (<c>Spanish</c>), or the language subtag when not known.</summary>
    public static string LanguageName(LanguageTag tag) =>
        LanguageNames.TryGetValue(tag.Language, out var name) ? name : $"language '{tag.Language}'";

    private static void Flush(StringBuilder token, List<string> tokens)
    {
        if (token.Length == 0)
        {
            return;
        }

        var word = token.ToString();
        token.Clear();
        if (!StopWords.Contains(word))
        {
            tokens.Add(Stem(word));
        }
    }

    // Plural endings only, so "victims" finds "victim" and "agencies" finds "agency"; "ss", "us" and "is"
    // endings ("business", "status", "analysis") are singular and kept.
    private static string Stem(string word)
    {
        if (word.Length < 4)
        {
            return word;
        }

        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        return word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') ? word[..^1] : word;
    }

    private static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => 'a',
        'ç' => 'c',
        'è' or 'é' or 'ê' or 'ë' => 'e',
        'ì' or 'í' or 'î' or 'ï' => 'i',
        'ñ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' => 'o',
        'ù' or 'ú' or 'û' or 'ü' => 'u',
        'ý' or 'ÿ' => 'y',
        _ => c,
    };
}
