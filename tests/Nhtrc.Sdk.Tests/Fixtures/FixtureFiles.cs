using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Where the fixtures are: read from the copy in the test output (the build copies them afresh every time, so a
/// fixture deleted from the source is gone there too), and goldens written, when asked for, into the source tree.
/// Fixtures are named by their path below Fixtures, with '/', such as <c>contacts/contact-000.json</c>.
/// </summary>
internal static class FixtureFiles
{
    /// <summary>When this environment variable is <c>1</c>, missing or changed goldens are written instead of compared.</summary>
    public const string WriteGoldensVariable = "NHTRC_WRITE_FIXTURE_GOLDENS";

    private const string GoldenSuffix = ".expected.txt";

    public static string OutputRoot { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static bool WritingGoldens => Environment.GetEnvironmentVariable(WriteGoldensVariable) == "1";

    /// <summary>The Fixtures folder of the test project's sources, recorded by the build.</summary>
    public static string SourceRoot =>
        typeof(FixtureFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NhtrcFixtureSources").Value!;

    /// <summary>Every fixture document of every kind, in ordinal order.</summary>
    public static IEnumerable<string> Documents() => Named("*.json");

    /// <summary>Every golden of every kind, in ordinal order.</summary>
    public static IEnumerable<string> Goldens() => Named("*" + GoldenSuffix);

    public static string GoldenOf(string fixture) => fixture[..^".json".Length] + GoldenSuffix;

    public static string FixtureOf(string golden) => golden[..^GoldenSuffix.Length] + ".json";

    public static string InOutput(string fixture) => Path.Combine(OutputRoot, fixture);

    public static string InSources(string fixture) => Path.Combine(SourceRoot, fixture);

    /// <summary>The text of a file in the output, with line ends as written in the repository (LF) whatever the checkout did.</summary>
    public static string Read(string fixture) => File.ReadAllText(InOutput(fixture)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static IEnumerable<string> Named(string pattern) =>
        FixtureKind.All
            .Where(kind => Directory.Exists(Path.Combine(OutputRoot, kind.Folder)))
            .SelectMany(kind => Directory.EnumerateFiles(Path.Combine(OutputRoot, kind.Folder), pattern).Select(path => kind.Folder + "/" + Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);
}
