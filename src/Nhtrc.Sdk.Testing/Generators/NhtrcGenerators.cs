using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// FsCheck 3 generators for SLA tests, usable from C#: random calendars (tz database zones biased to the dangerous
/// ones, split and overnight periods, holidays, overrides), instants biased to a calendar's dangerous places,
/// durations, response policies, contacts of every request kind (obviously synthetic personal data), contacts with the
/// instant they are triaged (ages near 18, consents around the receipt), distinctive personal data for privacy tests,
/// SLA event sequences, referral directories and queries. Compose them with FsCheck's LINQ (<c>from ... in ... select</c>), pass them to <c>Prop.ForAll</c> with
/// <c>.ToArbitrary()</c>, or register <see cref="NhtrcArbitraries"/> with <c>[Property(Arbitrary = ...)]</c>.
/// Calendar-biased instants need a calendar, so they are factories: <see cref="InstantsNear"/>.
/// </summary>
public static partial class NhtrcGenerators
{
    // Zones where clocks change at midnight, by 30 minutes, by odd amounts, negatively, or skip a whole day.
    private static readonly string[] DangerousZoneIds =
    [
        "America/New_York", "America/Los_Angeles", "America/Sao_Paulo", "Australia/Lord_Howe", "America/Havana",
        "America/Santiago", "Europe/Dublin", "Europe/London", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham",
        "Pacific/Apia", "Asia/Tehran", "Africa/Casablanca", "Asia/Gaza", "Etc/UTC", "Asia/Kolkata", "America/Godthab",
    ];

    private static readonly LocalTime[] DangerousTimes =
    [
        LocalTime.Midnight, new(0, 30), new(1, 0), new(1, 30), new(2, 0), new(2, 30), new(3, 0), new(9, 0),
        new(12, 0), new(19, 0), new(22, 0), new(23, 0), new(23, 30), new(23, 59),
    ];

    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>Zones of the tz database, three times in four one of the zones whose clock changes trip calendars up.</summary>
    public static Gen<DateTimeZone> Zones { get; } =
        Gen.Frequency(
            (3, Gen.Elements(DangerousZoneIds)),
            (1, Gen.Elements(DateTimeZoneProviders.Tzdb.Ids.ToArray())))
        .Select(id => DateTimeZoneProviders.Tzdb[id]);

    /// <summary>Durations in whole minutes: zero, up to 10 hours, up to about 3 days (so business days are crossed).</summary>
    public static Gen<Duration> Durations { get; } =
        Gen.Frequency(
            (1, Gen.Constant(0)),
            (6, Gen.Choose(1, 600)),
            (2, Gen.Choose(600, 4000)))
        .Select(m => Duration.FromMinutes(m));

    /// <summary>
    /// Random calendar definitions: a tz database zone, weekly hours (24/7, Monday-Friday 09:00-19:00, or up to three
    /// periods a day that may cross midnight, touch or overlap), up to six holidays and four overrides within weeks of a
    /// date in 1995-2035.
    /// </summary>
    public static Gen<CalendarDefinition> CalendarDefinitions =>
        from anchor in AnchorDates
        from definition in DefinitionsNear(anchor)
        select definition;

    /// <summary>
    /// Cases for the laws of business time: a random calendar, an instant within days of its holidays and overrides
    /// biased to its dangerous places (or, one time in four, within 90 minutes of one of its zone's clock changes in the
    /// 200 days either side, or a minute or two from the turn of the year), two <see cref="Durations"/> (the first, one time in six, exactly the business
    /// time to the next closing, so that adding it lands on a closing) and 1 to 6 business days.
    /// </summary>
    public static Gen<BusinessTimeCase> BusinessTimeCases =>
        from anchor in AnchorDates
        from definition in DefinitionsNear(anchor)
        let calendar = definition.ToServiceCalendar("generated")
        from t in Gen.Frequency(
            (8, InstantsOn(calendar, anchor.PlusDays(-3), anchor.PlusDays(3))),
            (3, NearClockChanges(calendar.Zone, anchor)),
            (1, NearNewYear(calendar.Zone, anchor.Year)))
        from d1 in Gen.Frequency((5, Durations), (1, Gen.Constant(ToNextClosing(calendar, t.Instant))))
        from d2 in Durations
        from n in Gen.Choose(1, 6)
        select new BusinessTimeCase(definition, t, d1, d2, n);

    /// <summary>
    /// Valid response policies: each urgency's five channels split among one to three rules, each target immediate,
    /// elapsed, business time or business days, each due the same kind no sooner or another kind, on a random calendar
    /// (the NHTRC business hours when the random one never opens).
    /// </summary>
    public static Gen<ResponsePolicy> Policies =>
        from definition in CalendarDefinitions
        from urgentRules in RulesFor(Urgency.Urgent)
        from nonUrgentRules in RulesFor(Urgency.NonUrgent)
        let generated = definition.ToServiceCalendar("generated-hours")
        let calendar = generated.NextOpening(Instant.FromUtc(2000, 1, 1, 0, 0)) is null ? KnownServiceCalendars.NhtrcBusinessHours : generated
        select new ResponsePolicy("generated", calendar, urgentRules.Concat(nonUrgentRules));

    /// <summary>Contacts of every request kind, in equal measure.</summary>
    public static Gen<Contact> Contacts =>
        Gen.Elements(Enum.GetValues<RequestKind>()).SelectMany(ContactsOf);

    /// <summary>
    /// Valid contacts of <paramref name="kind"/>: any channel, role and language, <see cref="Signals"/> (an age of
    /// <see cref="Ages"/>, near 18 often), a receipt in 2020-2030, anonymous or with <see cref="SyntheticPersonalData"/>, referral needs, up to
    /// two <see cref="ConsentsAround(Instant)"/> (to <see cref="ConsentRecipients"/>, some expired or revoked), and
    /// technical assistance for a TTA request. Shrinks (with <see cref="NhtrcArbitraries.Contacts"/>) by dropping
    /// consents, the age, signals, referral needs and personal data.
    /// </summary>
    /// <param name="kind">The request kind.</param>
    public static Gen<Contact> ContactsOf(RequestKind kind) =>
        from number in Gen.Choose(0, 9999)
        from minutes in Gen.Choose(0, 10 * 365 * 24 * 60)
        from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
        from role in Gen.Elements(Enum.GetValues<CallerRole>())
        from language in Gen.Elements("en", "es", "en-US", "vi", "zh-Hant", "fr")
        from anonymous in Gen.Elements(true, false, false)
        from shares in Gen.Elements(true, false)
        from signals in Signals
        from needs in Gen.SubListOf(Enum.GetValues<ServiceType>())
        from assistance in Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<TechnicalAssistanceKind>()))
        from consentCount in Gen.Choose(0, 2)
        let receivedAt = Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromMinutes(minutes)
        from consents in Gen.ArrayOf(ConsentsAround(receivedAt), consentCount)
        select BuildContact(kind, number, receivedAt, channel, role, language,
            anonymous, shares, signals, needs, assistance, consents);

    /// <summary>
    /// SLA event sequences under <paramref name="policy"/>: a receipt in 2026-2027 biased to the calendar's dangerous places,
    /// up to 24 pauses (the last perhaps left open), perhaps a response, and a reading instant up to three days later;
    /// every channel and urgency. Shrinks by dropping the response, then pauses.
    /// </summary>
    /// <param name="policy">The policy the requests fall under.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static Arbitrary<SlaScenario> SlaScenarios(ResponsePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var receipts = InstantsOn(policy.BusinessCalendar, new LocalDate(2026, 1, 1), new LocalDate(2027, 12, 31));
        var gen =
            from received in receipts
            from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
            from urgency in Gen.Elements(Urgency.Urgent, Urgency.NonUrgent)
            from count in Gen.Choose(0, 49)
            from gaps in Gen.ArrayOf(Gen.Choose(0, 300), count)
            from responded in Gen.Elements(true, false)
            from after in Gen.Choose(0, 3 * 24 * 60)
            select BuildScenario(policy, received.Instant, channel, urgency, gaps, responded, after);
        return Arb.From(gen, ShrinkScenario);
    }

    /// <summary>
    /// Instants on <paramref name="calendar"/> between the starts of <paramref name="from"/> and the day after
    /// <paramref name="to"/>, biased to its dangerous places: exact openings and closings, clock changes, the starts of
    /// holidays and the closes before them, the turn of the year and 31 December's close, leap days, each at the place
    /// or a minute either side; otherwise a random minute. Shrinks to the place itself. For <c>Prop.ForAll</c>.
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="from">The first local date.</param>
    /// <param name="to">The last local date, not before <paramref name="from"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="CalendarRangeException">The dates are outside the calendar's supported years.</exception>
    public static Arbitrary<CalendarInstant> InstantsNear(ServiceCalendar calendar, LocalDate from, LocalDate to) =>
        Arb.From(InstantsOn(calendar, from, to), ShrinkInstant);

    /// <summary>The generator behind <see cref="InstantsNear"/>, to compose with others.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="from">The first local date.</param>
    /// <param name="to">The last local date, not before <paramref name="from"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="CalendarRangeException">The dates are outside the calendar's supported years.</exception>
    public static Gen<CalendarInstant> InstantsOn(ServiceCalendar calendar, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var zone = calendar.Zone;
        Instant Start(LocalDate date) => zone.AtLeniently(date.AtMidnight()).ToInstant();
        var start = Start(from);
        var end = Start(to.PlusDays(1));

        var boundaries = new List<(Instant, string)>();
        foreach (var open in calendar.GetOpenIntervals(start, end))
        {
            if (open.Start > start)
            {
                boundaries.Add((open.Start, "the opening"));
            }

            if (open.End < end)
            {
                boundaries.Add((open.End, "the closing"));
            }
        }

        var changes = zone.GetZoneIntervals(start, end).Where(i => i.HasStart && i.Start > start).Select(i => (i.Start, "the clock change")).ToList();
        var holidays = new List<(Instant, string)>();
        var years = new List<(Instant, string)>();
        var leaps = new List<(Instant, string)>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            if (calendar.TryGetHolidayOn(date, out var holiday))
            {
                holidays.Add((Start(date), $"the start of {holiday.Name} on {date:d MMM}"));
                if (calendar.CloseOfBusinessDay(date.PlusDays(-1)) is { } eve)
                {
                    holidays.Add((eve, $"the close before {holiday.Name}"));
                }
            }

            if (date.Month == 12 && date.Day == 31)
            {
                years.Add((Start(date.PlusDays(1)), $"the start of {date.Year + 1}"));
                if (calendar.CloseOfBusinessDay(date) is { } close)
                {
                    years.Add((close, $"the close of 31 Dec {date.Year}"));
                }
            }

            if (date.Month == 2 && date.Day == 29)
            {
                leaps.Add((Start(date), $"the start of 29 Feb {date.Year}"));
                leaps.Add((Start(date.PlusDays(1)), $"the end of 29 Feb {date.Year}"));
            }
        }

        var minutes = (int)Math.Max(1, Math.Min(int.MaxValue, (end - start).TotalMinutes));
        var random = Gen.Choose(0, minutes - 1).Select(m => new CalendarInstant(start + Duration.FromMinutes(m), Duration.Zero, "a random minute", zone));
        var offsets = Gen.Frequency((4, Gen.Constant(Duration.Zero)), (2, Gen.Constant(-Minute)), (2, Gen.Constant(Minute)));
        var choices = new List<(int, Gen<CalendarInstant>)> { (3, random) };
        void Add(int weight, List<(Instant Place, string Name)> places)
        {
            if (places.Count > 0)
            {
                choices.Add((weight, from place in Gen.Elements(places.ToArray())
                                     from offset in offsets
                                     select new CalendarInstant(place.Place, offset, place.Name, zone)));
            }
        }

        Add(4, boundaries);
        Add(2, changes);
        Add(1, holidays);
        Add(1, years);
        Add(1, leaps);
        return Gen.Frequency(choices.ToArray());
    }

    // A ZIP code of each territory, two in Puerto Rico (municipios apart) and two in the Virgin Islands (islands apart):
    // zones of their own (Atlantic, Chamorro, Samoa), Spanish, and distances across the Pacific.
    private static readonly string[] TerritoryZips = ["00901", "00680", "00802", "00820", "96910", "96950", "96799"];

    private static readonly Lazy<ImmutableArray<ZipCodeInfo>> DefaultReferralZips = new(() =>
    [
        .. Gazetteer.Default.Zips.Where(z => z.State.Code is "DC" or "MD" or "VA" or "DE").Where((_, i) => i % 40 == 0),
        .. Gazetteer.Default.Zips.Where(z => z.State.Code == "WY").Take(3),
        .. TerritoryZips.Select(zip => Gazetteer.Default.GetZip(zip)),
    ]);

    /// <summary>
    /// The places random directories and queries are made of unless given: every 40th ZIP code of DC, Maryland, Virginia
    /// and Delaware in <see cref="Gazetteer.Default"/> (so areas overlap a lot and radii cross state lines), three of
    /// Wyoming's, far from the rest, and the territories: San Juan (00901) and Mayaguez (00680) in Puerto Rico,
    /// St. Thomas (00802) and St. Croix (00820) in the Virgin Islands, Hagatna, Guam (96910), Saipan (96950) and
    /// American Samoa (96799).
    /// </summary>
    public static ImmutableArray<ZipCodeInfo> ReferralZips => DefaultReferralZips.Value;

    /// <summary>Random referral directories over <see cref="ReferralZips"/>; see <see cref="DirectoriesAround"/>.</summary>
    public static Gen<ReferralDirectory> Directories => DirectoriesAround(ReferralZips);

    /// <summary>Valid referral queries over <see cref="ReferralZips"/>; see <see cref="ReferralQueriesAround"/>.</summary>
    public static Gen<ReferralQuery> ReferralQueries => ReferralQueriesAround(ReferralZips);

    /// <summary>
    /// Random, valid referral directories of up to 60 services (one time in five up to 5) in organizations of one to three,
    /// over the places of <paramref name="zips"/>: one to three of five service types; areas nationwide or of states,
    /// counties, ZIP codes and radii (up to 150 km, sometimes up to 5,000) of the pool; populations with age bounds,
    /// genders, trafficking types and immigration statuses; languages; 24/7, office hours, an evening that runs past
    /// midnight or a random calendar; warm transfers; every capacity; up to two sites, half of them confidential; a
    /// 555-01xx phone; a verification date in 2023-2026. Ids are <c>o0</c>, <c>o1</c>... and <c>s0</c> or <c>s000</c>...,
    /// so id order and the order written differ. Names are fictional. Resolved against <see cref="Gazetteer.Default"/>.
    /// </summary>
    /// <param name="zips">The pool of places, ZIP codes of <see cref="Gazetteer.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zips"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zips"/> is empty.</exception>
    public static Gen<ReferralDirectory> DirectoriesAround(IEnumerable<ZipCodeInfo> zips) => new ReferralGenerators(zips, Gazetteer.Default).Directories;

    /// <summary>
    /// Valid referral queries over the places of <paramref name="zips"/>: one to three needs of the five types
    /// <see cref="DirectoriesAround"/> offers; a ZIP code, county or state of the pool or a point near one; a client who
    /// discloses some of age (exact or a range), gender, trafficking type and immigration status; perhaps a language;
    /// either urgency; an instant in 2025-2026; 1 to 15 matches; either capacity filter and either audience.
    /// </summary>
    /// <param name="zips">The pool of places, ZIP codes of <see cref="Gazetteer.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zips"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zips"/> is empty.</exception>
    public static Gen<ReferralQuery> ReferralQueriesAround(IEnumerable<ZipCodeInfo> zips) => new ReferralGenerators(zips, Gazetteer.Default).Queries;

    /// <summary>
    /// A directory of <see cref="DirectoriesAround"/> and a query of <see cref="ReferralQueriesAround"/> over the same places,
    /// for <c>Prop.ForAll</c>. Shrinks the directory (organizations, then services, then each service's sites, population,
    /// hours, languages, types and area), then the query (one need, nothing disclosed, no language, not urgent).
    /// </summary>
    /// <param name="zips">The pool of places, ZIP codes of <see cref="Gazetteer.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zips"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zips"/> is empty.</exception>
    public static Arbitrary<ReferralCase> ReferralCasesAround(IEnumerable<ZipCodeInfo> zips)
    {
        var generators = new ReferralGenerators(zips, Gazetteer.Default);
        var gen =
            from directory in generators.Directories
            from query in generators.Queries
            select new ReferralCase(directory, query);
        return Arb.From(gen, ShrinkReferralCase);
    }

    internal static Gen<LocalDate> AnchorDates { get; } =
        from year in Gen.Choose(1995, 2035)
        from dayOfYear in Gen.Frequency(
            (4, Gen.Choose(1, 365)),
            (1, Gen.Elements(1, 2, 59, 60, 364, 365)))
        select new LocalDate(year, 1, 1).PlusDays(dayOfYear - 1);

    // Within 90 minutes of a clock change of the zone up to 200 days either side of the anchor; a random minute of the
    // anchor's day in a zone that has none.
    private static Gen<CalendarInstant> NearClockChanges(DateTimeZone zone, LocalDate anchor)
    {
        var start = zone.AtLeniently(anchor.PlusDays(-200).AtMidnight()).ToInstant();
        var end = zone.AtLeniently(anchor.PlusDays(200).AtMidnight()).ToInstant();
        var changes = zone.GetZoneIntervals(start, end).Where(i => i.HasStart && i.Start > start).Select(i => i.Start).ToArray();
        if (changes.Length == 0)
        {
            var midnight = zone.AtLeniently(anchor.AtMidnight()).ToInstant();
            return Gen.Choose(0, (24 * 60) - 1).Select(m => new CalendarInstant(midnight + Duration.FromMinutes(m), Duration.Zero, "a random minute", zone));
        }

        return from change in Gen.Elements(changes)
               from minutes in Gen.Choose(-90, 90)
               select new CalendarInstant(change, Duration.FromMinutes(minutes), $"the clock change of {change.InZone(zone).Date:d MMM yyyy}", zone);
    }

    // The first instant of the year, or a minute or two either side.
    private static Gen<CalendarInstant> NearNewYear(DateTimeZone zone, int year) =>
        Gen.Elements(-2, -1, 0, 1, 2).Select(m =>
            new CalendarInstant(zone.AtLeniently(new LocalDate(year, 1, 1).AtMidnight()).ToInstant(), Duration.FromMinutes(m), $"the start of {year}", zone));

    /// <summary>The business time from <paramref name="t"/> to the next closing, at most 4,000 minutes; zero when there is none.</summary>
    private static Duration ToNextClosing(ServiceCalendar calendar, Instant t)
    {
        if (calendar.NextOpening(t) is null || calendar.NextClosing(t) is not { } close)
        {
            return Duration.Zero;
        }

        var amount = calendar.BusinessTimeBetween(t, close);
        return amount <= Duration.FromMinutes(4000) ? amount : Duration.Zero;
    }

    internal static IEnumerable<ReferralCase> ShrinkReferralCase(ReferralCase c)
    {
        foreach (var directory in ReferralGenerators.Shrink(c.Directory))
        {
            yield return new ReferralCase(directory, c.Query);
        }

        foreach (var query in ReferralGenerators.Shrink(c.Query))
        {
            yield return new ReferralCase(c.Directory, query);
        }
    }

    internal static IEnumerable<CalendarInstant> ShrinkInstant(CalendarInstant instant)
    {
        if (instant.Offset != Duration.Zero)
        {
            yield return new CalendarInstant(instant.Place, Duration.Zero, instant.PlaceName, instant.Zone);
        }
    }

    internal static Gen<CalendarDefinition> DefinitionsNear(LocalDate anchor) =>
        from zone in Zones
        from weekly in WeeklyHoursGen
        from holidayOffsets in Gen.ArrayOf(Gen.Choose(-20, 40), 6)
        from overrideOffsets in Gen.ArrayOf(Gen.Choose(-20, 40), 4)
        from overrideHours in Gen.ArrayOf(DayGen, 4)
        select new CalendarDefinition(
            zone,
            weekly,
            holidayOffsets.Select(o => anchor.PlusDays(o)),
            overrideOffsets.Zip(overrideHours)
                .GroupBy(p => anchor.PlusDays(p.First))
                .Select(g => g.First().Second.Length == 0 ? DateOverride.Closed(g.Key) : DateOverride.SpecialHours(g.Key, g.First().Second)));

    private static Gen<LocalTime> TimeGen { get; } =
        Gen.Frequency(
            (2, Gen.Elements(DangerousTimes)),
            (3, Gen.Choose(0, (24 * 60) - 1).Select(m => LocalTime.FromMinutesSinceMidnight(m))));

    private static Gen<OpenInterval> IntervalGen { get; } =
        from open in TimeGen
        from close in Gen.Frequency((1, Gen.Constant(open)), (6, TimeGen))
        select new OpenInterval(open, close);

    private static Gen<OpenInterval[]> DayGen { get; } =
        Gen.Frequency(
            (1, Gen.Constant(Array.Empty<OpenInterval>())),
            (4, from count in Gen.Choose(1, 3)
                from list in Gen.ArrayOf(IntervalGen, count)
                select list));

    private static Gen<WeeklyHours> WeeklyHoursGen { get; } =
        Gen.Frequency(
            (1, Gen.Constant(WeeklyHours.AlwaysOpen)),
            (2, Gen.Constant(WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-19:00")))),
            (6, Gen.ArrayOf(DayGen, 7).Select(days =>
            {
                var weekly = WeeklyHours.Closed;
                for (var i = 0; i < 7; i++)
                {
                    weekly = weekly.With((IsoDayOfWeek)(i + 1), days[i]);
                }

                return weekly;
            })));

    private static Gen<ResponseTarget> TargetGen { get; } =
        Gen.Frequency(
            (1, Gen.Constant(ResponseTarget.Immediate)),
            (2, Gen.Choose(1, 72 * 60).Select(m => ResponseTarget.Elapsed(Duration.FromMinutes(m)))),
            (2, Gen.Choose(1, 40 * 60).Select(m => ResponseTarget.BusinessTime(Duration.FromMinutes(m)))),
            (2, Gen.Choose(1, 5).Select(ResponseTarget.BusinessDays)));

    private static Gen<(ResponseTarget Target, ResponseTarget Due)> TargetAndDueGen { get; } =
        from target in TargetGen
        from sameKind in Gen.Elements(true, true, false)
        from extraMinutes in Gen.Choose(0, 24 * 60)
        from extraDays in Gen.Choose(0, 4)
        from other in TargetGen
        let longer = target.Kind switch
        {
            ResponseTargetKind.Immediate => target,
            ResponseTargetKind.Elapsed => ResponseTarget.Elapsed(Min(target.Amount + Duration.FromMinutes(extraMinutes))),
            ResponseTargetKind.BusinessTime => ResponseTarget.BusinessTime(Min(target.Amount + Duration.FromMinutes(extraMinutes))),
            _ => ResponseTarget.BusinessDays(target.Days + extraDays),
        }
        select (target, sameKind || other.Kind == target.Kind ? longer : other);

    private static Gen<ResponseRule[]> RulesFor(Urgency urgency) =>
        from groups in Gen.Choose(1, 3)
        from assignment in Gen.ArrayOf(Gen.Choose(0, groups - 1), 5)
        from targets in Gen.ArrayOf(TargetAndDueGen, 3)
        select Enum.GetValues<ContactChannel>()
            .Select((channel, i) => (Channel: channel, Group: assignment[i]))
            .GroupBy(p => p.Group)
            .OrderBy(g => g.Key)
            .Select(g => new ResponseRule(
                $"{(urgency == Urgency.Urgent ? "urgent" : "non-urgent")}-{g.Key + 1}",
                g.Select(p => p.Channel),
                urgency,
                targets[g.Key].Target,
                targets[g.Key].Due))
            .ToArray();

    private static Duration Min(Duration amount) => amount > ResponseTarget.MaximumDuration ? ResponseTarget.MaximumDuration : amount;

    private static Contact BuildContact(
        RequestKind kind, int number, Instant receivedAt, ContactChannel channel, CallerRole role, string language, bool anonymous, bool shares,
        ContactSignals signals, IList<ServiceType> needs, IList<TechnicalAssistanceKind> assistance, Consent[] consents)
    {
        var builder = new ContactBuilder(kind)
            .WithId($"generated-{number:0000}")
            .ReceivedAt(receivedAt)
            .Via(channel)
            .From(role)
            .InLanguage(LanguageTag.Parse(language))
            .WithSignals(signals)
            .WithReferralNeeds([.. needs.Select(n => (ReferralNeed)n)]);
        if (shares)
        {
            builder = builder.WithSyntheticPersonalData(number);
        }

        if (anonymous)
        {
            builder = builder.Anonymous();
        }

        if (kind == RequestKind.TrainingAndTechnicalAssistance)
        {
            builder = builder.WithTechnicalAssistance([.. assistance.Distinct()]);
        }

        foreach (var consent in consents)
        {
            builder = builder.WithConsent(consent);
        }

        return builder.Build();
    }

    private static SlaScenario BuildScenario(ResponsePolicy policy, Instant received, ContactChannel channel, Urgency urgency, int[] gaps, bool responded, int after)
    {
        var events = new List<SlaEvent> { new(SlaEventKind.Received, received) };
        var t = received;
        var running = true;

        // Gaps alternate running and paused time; an odd count leaves the clock paused.
        foreach (var gap in gaps)
        {
            t += Duration.FromMinutes(gap);
            events.Add(new SlaEvent(running ? SlaEventKind.Paused : SlaEventKind.Resumed, t));
            running = !running;
        }

        if (responded)
        {
            t += Duration.FromMinutes(after / 7);
            events.Add(new SlaEvent(SlaEventKind.Responded, t));
        }

        return new SlaScenario(policy, channel, urgency, events, t + Duration.FromMinutes(after));
    }

    private static IEnumerable<SlaScenario> ShrinkScenario(SlaScenario scenario)
    {
        var events = scenario.Events;
        if (events[^1].Kind == SlaEventKind.Responded)
        {
            yield return new SlaScenario(scenario.Policy, scenario.Channel, scenario.Urgency, events.RemoveAt(events.Length - 1), scenario.At);
        }

        // Drop the last pause with its resume (or a trailing open pause).
        var last = events.Length - 1;
        while (last > 0 && events[last].Kind == SlaEventKind.Responded)
        {
            last--;
        }

        if (last > 0 && events[last].Kind == SlaEventKind.Paused)
        {
            yield return new SlaScenario(scenario.Policy, scenario.Channel, scenario.Urgency, events.RemoveAt(last), scenario.At);
        }
        else if (last > 1 && events[last].Kind == SlaEventKind.Resumed)
        {
            yield return new SlaScenario(scenario.Policy, scenario.Channel, scenario.Urgency, events.RemoveRange(last - 1, 2), scenario.At);
        }
    }
}
