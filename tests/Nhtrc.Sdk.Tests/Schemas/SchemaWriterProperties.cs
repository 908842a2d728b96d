using System;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Contacts;
using Nhtrc.Sdk.Tests.ResponseTimes;
using Nhtrc.Sdk.Tests.Scheduling;
using Nhtrc.Sdk.Tests.Text;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>
/// What the SDK's writers write from random values (the generators of <see cref="DocumentRoundTripProperties"/>, and
/// for the results those of the triage, SLA and referral properties) validates against the schema of its format.
/// </summary>
public sealed class SchemaWriterProperties
{
    [Property(Arbitrary = [typeof(PrivacyArbitraries)], MaxTest = 100)]
    public Property WrittenContact_IsValid(SecretContact c) => Valid("contact.schema.json", ContactJson.Serialize(c.Contact));

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 100)]
    public Property WrittenServiceCalendar_IsValid(CalendarCase c) =>
        Valid("service-calendar.schema.json", ServiceCalendarJson.Serialize(DocumentRoundTripProperties.Writable(c)));

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 50)]
    public Property WrittenResponsePolicy_IsValid(CalendarCase c) =>
        Valid("response-policy.schema.json", ResponsePolicyJson.Serialize(
            new ResponsePolicy("schema", DocumentRoundTripProperties.Writable(c), ResponsePolicy.NhtrcDefault.Rules)));

    [Property(MaxTest = 100)]
    public Property WrittenTriageRules_AreValid() =>
        Prop.ForAll(DocumentRoundTripProperties.RulesGen.ToArbitrary(), rules => Valid("triage-rules.schema.json", TriageRulesJson.Serialize(rules)));

    [Property(MaxTest = 20)]
    public Property WrittenReferralDirectory_IsValid() =>
        Prop.ForAll(DocumentRoundTripProperties.DirectoryGen.ToArbitrary(), document =>
        {
            var generated = JsonSerializer.Serialize(document, DirectoryJsonContext.Default.DirectoryDocument);
            return Valid("referral-directory.schema.json", generated)
                .And(Valid("referral-directory.schema.json", ReferralDirectoryJson.Serialize(ReferralDirectoryJson.Parse(generated))));
        });

    [Property(MaxTest = 100)]
    public Property WrittenResourceLibrary_IsValid() =>
        Prop.ForAll(DocumentRoundTripProperties.LibraryGen.ToArbitrary(), library => Valid("resource-library.schema.json", ResourceLibraryJson.Serialize(library)));

    [Property(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 100)]
    public Property WrittenTriageOutcome_IsValid(TriageScenario c) =>
        Valid("triage-outcome.schema.json", TriageOutcomeJson.Serialize(TriageEngine.NhtrcDefault.Triage(c.Contact, c.At)));

    [Property(Arbitrary = [typeof(DefaultPolicyPropertyTests)], MaxTest = 50)]
    public Property WrittenDeadlines_AreValid(Instant received) =>
        Enum.GetValues<ContactChannel>()
            .SelectMany(channel => new[] { Urgency.Urgent, Urgency.NonUrgent }.Select(urgency => ResponsePolicy.NhtrcDefault.ComputeDeadline(received, channel, urgency)))
            .Select(deadline => Valid("deadline.schema.json", ResponseDeadlineJson.Serialize(deadline)))
            .Aggregate((a, b) => a.And(b));

    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 200)]
    public Property WrittenSlaState_IsValid(SlaCase c) => Valid("sla-state.schema.json", SlaStateJson.Serialize(c.Evaluate()));

    [Property(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 100)]
    public Property WrittenReferralResult_IsValid(ReferralCase c) =>
        Valid("referral-result.schema.json", ReferralResultJson.Serialize(c.Directory.Match(c.Query)));

    [Property(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 100)]
    public Property WrittenContactOutcome_IsValid(TriageScenario c) =>
        Valid("contact-outcome.schema.json", ContactOutcomeJson.Serialize(ContactPipeline.NhtrcDefault.Process(c.Contact, ReferralDirectory.Sample, c.At)));

    private static Property Valid(string schemaFile, string json)
    {
        var problems = DocumentSchemas.Problems(schemaFile, json);
        return (problems.Count == 0).Label($"{schemaFile}: {string.Join("; ", problems.Take(5))}\n{json}");
    }
}
