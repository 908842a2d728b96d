using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Builds a referral <see cref="Service"/> fluently: what it offers, where (nationwide, states, counties, ZIP codes,
/// radii), its locations (confidential or not), languages, the population it serves, its hours, warm transfers,
/// capacity and verification date. By default it offers nothing and covers nothing (a directory refuses it until
/// both are given), serves everyone, is open 24/7, takes new clients, takes no warm transfers, has no locations or
/// contacts and was verified on <see cref="DefaultVerified"/>. Places are ZIP codes, county FIPS codes and state codes
/// resolved against a <see cref="Gazetteer"/>. Immutable: every method returns a new builder.
/// </summary>
public sealed class ReferralServiceBuilder
{
    private readonly State state;

    /// <summary>Starts a service resolving places against <see cref="Gazetteer.Default"/>.</summary>
    /// <param name="id">The service's id, unique in the directory (1 to 64 ASCII letters, digits, '.', '_' or '-').</param>
    /// <param name="name">The service's name, such as <c>Emergency shelter</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is null or blank.</exception>
    public ReferralServiceBuilder(string id, string name)
        : this(id, name, Gazetteer.Default)
    {
    }

    /// <summary>Starts a service resolving places against <paramref name="gazetteer"/>.</summary>
    /// <param name="id">The service's id, unique in the directory.</param>
    /// <param name="name">The service's name.</param>
    /// <param name="gazetteer">Resolves ZIP codes and counties.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="name"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="gazetteer"/> is null.</exception>
    public ReferralServiceBuilder(string id, string name, Gazetteer gazetteer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(gazetteer);
        state = new State(id, name, gazetteer);
    }

    private ReferralServiceBuilder(State state) => this.state = state;

    /// <summary>The verification date of a service unless <see cref="VerifiedOn"/> says otherwise: 2026-01-15.</summary>
    public static LocalDate DefaultVerified { get; } = new(2026, 1, 15);

    /// <summary>The service's id.</summary>
    public string Id => state.Id;

    /// <summary>Offers <paramref name="types"/> as well as those already given; a type given twice is kept once.</summary>
    /// <param name="types">The service types.</param>
    public ReferralServiceBuilder Offering(params ReadOnlySpan<ServiceType> types) => new(state with { Types = AddDistinct(state.Types, types) });

    /// <summary>Offered in the whole country; the states, counties, ZIP codes and radii given then add nothing.</summary>
    public ReferralServiceBuilder Nationwide() => new(state with { National = true });

    /// <summary>Offered in the whole of each state, by its two-letter code (<c>CA</c>, <c>DC</c>).</summary>
    /// <param name="stateCodes">The states' codes.</param>
    /// <exception cref="NhtrcValidationException">A code is not a state's; every one is listed.</exception>
    public ReferralServiceBuilder InStates(params ReadOnlySpan<string> stateCodes) =>
        new(state with { States = AddDistinct(state.States, Resolve<UsState>(stateCodes, "area.states", StateByCode)) });

    /// <summary>Offered in the whole of each county, by its five-digit FIPS code (<c>36061</c> for New York County).</summary>
    /// <param name="countyFips">The counties' FIPS codes.</param>
    /// <exception cref="NhtrcValidationException">A code is not a county of the gazetteer; every one is listed.</exception>
    public ReferralServiceBuilder InCounties(params ReadOnlySpan<string> countyFips) =>
        new(state with { Counties = AddDistinct(state.Counties, Resolve<UsCounty>(countyFips, "area.counties", CountyByFips)) });

    /// <summary>Offered in each ZIP code (<c>10001</c>).</summary>
    /// <param name="zips">The five-digit ZIP codes.</param>
    /// <exception cref="NhtrcValidationException">A code is not a ZIP code of the gazetteer; every one is listed.</exception>
    public ReferralServiceBuilder InZips(params ReadOnlySpan<string> zips) =>
        new(state with { Zips = AddDistinct(state.Zips, Resolve<ZipCodeInfo>(zips, "area.zips", ZipByCode)) });

    /// <summary>Offered within <paramref name="kilometers"/> of <paramref name="center"/>.</summary>
    /// <param name="kilometers">The radius, above 0 and at most <see cref="RadiusArea.MaximumKilometers"/>.</param>
    /// <param name="center">The centre.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilometers"/> is out of range.</exception>
    public ReferralServiceBuilder WithinKilometersOf(double kilometers, GeoPoint center) =>
        new(state with { Radii = state.Radii.Add(new RadiusArea(center, kilometers)) });

    /// <summary>Offered within <paramref name="kilometers"/> of the centre of ZIP code <paramref name="zip"/>.</summary>
    /// <param name="kilometers">The radius, above 0 and at most <see cref="RadiusArea.MaximumKilometers"/>.</param>
    /// <param name="zip">The ZIP code whose centre is the centre.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilometers"/> is out of range.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="zip"/> is not a ZIP code of the gazetteer.</exception>
    public ReferralServiceBuilder WithinKilometersOfZip(double kilometers, string zip) =>
        WithinKilometersOf(kilometers, Resolve<ZipCodeInfo>([zip], "area.radii", ZipByCode)[0].Location);

    /// <summary>Delivered at the centre of ZIP code <paramref name="zip"/>, in its place name and state; shown to the public.</summary>
    /// <param name="zip">The ZIP code.</param>
    /// <param name="streetAddress">The street address (make it fictional, such as <c>17 Fictional Avenue</c>); none when null.</param>
    /// <exception cref="NhtrcValidationException"><paramref name="zip"/> is not a ZIP code of the gazetteer.</exception>
    public ReferralServiceBuilder AtZip(string zip, string? streetAddress = null) => WithLocation(zip, streetAddress, confidential: false);

    /// <summary>
    /// Delivered at a confidential site (a shelter) at the centre of ZIP code <paramref name="zip"/>: the street address, ZIP
    /// code and point never reach public results, and distances are computed from the centre of the point's grid cell.
    /// </summary>
    /// <param name="zip">The ZIP code.</param>
    /// <param name="streetAddress">The street address kept confidential (make it fictional); none when null.</param>
    /// <exception cref="NhtrcValidationException"><paramref name="zip"/> is not a ZIP code of the gazetteer.</exception>
    public ReferralServiceBuilder ConfidentialAtZip(string zip, string? streetAddress = null) => WithLocation(zip, streetAddress, confidential: true);

    /// <summary>Delivered at <paramref name="point"/>, in <paramref name="city"/>, <paramref name="stateCode"/>, with no ZIP code.</summary>
    /// <param name="point">The coordinates.</param>
    /// <param name="city">The city or place name.</param>
    /// <param name="stateCode">The state's two-letter code.</param>
    /// <param name="confidential">True for a site whose address and point must not be shown to the public.</param>
    /// <exception cref="ArgumentException"><paramref name="city"/> is null or blank.</exception>
    /// <exception cref="NhtrcValidationException"><paramref name="stateCode"/> is not a state's code.</exception>
    public ReferralServiceBuilder AtPoint(GeoPoint point, string city, string stateCode, bool confidential = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(city);
        var location = new ServiceLocation
        {
            Name = SiteName(),
            City = city,
            State = Resolve<UsState>([stateCode], "locations.state", StateByCode)[0],
            Point = point,
            IsConfidential = confidential,
        };
        return new(state with { Locations = state.Locations.Add(location) });
    }

    /// <summary>Delivered in <paramref name="languageTags"/> (BCP 47, such as <c>en</c>, <c>es-MX</c>) as well as those already given.</summary>
    /// <param name="languageTags">The language tags.</param>
    /// <exception cref="NhtrcValidationException">A tag does not parse; every one is listed.</exception>
    public ReferralServiceBuilder InLanguages(params ReadOnlySpan<string> languageTags) =>
        new(state with { Languages = AddDistinct(state.Languages, Resolve<LanguageTag>(languageTags, "languages", ParseLanguage)) });

    /// <summary>For clients aged <paramref name="minAge"/> to <paramref name="maxAge"/> (inclusive; null for no bound).</summary>
    /// <param name="minAge">The youngest age served.</param>
    /// <param name="maxAge">The oldest age served.</param>
    public ReferralServiceBuilder ForAges(int? minAge, int? maxAge) => new(state with { MinAge = minAge, MaxAge = maxAge });

    /// <summary>For clients of <paramref name="genders"/> only (none given serves every gender).</summary>
    /// <param name="genders">The genders served.</param>
    public ReferralServiceBuilder ForGenders(params ReadOnlySpan<Gender> genders) => new(state with { Genders = AddDistinct(state.Genders, genders) });

    /// <summary>For survivors of <paramref name="types"/> only, <see cref="TraffickingType.Sex"/> or <see cref="TraffickingType.Labor"/>.</summary>
    /// <param name="types">The forms of trafficking served.</param>
    public ReferralServiceBuilder ForTraffickingTypes(params ReadOnlySpan<TraffickingType> types) =>
        new(state with { TraffickingTypes = AddDistinct(state.TraffickingTypes, types) });

    /// <summary>For clients of <paramref name="statuses"/> only.</summary>
    /// <param name="statuses">The immigration statuses served.</param>
    public ReferralServiceBuilder ForImmigrationStatuses(params ReadOnlySpan<ImmigrationStatus> statuses) =>
        new(state with { Statuses = AddDistinct(state.Statuses, statuses) });

    /// <summary>Open 24 hours a day, 7 days a week (the default).</summary>
    public ReferralServiceBuilder AlwaysOpen() => new(state with { Availability = ServiceAvailability.AlwaysOpen });

    /// <summary>Open during the hours of <paramref name="calendar"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public ReferralServiceBuilder OpenDuring(ServiceCalendar calendar) => new(state with { Availability = ServiceAvailability.By(calendar) });

    /// <summary>Open during the hours of the calendar <paramref name="calendar"/> builds.</summary>
    /// <param name="calendar">The calendar's builder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The calendar is invalid.</exception>
    public ReferralServiceBuilder OpenDuring(ServiceCalendarBuilder calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return OpenDuring(calendar.Build());
    }

    /// <summary>Whether the hotline can conference a caller straight in; true when called without an argument.</summary>
    /// <param name="accepts">True when it accepts warm transfers.</param>
    public ReferralServiceBuilder AcceptingWarmTransfers(bool accepts = true) => new(state with { WarmTransfers = accepts });

    /// <summary>Whether it takes new clients.</summary>
    /// <param name="capacity">The capacity.</param>
    public ReferralServiceBuilder WithCapacity(Capacity capacity) => new(state with { Capacity = capacity });

    /// <summary>Last verified by the hotline on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    public ReferralServiceBuilder VerifiedOn(LocalDate date) => new(state with { Verified = date });

    /// <summary>Reached by <paramref name="channel"/> at <paramref name="value"/> (fictional: <c>+1-202-555-0142</c>, <c>https://example.org/chat</c>).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="value">The number, address or link.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or blank.</exception>
    public ReferralServiceBuilder WithContact(ContactChannel channel, string value) =>
        new(state with { Contacts = state.Contacts.Add(new ServiceContact(channel, value)) });

    /// <summary>Builds the service; the directory it goes into checks it (<see cref="ReferralDirectory.Create"/>).</summary>
    public Service Build() => new()
    {
        Id = state.Id,
        Name = state.Name,
        Types = state.Types,
        Area = new ServiceArea { IsNational = state.National, States = state.States, Counties = state.Counties, Zips = state.Zips, Radii = state.Radii },
        Population = state.MinAge is null && state.MaxAge is null && state.Genders.IsEmpty && state.TraffickingTypes.IsEmpty && state.Statuses.IsEmpty
            ? PopulationServed.Everyone
            : new PopulationServed
            {
                MinAge = state.MinAge,
                MaxAge = state.MaxAge,
                Genders = state.Genders,
                TraffickingTypes = state.TraffickingTypes,
                ImmigrationStatuses = state.Statuses,
            },
        Languages = state.Languages,
        Availability = state.Availability,
        AcceptsWarmTransfers = state.WarmTransfers,
        Capacity = state.Capacity,
        Locations = state.Locations,
        Contacts = state.Contacts,
        LastVerified = state.Verified,
    };

    /// <summary>Returns the id and name.</summary>
    public override string ToString() => $"{state.Id} {state.Name}";

    private ReferralServiceBuilder WithLocation(string zip, string? streetAddress, bool confidential)
    {
        var info = Resolve<ZipCodeInfo>([zip], "locations.zip", ZipByCode)[0];
        var location = new ServiceLocation
        {
            Name = SiteName(),
            StreetAddress = streetAddress,
            City = info.PlaceName,
            State = info.State,
            Zip = info,
            Point = info.Location,
            IsConfidential = confidential,
        };
        return new(state with { Locations = state.Locations.Add(location) });
    }

    private string SiteName() => $"Site {state.Locations.Length + 1}";

    private static ImmutableArray<T> AddDistinct<T>(ImmutableArray<T> existing, ReadOnlySpan<T> more)
    {
        var list = existing.ToBuilder();
        foreach (var item in more)
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }

        return list.ToImmutable();
    }

    private delegate bool Lookup<T>(Gazetteer gazetteer, string text, out T? value);

    private T[] Resolve<T>(ReadOnlySpan<string> texts, string path, Lookup<T> lookup)
    {
        var values = new T[texts.Length];
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is { } text && lookup(state.Gazetteer, text, out var value) && value is not null)
            {
                values[i] = value;
            }
            else
            {
                problems.Add(new ValidationProblem($"services[{state.Id}].{path}[{i}]", $"'{texts[i]}' is not {What(path)}."));
            }
        }

        return problems.Count == 0 ? values : throw new NhtrcValidationException("referral service builder", problems);
    }

    private static string What(string path) => path switch
    {
        "area.states" or "locations.state" => "the two-letter code of a US state or DC",
        "area.counties" => "the FIPS code of a county in the gazetteer",
        "languages" => "a BCP 47 language tag such as en or es-MX",
        _ => "a ZIP code in the gazetteer",
    };

    private static bool StateByCode(Gazetteer gazetteer, string code, out UsState? value) => UsState.TryGetByCode(code, out value);

    private static bool CountyByFips(Gazetteer gazetteer, string fips, out UsCounty? value) => gazetteer.TryGetCounty(fips, out value);

    private static bool ZipByCode(Gazetteer gazetteer, string zip, out ZipCodeInfo? value) => gazetteer.TryGetZip(zip, out value);

    private static bool ParseLanguage(Gazetteer gazetteer, string tag, out LanguageTag? value) => LanguageTag.TryParse(tag, out value);

    private sealed record State(string Id, string Name, Gazetteer Gazetteer)
    {
        public ImmutableArray<ServiceType> Types { get; init; } = [];

        public bool National { get; init; }

        public ImmutableArray<UsState> States { get; init; } = [];

        public ImmutableArray<UsCounty> Counties { get; init; } = [];

        public ImmutableArray<ZipCodeInfo> Zips { get; init; } = [];

        public ImmutableArray<RadiusArea> Radii { get; init; } = [];

        public ImmutableArray<ServiceLocation> Locations { get; init; } = [];

        public ImmutableArray<LanguageTag> Languages { get; init; } = [];

        public int? MinAge { get; init; }

        public int? MaxAge { get; init; }

        public ImmutableArray<Gender> Genders { get; init; } = [];

        public ImmutableArray<TraffickingType> TraffickingTypes { get; init; } = [];

        public ImmutableArray<ImmigrationStatus> Statuses { get; init; } = [];

        public ServiceAvailability Availability { get; init; } = ServiceAvailability.AlwaysOpen;

        public bool WarmTransfers { get; init; }

        public Capacity Capacity { get; init; } = Capacity.Accepting;

        public ImmutableArray<ServiceContact> Contacts { get; init; } = [];

        public LocalDate Verified { get; init; } = DefaultVerified;
    }
}
