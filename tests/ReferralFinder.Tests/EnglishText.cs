using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ReferralFinder.Localization;

namespace ReferralFinder.Tests;

/// <summary>
/// The English UI strings (those of the catalog that differ in Spanish, split at their placeholders) and the check
/// that none is in a Spanish page's text as a whole word. Shared by the in-process and the browser tests.
/// </summary>
public static class EnglishText
{
    public static IEnumerable<string> Strings()
    {
        foreach (var property in typeof(UiText).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string)))
        {
            var english = (string)property.GetValue(UiText.English)!;
            if (english == (string)property.GetValue(UiText.Spanish)! || property.Name is "LanguageCode" or "OtherLanguageCode")
            {
                continue;
            }

            foreach (var part in english.Split('{', '}').Select(p => p.Trim(' ', ',', ';', '(', ')', '.')).Where(p => p.Length > 3 && !int.TryParse(p, out _)))
            {
                yield return part;
            }
        }

        foreach (var (type, name) in UiText.English.ServiceTypes)
        {
            if (UiText.Spanish.ServiceTypes[type] != name)
            {
                yield return name;
            }
        }
    }

    /// <summary>Fails when <paramref name="text"/> (a page's text, without its lang="en" elements) holds an English UI string.</summary>
    public static void AssertNone(string text)
    {
        foreach (var english in Strings())
        {
            Assert.False(Regex.IsMatch(text, @"(?<![\p{L}])" + Regex.Escape(english) + @"(?![\p{L}])"), $"English '{english}' on the Spanish page");
        }
    }
}
