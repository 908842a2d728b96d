using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Tests.Fixtures;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>A valid document the suite mutates, with the personal-data values it holds.</summary>
public sealed record Seed(string Name, string Json, IReadOnlyList<string> Secrets);

/// <summary>
/// The valid documents the suite starts from, loaded once for every case: every tenth compatibility fixture of each
/// kind, the sample contacts, and the embedded defaults (the NHTRC policy, its calendar, the default triage rules,
/// the sample resource library). Calendars are the inline calendars of the policy fixtures.
/// </summary>
public static class HostileSeeds
{
    private static readonly Lazy<IReadOnlyList<Seed>> ContactSeeds = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples", "contacts"), "*.json").Order(StringComparer.Ordinal)
            .Select(p => FromText("samples/contacts/" + Path.GetFileName(p), File.ReadAllText(p))),
         .. Fixtures("contacts/")]);

    private static readonly Lazy<IReadOnlyList<Seed>> PolicySeeds = new(() =>
        [FromText("ResponsePolicy.NhtrcDefault", ResponsePolicyJson.Serialize(ResponsePolicy.NhtrcDefault)), .. Fixtures("policies/")]);

    private static readonly Lazy<IReadOnlyList<Seed>> RulesSeeds = new(() =>
        [FromText("TriageRules.NhtrcDefault", TriageRulesJson.Serialize(TriageRules.NhtrcDefault)), .. Fixtures("triage-rules/")]);

    private static readonly Lazy<IReadOnlyList<Seed>> CalendarSeeds = new(() =>
        [FromText("NhtrcDefault.BusinessCalendar", Nhtrc.Sdk.Scheduling.ServiceCalendarJson.Serialize(ResponsePolicy.NhtrcDefault.BusinessCalendar)),
         .. FixtureFiles.Documents().Where(f => f.StartsWith("policies/", StringComparison.Ordinal))
             .Select(f => (f, calendar: JsonNode.Parse(FixtureFiles.Read(f))!["calendar"]))
             .Where(x => x.calendar is JsonObject)
             .Where((_, i) => i % 5 == 0)
             .Select(x => FromText(x.f + "#calendar", x.calendar!.ToJsonString()))]);

    private static readonly Lazy<IReadOnlyList<Seed>> DirectorySeeds = new(() => [.. Fixtures("directories/")]);

    private static readonly Lazy<IReadOnlyList<Seed>> LibrarySeeds = new(() =>
        [FromText("ResourceLibrary.Sample", ResourceLibraryJson.Serialize(ResourceLibrary.Sample)), .. Fixtures("libraries/")]);

    private static readonly Lazy<IReadOnlyList<Contact>> SampleContactValues = new(() =>
        [.. ContactSeeds.Value.Take(6).Select(s => ContactJson.Parse(s.Json))]);

    public static IReadOnlyList<Seed> Contacts => ContactSeeds.Value;

    public static IReadOnlyList<Seed> Policies => PolicySeeds.Value;

    public static IReadOnlyList<Seed> Rules => RulesSeeds.Value;

    public static IReadOnlyList<Seed> Calendars => CalendarSeeds.Value;

    public static IReadOnlyList<Seed> Directories => DirectorySeeds.Value;

    public static IReadOnlyList<Seed> Libraries => LibrarySeeds.Value;

    /// <summary>The sample contacts (samples/contacts), read once: what a mutated rules document triages.</summary>
    public static IReadOnlyList<Contact> SampleContacts => SampleContactValues.Value;

    /// <summary>
    /// The mutation kinds, an oversized array (megabytes to read) a third as often as each other kind so that the
    /// suite stays within its time; about 5 of every 100 cases.
    /// </summary>
    public static Gen<MutationKind> Mutations { get; } =
        Gen.Frequency([.. Enum.GetValues<MutationKind>().Select(m => (m == MutationKind.Oversized ? 1 : 3, Gen.Constant(m)))]);

    /// <summary>Cases: a seed, a node, a mutation and a variant, all chosen at random; the bytes built from them.</summary>
    public static Arbitrary<HostileCase> Cases(string kind, Func<IReadOnlyList<Seed>> seeds) =>
        (from seed in Gen.Choose(0, 1 << 20)
         from node in Gen.Choose(0, 1 << 20)
         from mutation in Mutations
         from variant in Gen.Choose(0, JsonMutator.Variants)
         select Case(kind, seeds(), seed, node, mutation, variant)).ToArbitrary();

    /// <summary>The secrets of the seed a case came from.</summary>
    public static IReadOnlyList<string> SecretsOf(HostileCase c, IReadOnlyList<Seed> seeds) =>
        seeds.First(s => s.Name == c.Seed).Secrets;

    private static HostileCase Case(string kind, IReadOnlyList<Seed> seeds, int seed, int node, MutationKind mutation, int variant)
    {
        var s = seeds[seed % seeds.Count];
        return JsonMutator.Mutate(kind, s.Name, s.Json, mutation, node, variant);
    }

    private static IEnumerable<Seed> Fixtures(string folder) =>
        FixtureFiles.Documents().Where(f => f.StartsWith(folder, StringComparison.Ordinal)).Where((_, i) => i % 10 == 0)
            .Select(f => FromText(f, FixtureFiles.Read(f)));

    /// <summary>A seed with the personal-data values it holds: every string under a <c>personalData</c> object, as written and JSON-encoded.</summary>
    public static Seed FromText(string name, string json)
    {
        var secrets = new List<string>();
        Collect(JsonNode.Parse(json), false, secrets);
        return new Seed(name, json, [.. secrets.Where(s => s.Length >= 6).Distinct()]);
    }

    private static void Collect(JsonNode? node, bool personal, List<string> secrets)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    Collect(value, personal || key is "personalData" or "narrative", secrets);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, personal, secrets);
                }

                break;
            case JsonValue v when personal && v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                secrets.Add(text);
                secrets.Add(JsonEncodedText.Encode(text).ToString());
                break;
        }
    }
}
