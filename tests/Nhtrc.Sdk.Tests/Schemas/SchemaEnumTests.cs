using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>
/// The enum lists of the schemas are the SDK's: each named list in <c>$defs</c> equals the wire names
/// (<see cref="WireNames"/>) or the SDK's own list of ids it stands for, and every other <c>enum</c> or string
/// <c>const</c> (the discriminators of a <c>oneOf</c>) names only values of a list of the same file or of the lists
/// it refers to, so no list can drift from the code.
/// </summary>
public sealed class SchemaEnumTests
{
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> Expected = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)
    {
        ["contact.schema.json#/$defs/contactChannel"] = WireNames.All<ContactChannel>(),
        ["contact.schema.json#/$defs/requestKind"] = WireNames.All<RequestKind>(),
        ["contact.schema.json#/$defs/technicalAssistanceKind"] = WireNames.All<TechnicalAssistanceKind>(),
        ["contact.schema.json#/$defs/callerRole"] = WireNames.All<CallerRole>(),
        ["contact.schema.json#/$defs/traffickingType"] = WireNames.All<TraffickingType>(),
        ["contact.schema.json#/$defs/consentScope"] = WireNames.All<ConsentScope>(),
        ["contact.schema.json#/$defs/stateCode"] = ContactStateCodes(),
        ["response-policy.schema.json#/$defs/knownCalendarId"] = [KnownServiceCalendars.NhtrcBusinessHoursId, KnownServiceCalendars.AlwaysOpenId],
        ["response-policy.schema.json#/$defs/urgency"] = WireNames.All<Urgency>(),
        ["response-policy.schema.json#/$defs/responseTargetKind"] = WireNames.All<ResponseTargetKind>(),
        ["service-calendar.schema.json#/$defs/dayOfWeek"] = [.. Enumerable.Range(1, 7).Select(d => ((IsoDayOfWeek)d).ToString().ToLowerInvariant())],
        ["service-calendar.schema.json#/$defs/holidayCalendarId"] = [HolidayCalendar.UsFederal.Id],
        ["triage-rules.schema.json#/$defs/triageQueue"] = WireNames.All<TriageQueue>(),
        ["triage-rules.schema.json#/$defs/escalationKind"] = WireNames.All<EscalationKind>(),
        ["triage-rules.schema.json#/$defs/escalationBasis"] = WireNames.All<EscalationBasis>(),
        ["triage-rules.schema.json#/$defs/triageSignal"] = WireNames.All<TriageSignal>(),
        ["referral-directory.schema.json#/$defs/organizationKind"] = WireNames.All<OrganizationKind>(),
        ["referral-directory.schema.json#/$defs/serviceType"] = WireNames.All<ServiceType>(),
        ["referral-directory.schema.json#/$defs/capacity"] = WireNames.All<Capacity>(),
        ["referral-directory.schema.json#/$defs/gender"] = WireNames.All<Gender>(),
        ["referral-directory.schema.json#/$defs/immigrationStatus"] = WireNames.All<ImmigrationStatus>(),
        // A service names the types it serves among sex and labor (DirectoryValidator); both and unknown are not types of a service.
        ["referral-directory.schema.json#/$defs/servedTraffickingType"] = [WireNames.Of(TraffickingType.Sex), WireNames.Of(TraffickingType.Labor)],
        ["referral-directory.schema.json#/$defs/stateCode"] = [.. UsState.All.Select(s => s.Code)],
        ["resource-library.schema.json#/$defs/resourceTopic"] = WireNames.All<ResourceTopic>(),
        ["resource-library.schema.json#/$defs/resourceFormat"] = WireNames.All<ResourceFormat>(),
        ["triage-outcome.schema.json#/$defs/consentStatus"] = WireNames.All<ConsentStatus>(),
        ["sla-state.schema.json#/$defs/slaStatus"] = WireNames.All<SlaStatus>(),
        ["sla-state.schema.json#/$defs/slaWarning"] = WireNames.All<SlaWarning>(),
        ["referral-result.schema.json#/$defs/referralAudience"] = WireNames.All<ReferralAudience>(),
        ["referral-result.schema.json#/$defs/coverageLevel"] = WireNames.All<CoverageLevel>(),
        ["referral-result.schema.json#/$defs/referralFactor"] = WireNames.All<ReferralFactor>(),
        ["referral-result.schema.json#/$defs/availabilityState"] = WireNames.All<AvailabilityState>(),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    public static TheoryData<string> NamedLists() => [.. Expected.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(NamedLists))]
    public void ANamedEnumList_IsTheSdksList(string list)
    {
        var (file, name) = (list[..list.IndexOf('#', StringComparison.Ordinal)], list[(list.LastIndexOf('/') + 1)..]);
        var values = Schema(file)["$defs"]?[name]?["enum"]?.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.NotNull(values);
        Assert.Equal(Expected[list].Order(StringComparer.Ordinal), values.Order(StringComparer.Ordinal));
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryEnumList_IsNamedAndChecked_OrPartOfOne()
    {
        var problems = new List<string>();
        foreach (var file in DocumentSchemas.Files)
        {
            var schema = Schema(file);
            var known = Expected.Where(e => e.Key.StartsWith(file + "#", StringComparison.Ordinal) || References(schema).Contains(e.Key[..e.Key.IndexOf('#', StringComparison.Ordinal)]))
                .SelectMany(e => e.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var (path, values) in Enumerations(schema, "#"))
            {
                if (path.StartsWith("#/$defs/", StringComparison.Ordinal) && path.EndsWith("/enum", StringComparison.Ordinal) && path.Count(c => c == '/') == 3)
                {
                    if (!Expected.ContainsKey(file + path[..^"/enum".Length]))
                    {
                        problems.Add($"{file}{path}: a named list the test does not compare with the SDK; add it to Expected.");
                    }
                }
                else if (values.FirstOrDefault(v => !known.Contains(v)) is { } stray)
                {
                    problems.Add($"{file}{path}: '{stray}' is in no named list of this schema or the schemas it refers to.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // What the contact reader accepts as a state, found by asking it about every pair of upper-case letters.
    private static ImmutableArray<string> ContactStateCodes()
    {
        var codes = ImmutableArray.CreateBuilder<string>();
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                var code = $"{a}{b}";
                try
                {
                    _ = new CallerLocation(null, null, code, null);
                    codes.Add(code);
                }
                catch (Validation.NhtrcValidationException)
                {
                }
            }
        }

        return codes.ToImmutable();
    }

    private static JsonNode Schema(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(DocumentSchemas.Folder, file)))!;

    // The schema files a schema's $refs name.
    private static HashSet<string> References(JsonNode schema)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Descendants(schema))
        {
            if (node is JsonObject o && o["$ref"] is JsonValue r && r.GetValue<string>() is var reference && !reference.StartsWith('#'))
            {
                files.Add(reference.Split('#')[0]);
            }
        }

        return files;
    }

    // Every enum's and string const's values, with its JSON pointer.
    private static IEnumerable<(string Path, List<string> Values)> Enumerations(JsonNode node, string path)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, value) in o)
            {
                var here = $"{path}/{name}";
                if (name == "enum" && value is JsonArray values)
                {
                    yield return (here, values.Where(v => v is JsonValue).Select(v => v!.ToString()).ToList());
                }
                else if (name == "const" && value is JsonValue c && c.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    yield return (here, [c.GetValue<string>()]);
                }
                else if (value is not null)
                {
                    foreach (var inner in Enumerations(value, here))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var inner in Enumerations(a[i]!, $"{path}/{i}"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
