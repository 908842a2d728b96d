using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>
/// Every reader on valid documents mutated one field at a time (<see cref="JsonMutator"/>): reading the bytes
/// gives a value or an <see cref="Validation.NhtrcValidationException"/>, nothing else, within 10 s; a value read is
/// used once (triaged, a deadline computed, a match, a search, written again) and only documented exceptions come
/// out; no message holds a personal-data value of the seed. Known failures: <see cref="KnownFailures"/>.
/// </summary>
public sealed class ReaderMutationProperties
{
    private const int Cases = 100;

    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 59);

    [Property(MaxTest = Cases)]
    public Property Contact_MutatedOneField_ReadsOrIsRejected() =>
        Prop.ForAll(HostileSeeds.Cases("contact", () => HostileSeeds.Contacts), c => HostileCheck.Document(
            c,
            ContactJson.Parse,
            contact =>
            {
                var outcome = ContactPipeline.NhtrcDefault.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);
                _ = ContactOutcomeJson.Serialize(outcome);
                _ = ContactJson.Serialize(contact);
                _ = ContactJson.SerializeRedacted(contact);
            },
            HostileSeeds.SecretsOf(c, HostileSeeds.Contacts)));

    [Property(MaxTest = Cases)]
    public Property ResponsePolicy_MutatedOneField_ReadsOrIsRejected() =>
        Prop.ForAll(HostileSeeds.Cases("policy", () => HostileSeeds.Policies), c => HostileCheck.Document(
            c,
            ResponsePolicyJson.Parse,
            policy =>
            {
                _ = ResponsePolicyJson.Serialize(policy);
                _ = policy.ToString();
                foreach (var channel in Enum.GetValues<ContactChannel>())
                {
                    foreach (var urgency in Enum.GetValues<Urgency>())
                    {
                        var deadline = policy.ComputeDeadline(At, channel, urgency);
                        _ = ResponseDeadlineJson.Serialize(deadline);
                        _ = SlaStateJson.Serialize(SlaClock.Evaluate(deadline, [new SlaEvent(SlaEventKind.Received, At)], At + Duration.FromHours(30)));
                    }
                }
            },
            []));

    [Property(MaxTest = Cases)]
    public Property TriageRules_MutatedOneField_ReadsOrIsRejected() =>
        Prop.ForAll(HostileSeeds.Cases("rules", () => HostileSeeds.Rules), c => HostileCheck.Document(
            c,
            TriageRulesJson.Parse,
            rules =>
            {
                _ = TriageRulesJson.Serialize(rules);
                var engine = new TriageEngine(rules, ResponsePolicy.NhtrcDefault, ResponsePolicy.NhtrcDefault.BusinessCalendar);
                foreach (var contact in HostileSeeds.SampleContacts)
                {
                    _ = TriageOutcomeJson.Serialize(engine.Triage(contact, contact.ReceivedAt));
                }
            },
            []));

    [Property(MaxTest = Cases)]
    public Property ServiceCalendar_MutatedOneField_ReadsOrIsRejected() =>
        Prop.ForAll(HostileSeeds.Cases("calendar", () => HostileSeeds.Calendars), c => HostileCheck.Document(
            c,
            ServiceCalendarJson.Parse,
            calendar =>
            {
                _ = ServiceCalendarJson.Serialize(calendar);
                _ = calendar.IsOpen(At);
                _ = calendar.NextOpening(At);
                _ = calendar.NextClosing(At);
                _ = calendar.BusinessTimeBetween(At, At + Duration.FromDays(9));
                _ = calendar.GetOpenIntervals(At, At + Duration.FromDays(9));
                _ = calendar.AddBusinessTime(At, Duration.FromHours(20));
                _ = calendar.SubtractBusinessTime(At, Duration.FromHours(20));
                _ = calendar.CloseOfNthBusinessDayAfter(At, 3);
                _ = calendar.NthBusinessDayAfter(new LocalDate(2026, 7, 2), 3);
            },
            []));

    [Property(MaxTest = Cases)]
    public Property ReferralDirectory_MutatedOneField_ReadsOrIsRejected() =>
        Prop.ForAll(HostileSeeds.Cases("directory", () => HostileSeeds.Directories), c => HostileCheck.Document(
            c,
            ReferralDirectoryJson.Parse,
            directory =>
            {
                _ = ReferralDirectoryJson.Serialize(directory);
                var service = directory.Organizations.SelectMany(o => o.Services).FirstOrDefault(s => !s.Locations.IsDefaultOrEmpty);
                var needs = service is null ? [ServiceType.Housing] : service.Types.Distinct().ToArray();
                var place = service is null ? ReferralPlace.FromZip("20001") : ReferralPlace.AtPoint(service.Locations[0].Point);
                foreach (var audience in new[] { ReferralAudience.Public, ReferralAudience.Advocate })
                {
                    var result = directory.Match(new ReferralQuery { Needs = [.. needs], Place = place, At = At, Audience = audience, Urgency = Urgency.Urgent, Count = ReferralQuery.MaximumCount });
                    _ = ReferralResultJson.Serialize(result);
                }
            },
            []));

    [Property(MaxTest = Cases)]
    public Property ResourceLibrary_MutatedOneField_ReadsOrIsRejected() =>
        Prop.ForAll(HostileSeeds.Cases("library", () => HostileSeeds.Libraries), c => HostileCheck.Document(
            c,
            ResourceLibraryJson.Parse,
            library =>
            {
                _ = ResourceLibraryJson.Serialize(library);
                _ = library.Search(new ResourceQuery("trafficking labor"));
                _ = library.Search(new ResourceQuery { MaxResults = 1000 });
                _ = library.Search(new ResourceQuery(library.Materials.FirstOrDefault()?.Title ?? "x") { Language = LanguageTag.Parse("es") });
            },
            []));

    /// <summary>The mutator itself: a mutation changes the document (a test that cannot fail is a defect), except an extreme value that may equal the original.</summary>
    [Property(MaxTest = 100)]
    public Property Mutator_ChangesTheSeed() =>
        Prop.ForAll(HostileSeeds.Cases("contact", () => HostileSeeds.Contacts), c =>
        {
            var seed = HostileSeeds.Contacts.First(s => s.Name == c.Seed).Json;
            var original = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(seed)!.ToJsonString());
            return !c.Bytes.AsSpan().SequenceEqual(original) || c.Mutation == MutationKind.Extreme;
        });
}
