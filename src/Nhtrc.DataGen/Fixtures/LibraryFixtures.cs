using System;
using System.Collections.Generic;
using System.Globalization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;
using NodaTime;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// Small resource libraries written by <see cref="ResourceLibraryJson.Serialize"/> (the first is empty), plus the
/// embedded sample library exactly as it is embedded. Materials are clearly fictional, linked on example.org.
/// </summary>
internal static class LibraryFixtures
{
    private const int Seed = 3_000_000;
    private const string SampleResource = "Nhtrc.Sdk.Resources.SampleLibrary.json";

    private static readonly ResourceTopic[] Topics = Enum.GetValues<ResourceTopic>();
    private static readonly CallerRole[] Audiences = Enum.GetValues<CallerRole>();
    private static readonly ResourceFormat[] Formats = Enum.GetValues<ResourceFormat>();
    private static readonly string[] Languages = ["en", "es", "zh-Hant", "vi", "ko", "tl", "fr", "ht", "ru", "ar", "pt-BR", "ase", "es-419"];
    private static readonly string[] Subjects =
    [
        "Recognizing Labor Trafficking", "Hotline Basics", "Screening in Clinics", "Know Your Rights", "Youth Outreach",
        "Victim-Centered Interviews", "Shelter Intake", "Immigration Relief Options", "Awareness Week Kit", "Guía para Promotores",
    ];

    public static IReadOnlyList<FixtureDocument> Build(int count)
    {
        var documents = new List<FixtureDocument>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var library = Library(i, new FixtureRandom(Seed + i));
            documents.Add(new FixtureDocument(string.Create(CultureInfo.InvariantCulture, $"library-{i:D3}.json"), ResourceLibraryJson.Serialize(library)));
        }

        documents.Add(new FixtureDocument("sample-library.json", SdkResource.ReadText(SampleResource)));
        return documents;
    }

    private static ResourceLibrary Library(int i, FixtureRandom r)
    {
        var materials = new List<ResourceMaterial>();
        var size = i == 0 ? 0 : r.Between(1, 4);
        for (var m = 0; m < size; m++)
        {
            materials.Add(Material(i, m, r));
        }

        // Given in any order; the library orders them by id.
        return new ResourceLibrary(r.Shuffle(materials));
    }

    private static ResourceMaterial Material(int i, int m, FixtureRandom r)
    {
        var format = r.Pick(Formats);
        var subject = r.Pick(Subjects);
        var id = string.Create(CultureInfo.InvariantCulture, $"fixture-{i}-{m}-{Slug(subject)}");
        var title = string.Create(CultureInfo.InvariantCulture, $"Fixture {Label(format)}: {subject}{(r.Chance(20) ? " \"Quick Start\" (2nd ed.)" : string.Empty)}");
        var summary = r.Chance(70)
            ? string.Create(CultureInfo.InvariantCulture, $"Fictional {Label(format).ToLowerInvariant()} for test fixtures about {subject.ToLowerInvariant()}; not a real publication.")
            : string.Create(CultureInfo.InvariantCulture, $"Fictional material {i}-{m}.\nSecond line with a tab\tand a backslash \\ for the describer.");
        var link = r.Next(4) switch
        {
            0 => $"https://example.org/fixture-resources/{id}?lang=es&v=2",
            1 => $"https://resources.example.org:8443/{id}#section-2",
            _ => $"https://example.org/fixture-resources/{id}",
        };
        LocalDate? published = r.Chance(75) ? new LocalDate(r.Between(2010, 2026), r.Between(1, 12), r.Between(1, 28)) : null;
        return new ResourceMaterial(
            id,
            title,
            summary,
            r.Distinct(Topics, r.Between(1, 4)),
            r.Distinct(Audiences, r.Between(1, 5)),
            [.. r.Distinct(Languages, r.Between(1, 4)).ConvertAll(LanguageTag.Parse)],
            format,
            new Uri(link, UriKind.Absolute),
            published);
    }

    private static string Label(ResourceFormat format) => format switch
    {
        ResourceFormat.FactSheet => "Fact Sheet",
        ResourceFormat.TrainingCurriculum => "Training Curriculum",
        ResourceFormat.ScreeningTool => "Screening Tool",
        ResourceFormat.PolicyBrief => "Policy Brief",
        _ => format.ToString(),
    };

    private static string Slug(string text)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
