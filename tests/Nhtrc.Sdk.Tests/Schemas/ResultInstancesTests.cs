using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>
/// The result instances the schemas are tested with (<see cref="ResultInstances"/>) hold the cases that matter: nulls
/// and values in each nullable member, overdue negative durations, every status, warning, channel and urgency, and
/// confidential locations both withheld (public) and in full (advocate).
/// </summary>
public sealed class ResultInstancesTests
{
    [Fact]
    public void Deadlines_HaveEveryChannelAndUrgency()
    {
        var deadlines = Parse(ResultInstances.Deadlines());

        Assert.Equal(WireNames.All<ContactChannel>().Order(), Values(deadlines, "channel").Distinct().Order());
        Assert.Equal(WireNames.All<Urgency>().Order(), Values(deadlines, "urgency").Distinct().Order());
    }

    [Fact]
    public void SlaStates_HaveEveryStatusAndWarning_OverdueDurations_AndNullsAndValues()
    {
        var states = Parse(ResultInstances.SlaStates());

        Assert.Equal(WireNames.All<SlaStatus>().Order(), Values(states, "status").Distinct().Order());
        Assert.Equal(WireNames.All<SlaWarning>().Order(), Values(states, "warning").Distinct().Order());
        Assert.Contains(states, s => s["remainingToDue"]!.GetValue<string>().StartsWith("-PT", StringComparison.Ordinal));
        Assert.Contains(states, s => s["remainingToTarget"]!.GetValue<string>() == "PT0S" || s["remainingToTarget"]!.GetValue<string>().Contains('.', StringComparison.Ordinal));
        foreach (var member in (string[])["respondedAt", "targetMet", "effectiveTargetBy", "effectiveDueBy", "halfUsedAt", "threeQuartersUsedAt"])
        {
            Assert.Contains(states, s => s[member] is null);
            Assert.Contains(states, s => s[member] is not null);
        }

        Assert.Contains(states, s => s["targetMet"]?.GetValue<bool>() == false);
        Assert.Contains(states, s => s["paused"]!.GetValue<bool>());
    }

    [Fact]
    public void ContactOutcomes_AreSearchedAndNot_ForBothAudiences_WithSkipsAndProfiles()
    {
        var referrals = Parse(ResultInstances.ContactOutcomes()).Select(o => o["referrals"]!).ToList();

        Assert.Contains(referrals, r => r["searched"]!.GetValue<bool>() && r["result"]!["audience"]!.GetValue<string>() == "public");
        Assert.Contains(referrals, r => r["searched"]!.GetValue<bool>() && r["result"]!["audience"]!.GetValue<string>() == "advocate");
        Assert.Contains(referrals, r => !r["searched"]!.GetValue<bool>() && r["result"] is null);
        Assert.Contains(referrals, r => r["notSearchedReason"]?.GetValue<string>() == "no directory was given.");
        Assert.Contains(referrals, r => r["skippedNeeds"]!.AsArray().Count > 0);
        Assert.Contains(referrals, r => r["client"]!["age"] is not null);
        Assert.Contains(referrals, r => r["client"]!["immigrationStatus"] is not null);
    }

    [Fact]
    public void TriageOutcomes_HaveOpenAndClosedQueues_AndEscalationsWithAndWithoutALegalBasis()
    {
        var outcomes = Parse(ResultInstances.TriageOutcomes());
        var escalations = outcomes.SelectMany(o => o["escalations"]!.AsArray()).Select(e => e!).ToList();

        Assert.Contains(outcomes, o => o["queue"]!["opensAt"] is null);
        Assert.Contains(outcomes, o => o["queue"]!["opensAt"] is not null);
        Assert.Contains(escalations, e => e["legalBasis"] is null);
        Assert.Contains(escalations, e => e["legalBasis"] is not null);
        Assert.Equal(WireNames.All<Urgency>().Order(), Values(outcomes, "urgency").Distinct().Order());
    }

    [Fact]
    public void ReferralResults_HaveConfidentialLocations_WithheldForThePublic_AndInFullForAdvocates()
    {
        var results = Parse(ResultInstances.ReferralResults());
        var confidential = results
            .SelectMany(r => r["matches"]!.AsArray().SelectMany(m => m!["locations"]!.AsArray())
                .Select(l => (Audience: r["audience"]!.GetValue<string>(), Location: l!)))
            .Where(x => x.Location["confidential"]!.GetValue<bool>())
            .ToList();

        Assert.Equal(WireNames.All<ReferralAudience>().Order(), Values(results, "audience").Distinct().Order());
        Assert.Contains(confidential, x => x.Audience == "public");
        Assert.All(confidential.Where(x => x.Audience == "public"), x => Assert.Null(x.Location["latitude"]));
        Assert.Contains(confidential, x => x.Audience == "advocate" && x.Location["latitude"] is not null && x.Location["zip"] is not null);
    }

    [Fact]
    public void ThePublicResultSchema_RejectsAConfidentialLocationsAddressZipOrPoint()
    {
        var result = Parse(ResultInstances.ReferralResults()).First(r => r["audience"]!.GetValue<string>() == "public"
            && r["matches"]!.AsArray().Any(m => m!["locations"]!.AsArray().Any(l => l!["confidential"]!.GetValue<bool>())));
        var location = result["matches"]!.AsArray().SelectMany(m => m!["locations"]!.AsArray()).First(l => l!["confidential"]!.GetValue<bool>())!;
        Assert.Empty(DocumentSchemas.Problems("referral-result.schema.json", result.ToJsonString()));

        foreach (var (member, value) in new (string, JsonNode)[] { ("address", JsonValue.Create("1 Hidden Way")), ("zip", JsonValue.Create("20001")) })
        {
            location[member] = value;
            Assert.NotEmpty(DocumentSchemas.Problems("referral-result.schema.json", result.ToJsonString()));
            location[member] = null;
        }

        (location["latitude"], location["longitude"]) = (JsonValue.Create(38.91), JsonValue.Create(-77.02));
        Assert.NotEmpty(DocumentSchemas.Problems("referral-result.schema.json", result.ToJsonString()));
        result["audience"] = "advocate";
        Assert.Empty(DocumentSchemas.Problems("referral-result.schema.json", result.ToJsonString()));
    }

    private static List<JsonObject> Parse(IEnumerable<SchemaInstance> instances) => [.. instances.Select(i => JsonNode.Parse(i.Json)!.AsObject())];

    private static IEnumerable<string> Values(IEnumerable<JsonObject> documents, string member) => documents.Select(d => d[member]!.GetValue<string>());
}
