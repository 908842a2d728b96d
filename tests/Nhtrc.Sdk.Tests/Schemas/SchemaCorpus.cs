using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Tests.Fixtures;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>A valid document of a schema's format, named for messages (<c>contacts/contact-000.json</c>).</summary>
internal sealed record SchemaInstance(string Name, string Json);

/// <summary>
/// For each schema of docs/schemas: the SDK's reader of that format (null for a format the SDK only writes) and the
/// documents that must validate: the fixtures as they are, the same documents as today's writer writes them, and the
/// SDK's built-in values. Adding a schema for a new format is one entry here.
/// </summary>
internal sealed record SchemaCorpus(string SchemaFile, Action<string>? Read, Func<IEnumerable<SchemaInstance>> Instances)
{
    public static ImmutableArray<SchemaCorpus> All { get; } =
    [
        new("contact.schema.json", json => ContactJson.Parse(json), () =>
            Fixtures("contacts", json => ContactJson.Serialize(ContactJson.Parse(json)))
                .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "contacts"), "*.json").Order(StringComparer.Ordinal)
                    .Select(path => new SchemaInstance("samples/contacts/" + Path.GetFileName(path), File.ReadAllText(path))))),
        new("response-policy.schema.json", json => ResponsePolicyJson.Parse(json), () =>
            Fixtures("policies", json => ResponsePolicyJson.Serialize(ResponsePolicyJson.Parse(json)))
                .Append(new SchemaInstance("ResponsePolicy.NhtrcDefault", ResponsePolicyJson.Serialize(ResponsePolicy.NhtrcDefault)))),
        new("service-calendar.schema.json", json => ServiceCalendarJson.Parse(json), () =>
            Fixtures("policies", json => ResponsePolicyJson.Serialize(ResponsePolicyJson.Parse(json)))
                .SelectMany(policy => JsonNode.Parse(policy.Json)!["calendar"] is JsonObject calendar
                    ? [new SchemaInstance(policy.Name + " $.calendar", calendar.ToJsonString())]
                    : Array.Empty<SchemaInstance>())
                .Append(new SchemaInstance("KnownServiceCalendars.NhtrcBusinessHours", ServiceCalendarJson.Serialize(KnownServiceCalendars.NhtrcBusinessHours)))
                .Append(new SchemaInstance("KnownServiceCalendars.AlwaysOpen", ServiceCalendarJson.Serialize(KnownServiceCalendars.AlwaysOpen)))),
        new("triage-rules.schema.json", json => TriageRulesJson.Parse(json), () =>
            Fixtures("triage-rules", json => TriageRulesJson.Serialize(TriageRulesJson.Parse(json)))
                .Append(new SchemaInstance("TriageRules.NhtrcDefault", TriageRulesJson.Serialize(TriageRules.NhtrcDefault)))),
        new("referral-directory.schema.json", json => ReferralDirectoryJson.Parse(json), () =>
            Fixtures("directories", json => ReferralDirectoryJson.Serialize(ReferralDirectoryJson.Parse(json)))),
        new("resource-library.schema.json", json => ResourceLibraryJson.Parse(json), () =>
            Fixtures("libraries", json => ResourceLibraryJson.Serialize(ResourceLibraryJson.Parse(json)))
                .Append(new SchemaInstance("ResourceLibrary.Sample", ResourceLibraryJson.Serialize(ResourceLibrary.Sample)))),

        // The result formats: written only, so no reader; instances from the real writers over real values.
        new("triage-outcome.schema.json", null, ResultInstances.TriageOutcomes),
        new("deadline.schema.json", null, ResultInstances.Deadlines),
        new("sla-state.schema.json", null, ResultInstances.SlaStates),
        new("referral-result.schema.json", null, ResultInstances.ReferralResults),
        new("contact-outcome.schema.json", null, ResultInstances.ContactOutcomes),
    ];

    public static SchemaCorpus Of(string schemaFile) => All.Single(c => c.SchemaFile == schemaFile);

    /// <summary>True when the SDK's reader accepts <paramref name="json"/>; false when it throws <see cref="NhtrcValidationException"/>.</summary>
    public bool ReaderAccepts(string json)
    {
        ArgumentNullException.ThrowIfNull(Read);
        try
        {
            Read(json);
            return true;
        }
        catch (NhtrcValidationException)
        {
            return false;
        }
    }

    // Each fixture of a folder as it is, and as today's writer writes what it reads to.
    private static IEnumerable<SchemaInstance> Fixtures(string folder, Func<string, string> rewrite)
    {
        foreach (var fixture in FixtureFiles.Documents().Where(f => f.StartsWith(folder + "/", StringComparison.Ordinal)))
        {
            var json = FixtureFiles.Read(fixture);
            yield return new SchemaInstance(fixture, json);
            yield return new SchemaInstance(fixture + " (rewritten)", rewrite(json));
        }
    }
}
