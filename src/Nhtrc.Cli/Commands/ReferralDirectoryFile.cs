using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// Loads a referral directory file for a command (JSON, or gzip-compressed JSON when the name ends in <c>.gz</c>),
/// writing why it cannot be used to stderr instead of throwing.
/// </summary>
internal static class ReferralDirectoryFile
{
    /// <summary>Loads <paramref name="path"/>; on failure writes the reason, or every problem with its JSON path, to <paramref name="stderr"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="prefix">Starts every line written about the file, for example <c>nhtrc match: --directory: </c>.</param>
    /// <param name="stderr">Where problems go.</param>
    /// <param name="directory">The loaded directory, or null.</param>
    /// <returns>True when the file is a valid directory.</returns>
    public static bool TryLoad(string path, string prefix, TextWriter stderr, [NotNullWhen(true)] out ReferralDirectory? directory)
    {
        directory = null;
        try
        {
            directory = ReferralDirectoryJson.LoadFile(path);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.Write($"{prefix}file '{path}' does not exist.\n");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // A .gz name over bytes that are not gzip is an InvalidDataException, which is not an IOException.
            stderr.Write($"{prefix}cannot read '{path}': {e.Message}\n");
        }
        catch (NhtrcValidationException e)
        {
            var noun = e.Problems.Length == 1 ? "problem" : "problems";
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"{prefix}'{path}' is not a valid referral directory ({e.Problems.Length} {noun}):\n"));
            foreach (var problem in e.Problems)
            {
                stderr.Write($"  - {problem}\n");
            }
        }

        return false;
    }
}
