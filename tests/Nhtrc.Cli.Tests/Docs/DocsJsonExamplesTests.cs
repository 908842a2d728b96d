using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Nhtrc.Cli.Commands;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Cli.Tests.Docs;

/// <summary>
/// Every <c>```json</c> block of README.md and docs/ says what it is (<c>```json contact</c>, ...) and reads as
/// that: the examples a newcomer copies are valid documents.
/// </summary>
public sealed partial class DocsJsonExamplesTests
{
    private static readonly Dictionary<string, Action<string>> Readers = new(StringComparer.Ordinal)
    {
        ["contact"] = json => ContactJson.Parse(json),
        ["policy"] = json => ResponsePolicyJson.Parse(json),
        ["calendar"] = json => ServiceCalendarJson.Parse(json),
        ["triage-rules"] = json => TriageRulesJson.Parse(json),
        ["directory"] = json => ReferralDirectoryJson.Parse(json),
        ["library"] = json => ResourceLibraryJson.Parse(json),
        ["taxonomy-map"] = json => Nhtrc.Sdk.OpenReferral.HsdsTaxonomyMap.Parse(json),
        ["hsds-sources"] = json => Nhtrc.Sdk.OpenReferral.HsdsSourcesFile.Parse(json, "."),
        ["appsettings"] = AppSettings,
        ["deadline-request"] = DeadlineRequest,
        ["deadline"] = ResultJsonExamples.AssertDeadline,
        ["sla-state"] = ResultJsonExamples.AssertSlaState,
        ["triage-outcome"] = ResultJsonExamples.AssertTriageOutcome,
        ["referral-result"] = ResultJsonExamples.AssertReferralResult,
        ["contact-outcome"] = ResultJsonExamples.AssertContactOutcome,
    };

    public static TheoryData<string, int, string, string> Blocks()
    {
        var data = new TheoryData<string, int, string, string>();
        var root = RepositoryRoot();
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in JsonBlock().Matches(text))
            {
                var line = text[..m.Index].Count(c => c == '\n') + 1;
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'), line, m.Groups["kind"].Value, m.Groups["body"].Value);
            }
        }

        return data;
    }

    [Fact]
    public void TheDocsHaveJsonExamples() => Assert.True(Blocks().Count >= 6);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void JsonExample_ReadsAsTheKindItIsTaggedWith(string file, int line, string kind, string json)
    {
        Assert.True(Readers.TryGetValue(kind, out var read), $"{file}:{line}: tag the block with one of: {string.Join(", ", Readers.Keys)} (```json contact)");
        read(json);
        DocsJsonSchemaCheck.AssertValid(file, line, kind, json);
    }

    /// <summary>
    /// An appsettings.json whose <c>Nhtrc</c> section binds to <see cref="Nhtrc.Sdk.NhtrcOptions"/> key for key, and its
    /// <c>Nhtrc:OpenReferral</c> section, when there is one, to <see cref="Nhtrc.Sdk.OpenReferral.OpenReferralOptions"/>: an unknown key fails.
    /// </summary>
    private static void AppSettings(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddJsonStream(stream).Build();
        Assert.True(configuration.GetSection(Nhtrc.Sdk.NhtrcOptions.SectionName).Exists(), "the example has no Nhtrc section");
        var openReferral = configuration.GetSection(Nhtrc.Sdk.OpenReferral.OpenReferralOptions.SectionName);
        openReferral.Bind(new Nhtrc.Sdk.OpenReferral.OpenReferralOptions(), binder => binder.ErrorOnUnknownConfiguration = true);
        var prefix = Nhtrc.Sdk.OpenReferral.OpenReferralOptions.SectionName;
        var rest = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(configuration.AsEnumerable().Where(kv => !kv.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .Build();
        rest.GetSection(Nhtrc.Sdk.NhtrcOptions.SectionName).Bind(new Nhtrc.Sdk.NhtrcOptions(), binder => binder.ErrorOnUnknownConfiguration = true);
    }

    private static void DeadlineRequest(string json)
    {
        using var answerer = new DeadlineLineAnswerer(ResponsePolicy.NhtrcDefault);
        using var output = new StringWriter();
        Assert.True(answerer.Answer(json.Trim(), 1, output), output.ToString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Nhtrc.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```json(?:[ \t]+(?<kind>[\w-]+))?[ \t]*\r?\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
