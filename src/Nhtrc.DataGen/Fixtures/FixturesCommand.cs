using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// Writes the compatibility fixtures of tests/Nhtrc.Sdk.Tests/Fixtures (see its README.md): per kind, documents
/// written by today's writers from deterministic pseudo-random values, plus today's samples. Every document is
/// read back with today's public reader before anything is written, and nothing is written into a kind's folder
/// that already holds documents: fixtures are frozen, so regenerating means writing to a new directory and
/// comparing.
/// </summary>
internal static class FixturesCommand
{
    /// <summary>How many generated documents each kind gets, besides its samples.</summary>
    public const int DocumentsPerKind = 100;

    public static int Run(string samplesPath, string outputPath, TextWriter log)
    {
        var gazetteer = Gazetteer.Default;
        var kinds = new (string Folder, Func<IReadOnlyList<FixtureDocument>> Build, Action<string> Read)[]
        {
            ("contacts", () => [.. ContactFixtures.Build(DocumentsPerKind), .. ContactSamples(samplesPath)], text => ContactJson.Parse(text)),
            ("policies", () => PolicyFixtures.Build(DocumentsPerKind), text => ResponsePolicyJson.Parse(text)),
            ("libraries", () => LibraryFixtures.Build(DocumentsPerKind), text => ResourceLibraryJson.Parse(text)),
            ("directories", () => DirectoryFixtures.Build(DocumentsPerKind, gazetteer, log), text => ReferralDirectoryJson.Parse(text, gazetteer)),
            ("triage-rules", () => TriageRulesFixtures.Build(DocumentsPerKind), text => TriageRulesJson.Parse(text)),
        };

        foreach (var (folder, _, _) in kinds)
        {
            var directory = Path.Combine(outputPath, folder);
            if (Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.json").Any())
            {
                log.WriteLine($"{directory} already holds fixtures, which are frozen; write to an empty directory and compare instead.");
                return 1;
            }
        }

        var generated = new List<(string Folder, IReadOnlyList<FixtureDocument> Documents)>();
        foreach (var (folder, build, read) in kinds)
        {
            var documents = build();
            foreach (var document in documents)
            {
                try
                {
                    read(document.Text);
                }
                catch (NhtrcValidationException e)
                {
                    log.WriteLine($"{folder}/{document.Name} does not read back: {e.Message}");
                    return 1;
                }
            }

            if (documents.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != documents.Count)
            {
                log.WriteLine($"{folder}: two fixtures have the same name.");
                return 1;
            }

            generated.Add((folder, documents));
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        long total = 0;
        foreach (var (folder, documents) in generated)
        {
            var directory = Directory.CreateDirectory(Path.Combine(outputPath, folder)).FullName;
            long bytes = 0;
            foreach (var document in documents)
            {
                var content = utf8.GetBytes(document.Text);
                using (var file = new FileStream(Path.Combine(directory, document.Name), FileMode.CreateNew, FileAccess.Write))
                {
                    file.Write(content);
                }

                bytes += content.Length;
            }

            total += bytes;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {documents.Count} fixtures to {directory} ({bytes} bytes)"));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} bytes in all; now write their goldens: NHTRC_WRITE_FIXTURE_GOLDENS=1 dotnet test tests/Nhtrc.Sdk.Tests"));
        return 0;
    }

    // The hand-written samples, as they are.
    private static IEnumerable<FixtureDocument> ContactSamples(string samplesPath) =>
        Directory.EnumerateFiles(samplesPath, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => new FixtureDocument("sample-" + Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8)));
}
