using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Nhtrc.Sdk.Tests.Resources;

/// <summary>
/// The tokens of docs/resources.md ("Tokens"), written from the docs alone and sharing no code with the
/// library's tokenizer: a regular expression finds the runs, and the diacritics, stop words and plural rule
/// are copied from the docs' text.
/// </summary>
internal static partial class NaiveTokenizer
{
    private const string Accented = "áàâãäåçéèêëíìîïñóòôõöúùûüýÿ";
    private const string Plain = "aaaaaaceeeeiiiinooooouuuuyy";

    private static readonly HashSet<string> StopWords =
    [
        .. "a an and are as at be by for from how in is it of on or that the this to what with".Split(' '),
        .. "al con de del el en la las los para por un una y".Split(' '),
    ];

    public static List<string> Tokenize(string text) =>
        Runs().Matches(text)
            .Select(m => Fold(m.Value.ToLowerInvariant()))
            .Where(t => !StopWords.Contains(t))
            .Select(Stem)
            .ToList();

    /// <summary>A topic's words: its camelCase name split before each capital.</summary>
    public static List<string> TopicWords<T>(T topic)
        where T : struct, Enum
    {
        var name = topic.ToString();
        var words = string.Join(' ', Capitals().Split(char.ToLowerInvariant(name[0]) + name[1..]));
        return Tokenize(words);
    }

    private static string Fold(string token)
    {
        var folded = new StringBuilder(token);
        for (var i = 0; i < folded.Length; i++)
        {
            var at = Accented.IndexOf(folded[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                folded[i] = Plain[at];
            }
        }

        return folded.ToString();
    }

    private static string Stem(string token) =>
        token.Length < 4 ? token
        : token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal) ? token[..^3] + "y"
        : token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal) && !token.EndsWith("us", StringComparison.Ordinal) && !token.EndsWith("is", StringComparison.Ordinal) ? token[..^1]
        : token;

    // Letters (any category L) and decimal digits: what char.IsLetterOrDigit accepts, one UTF-16 unit at a time.
    [GeneratedRegex(@"[\p{L}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Runs();

    [GeneratedRegex(@"(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex Capitals();
}
