using System.IO;
using System.Linq;
using System.Text.Json;
using System;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Tests.Contacts;
using Nhtrc.Sdk.Tests.Fixtures;
using Nhtrc.Sdk.Tests.Referrals.Json;
using Nhtrc.Sdk.Tests.Resources;
using Nhtrc.Sdk.Tests.Scheduling;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>
/// For every document kind, what the facade writes reads back to an equal value: equal as the fixtures'
/// exhaustive describers see it (Fixtures/), and equal text when written again. Through a stream too.
/// </summary>
public sealed class DocumentRoundTripProperties
{
    [Property(Arbitrary = [typeof(PrivacyArbitraries)], MaxTest = 100)]
    public Property Contact_WrittenThenRead_IsEqual(SecretContact c)
    {
        var json = ContactJson.Serialize(c.Contact);
        var back = ContactJson.Parse(json);
        return Checks(
            ("equal", back.Equals(c.Contact) && back == c.Contact && !(back != c.Contact)),
            ("described", ContactDescriber.Describe(back) == ContactDescriber.Describe(c.Contact)),
            ("same text", ContactJson.Serialize(back) == json),
            ("through a stream", ContactDescriber.Describe(ThroughStream(c.Contact, ContactJson.Write, ContactJson.Load)) == ContactDescriber.Describe(c.Contact)));
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 100)]
    public Property ServiceCalendar_WrittenThenRead_IsEqual(CalendarCase c)
    {
        var calendar = Writable(c);
        var json = ServiceCalendarJson.Serialize(calendar);
        var back = ServiceCalendarJson.Parse(json);
        return Checks(
            ("described", Describe(back) == Describe(calendar)),
            ("same text", ServiceCalendarJson.Serialize(back) == json),
            ("same business time", back.BusinessTimeBetween(c.T, c.T + c.D1 + c.D2) == calendar.BusinessTimeBetween(c.T, c.T + c.D1 + c.D2)),
            ("through a stream", Describe(ThroughStream(calendar, ServiceCalendarJson.Write, ServiceCalendarJson.Load)) == Describe(calendar)));
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 50)]
    public Property ResponsePolicy_WrittenThenRead_IsEqual(CalendarCase c)
    {
        var rules = ResponsePolicy.NhtrcDefault.Rules;
        var policy = new ResponsePolicy("round-trip", Writable(c), c.N % 2 == 0 ? rules : rules.Reverse());
        var json = ResponsePolicyJson.Serialize(policy);
        var back = ResponsePolicyJson.Parse(json);
        return Checks(
            ("described", ResponsePolicyDescriber.Describe(back) == ResponsePolicyDescriber.Describe(policy)),
            ("same text", ResponsePolicyJson.Serialize(back) == json),
            ("through a stream", ResponsePolicyDescriber.Describe(ThroughStream(policy, ResponsePolicyJson.Write, ResponsePolicyJson.Load)) == ResponsePolicyDescriber.Describe(policy)));
    }

    [Property(MaxTest = 100)]
    public Property TriageRules_WrittenThenRead_AreEqual() =>
        Prop.ForAll(RulesGen.ToArbitrary(), rules =>
        {
            var json = TriageRulesJson.Serialize(rules);
            var back = TriageRulesJson.Parse(json);
            return TriageRulesDescriber.Describe(back) == TriageRulesDescriber.Describe(rules)
                && TriageRulesJson.Serialize(back) == json
                && TriageRulesDescriber.Describe(ThroughStream(rules, TriageRulesJson.Write, TriageRulesJson.Load)) == TriageRulesDescriber.Describe(rules);
        });

    [Property(MaxTest = 20)]
    public Property ReferralDirectory_WrittenThenRead_IsEqual() =>
        Prop.ForAll(
            DirectoryGen.ToArbitrary(),
            document =>
            {
                var directory = ReferralDirectoryJson.Parse(JsonSerializer.SerializeToUtf8Bytes(document, DirectoryJsonContext.Default.DirectoryDocument));
                var json = ReferralDirectoryJson.Serialize(directory);
                var back = ReferralDirectoryJson.Parse(json);
                return ReferralDirectoryDescriber.Describe(back) == ReferralDirectoryDescriber.Describe(directory)
                    && ReferralDirectoryJson.Serialize(back) == json
                    && ReferralDirectoryDescriber.Describe(ThroughStream(directory, ReferralDirectoryJson.Write, s => ReferralDirectoryJson.Load(s))) == ReferralDirectoryDescriber.Describe(directory);
            });

    [Property(MaxTest = 100)]
    public Property ResourceLibrary_WrittenThenRead_IsEqual() =>
        Prop.ForAll(
            LibraryGen.ToArbitrary(),
            library =>
            {
                var json = ResourceLibraryJson.Serialize(library);
                var back = ResourceLibraryJson.Parse(json);
                return ResourceLibraryDescriber.Describe(back) == ResourceLibraryDescriber.Describe(library)
                    && back.Materials.SequenceEqual(library.Materials)
                    && back.Materials.Zip(library.Materials).All(p => p.First == p.Second)
                    && ResourceLibraryJson.Serialize(back) == json;
            });

    // Directory documents as the testing package's synthetic generator writes them, of 1 to 40 services.
    internal static Gen<DirectoryDocument> DirectoryGen =>
        from seed in Gen.Choose(0, 1_000_000)
        from services in Gen.Choose(1, 40)
        select SyntheticDocuments.WithServices(seed, services);

    // Libraries of 0 to 6 random materials.
    internal static Gen<ResourceLibrary> LibraryGen =>
        from count in Gen.Choose(0, 6)
        from materials in Gen.CollectToArray(Enumerable.Range(0, count).Select(i => $"material-{i}"), ResourceArbitraries.MaterialGen)
        select new ResourceLibrary(materials);

    // Rules drawn from the default set (every kind of condition and action it has, consent tests included)
    // in a random order and subset, plus rules with random conditions.
    internal static Gen<TriageRules> RulesGen =>
        from subset in Gen.SubListOf(TriageRules.NhtrcDefault.Rules.ToArray())
        from order in Gen.Shuffle(subset.ToArray())
        from count in Gen.Choose(0, 3)
        from extra in Gen.CollectToArray(Enumerable.Range(0, count), i =>
            from when in ConditionGen(3)
            from urgency in Gen.Elements(Urgency.Urgent, Urgency.NonUrgent)
            select new TriageRule($"random-{i}", "A random rule for the round trip.", when, urgency))
        where order.Length + count > 0
        select new TriageRules("round-trip", order.Concat(extra));

    private static Gen<TriageCondition> ConditionGen(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<RequestKind>())).Select(v => TriageCondition.RequestKindIn(v.Distinct())),
            Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<ContactChannel>())).Select(v => TriageCondition.ChannelIn(v.Distinct())),
            Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<CallerRole>())).Select(v => TriageCondition.RoleIn(v.Distinct())),
            Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<TraffickingType>())).Select(v => TriageCondition.TraffickingTypeIn(v.Distinct())),
            Gen.Elements(Enum.GetValues<TriageSignal>()).Select(TriageCondition.Signal),
            Gen.Elements(true, false).Select(TriageCondition.Anonymous));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = ConditionGen(depth - 1);
        return Gen.Frequency(
            (4, leaf),
            (1, Gen.NonEmptyListOf(inner).Select(c => TriageCondition.All(c))),
            (1, Gen.NonEmptyListOf(inner).Select(c => TriageCondition.Any(c))),
            (1, inner.Select(TriageCondition.Not)));
    }

    // The case's calendar with its holidays as dates (a custom HolidayCalendar type has no document form),
    // with and without the US federal holidays. The document lists known holiday calendars by id, then the
    // dated holidays as one calendar, so that is the order that reads back the same (docs/deadlines.md).
    internal static ServiceCalendar Writable(CalendarCase c)
    {
        var calendar = c.Calendar;
        var dated = HolidayCalendar.FromDates(calendar.Id + "-holidays", c.Definition.Holidays.Order().Select(d => new Holiday("Closed", d, d)));
        HolidayCalendar[] holidays = c.N % 2 == 0 ? [dated] : [HolidayCalendar.UsFederal, dated];
        return new ServiceCalendar(calendar.Id, calendar.Zone, calendar.WeeklyHours, holidays, calendar.Overrides);
    }

    private static Property Checks(params (string Label, bool Ok)[] checks) =>
        checks.Select(c => c.Ok.Label(c.Label)).Aggregate((a, b) => a.And(b));

    private static string Describe(ServiceCalendar calendar)
    {
        var w = new DescriptionWriter();
        ServiceCalendarDescriber.Describe(w, calendar);
        return w.ToString();
    }

    private static T ThroughStream<T>(T value, Action<T, Stream> write, Func<Stream, T> load)
    {
        using var stream = new MemoryStream();
        write(value, stream);
        stream.Position = 0;
        return load(stream);
    }
}
