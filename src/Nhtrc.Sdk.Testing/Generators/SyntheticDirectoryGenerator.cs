using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// The generator behind <see cref="SyntheticDirectory"/>: writes the directory document, deterministically from the
/// options' seed, with <see cref="Random"/> drawn in a fixed order (the embedded sample depends on that order: a change
/// here changes the sample, which a test of the package compares byte for byte).
/// </summary>
internal sealed class SyntheticDirectoryGenerator
{
    private const int TaskForces = 40;
    private const int NationalOrganizations = 12;
    private const int TrainerShare = 3;       // percent of the rest
    private const int LawEnforcementShare = 7;
    private const int AgencyShare = 6;

    // Large metro counties: coalitions in the first 24; task forces in all of them, then elsewhere.
    private static readonly string[] MetroCounties =
    [
        "36061", "06037", "17031", "48201", "04013", "42101", "48029", "06073", "48113", "53033", "48453", "12086",
        "13121", "26163", "32003", "41051", "08031", "11001", "25025", "27053", "37119", "39049", "18097", "06075",
        "12057", "29510", "47037", "24510", "22071", "40109", "21111", "01073", "35001", "49035", "15003", "02020",
    ];

    private static readonly string[] Adjectives =
    [
        "Harbor", "Beacon", "Cedar", "Lantern", "Bridge", "Compass", "Haven", "Willow", "Summit", "River", "Open Door",
        "New Dawn", "Safe Passage", "Northstar", "Keystone", "Maple", "Horizon", "Anchor", "Pathway", "Lighthouse",
    ];

    private static readonly (string Noun, ServiceType[] Types, int Weight)[] ProviderProfiles =
    [
        ("Shelter", [ServiceType.EmergencyShelter, ServiceType.BasicNeeds, ServiceType.CaseManagement], 14),
        ("Housing Program", [ServiceType.Housing, ServiceType.CaseManagement], 8),
        ("Legal Aid", [ServiceType.LegalServices, ServiceType.ImmigrationLegalServices], 10),
        ("Immigrant Rights Center", [ServiceType.ImmigrationLegalServices, ServiceType.Interpretation, ServiceType.Repatriation], 5),
        ("Counseling Center", [ServiceType.MentalHealth, ServiceType.SubstanceUseTreatment], 9),
        ("Health Clinic", [ServiceType.MedicalCare, ServiceType.MentalHealth], 8),
        ("Survivor Advocacy Project", [ServiceType.VictimAdvocacy, ServiceType.CaseManagement, ServiceType.CrisisHotline], 14),
        ("Crisis Line", [ServiceType.CrisisHotline, ServiceType.VictimAdvocacy], 5),
        ("Community Services", [ServiceType.BasicNeeds, ServiceType.Transportation, ServiceType.EmploymentAndEducation], 10),
        ("Language Bank", [ServiceType.Interpretation], 3),
        ("Youth Services", [ServiceType.EmergencyShelter, ServiceType.CaseManagement, ServiceType.EmploymentAndEducation], 6),
        ("Recovery Center", [ServiceType.SubstanceUseTreatment, ServiceType.MentalHealth, ServiceType.Housing], 4),
        ("Workforce Center", [ServiceType.EmploymentAndEducation, ServiceType.Transportation], 4),
    ];

    private static readonly string[] ExtraLanguages = ["zh", "vi", "ko", "tl", "ar", "ru", "fr", "ht", "pt", "hi", "so", "ase"];

    private readonly Random _random;
    private readonly Gazetteer _gazetteer;
    private readonly List<OrganizationDocument> _organizations = [];
    private readonly Dictionary<UsState, ZipCodeInfo[]> _zipsByState;
    private readonly (UsState State, int Weight)[] _stateWeights;
    private readonly PopulationSpread? _population;
    private int _serviceCount;

    private SyntheticDirectoryGenerator(int seed, Gazetteer gazetteer, SyntheticDirectorySpread spread)
    {
        _random = new Random(seed);
        _gazetteer = gazetteer;
        _zipsByState = gazetteer.Zips.GroupBy(z => z.State).ToDictionary(g => g.Key, g => g.ToArray());
        // The territories' organizations are added last, by plan (Territories), so that the states' part of the sample
        // stays what it was before the territories joined the gazetteer.
        _stateWeights = [.. UsState.All.Where(s => !s.IsTerritory).Select(s => (s, _zipsByState.TryGetValue(s, out var z) ? z.Length : 0))];
        // By population, the draws come from the census table and ZIP density instead (the uniform ones are untouched,
        // so the sample keeps its bytes); the territories are drawn like the states and still get their plan.
        _population = spread == SyntheticDirectorySpread.ByPopulation ? PopulationSpread.For(gazetteer) : null;
    }

    /// <summary>The document for <paramref name="options"/> (checked by <see cref="SyntheticDirectory"/>).</summary>
    public static SyntheticDirectoryDocument Generate(SyntheticDirectoryOptions options)
    {
        var (organizations, services) = (options.Organizations, options.Services) switch
        {
            (null, null) => (SyntheticDirectory.SampleOrganizations, int.MaxValue),
            (null, { } s) => (int.MaxValue, s),
            ({ } o, null) => (o, int.MaxValue),
            ({ } o, { } s) => (o, s),
        };
        return new SyntheticDirectoryGenerator(options.Seed, options.Gazetteer, options.Spread).Run(organizations, services);
    }

    private SyntheticDirectoryDocument Run(int total, int maxServices)
    {
        var metros = MetroCounties.Select(f => _gazetteer.TryGetCounty(f, out var c) ? c : null).OfType<UsCounty>().ToArray();
        for (var i = 0; i < NationalOrganizations; i++)
        {
            National(i);
        }

        var coalitions = 0;
        foreach (var metro in metros.Take(24))
        {
            Coalition(metro, ++coalitions);
        }

        var taskForceCounties = metros.ToList();
        while (taskForceCounties.Count < TaskForces)
        {
            var county = RandomZip(RandomState()).County;
            if (!taskForceCounties.Contains(county))
            {
                taskForceCounties.Add(county);
            }
        }

        foreach (var county in taskForceCounties.Take(TaskForces))
        {
            TaskForce(county);
        }

        // Every state gets at least a handful of providers, the rest follow ZIP density.
        foreach (var state in UsState.All.Where(s => !s.IsTerritory))
        {
            for (var i = 0; i < 4; i++)
            {
                Provider(RandomZip(state));
            }
        }

        while (_organizations.Count < total && _serviceCount < maxServices)
        {
            var zip = RandomZip(RandomState());
            var roll = _random.Next(100);
            if (roll < LawEnforcementShare)
            {
                LawEnforcement(zip);
            }
            else if (roll < LawEnforcementShare + AgencyShare)
            {
                Agency(zip);
            }
            else if (roll < LawEnforcementShare + AgencyShare + TrainerShare)
            {
                Trainer(zip);
            }
            else
            {
                Provider(zip);
            }
        }

        Territories();
        return new SyntheticDirectoryDocument { FormatVersion = 1, Organizations = [.. _organizations] };
    }

    /// <summary>
    /// The territories, by plan rather than by ZIP density (by density Puerto Rico would get about 15 organizations and
    /// American Samoa none): in each a territory-wide service and local ones, Spanish first in Puerto Rico. Skipped
    /// for a gazetteer without them.
    /// </summary>
    private void Territories()
    {
        if (!_zipsByState.ContainsKey(UsState.GetByCode("PR")))
        {
            return;
        }

        // Puerto Rico: a coalition for the whole island, a task force in San Juan, providers in six municipios; every
        // service speaks Spanish, first.
        var firstOfPuertoRico = _organizations.Count;
        var sanJuan = _gazetteer.GetZip("00907");
        var coalition = Org("Coalición Puertorriqueña Contra la Trata", OrganizationKind.Coalition);
        Service(coalition, "Coordinación y adiestramientos", [ServiceType.Coalition, ServiceType.TrainingAndTechnicalAssistance, ServiceType.PublicAwarenessMaterials],
            new AreaDocument { States = ["PR"] }, sanJuan);
        var line = Org("Línea de Ayuda Isla Segura de Puerto Rico", OrganizationKind.ServiceProvider);
        var lineService = Service(line, "Línea de crisis 24 horas", [ServiceType.CrisisHotline, ServiceType.VictimAdvocacy], new AreaDocument { States = ["PR"] }, sanJuan);
        lineService.Availability = AlwaysOpen();
        lineService.AcceptsWarmTransfers = true;
        TaskForce(sanJuan.County);
        foreach (var zip in new[] { "00918", "00717", "00680", "00961", "00725", "00612" })
        {
            var at = _gazetteer.GetZip(zip);
            Provider(at);
            var legal = Org($"Servicios Legales Faro de {at.County.Name}", OrganizationKind.ServiceProvider);
            Service(legal, "Representación legal", [ServiceType.LegalServices, ServiceType.ImmigrationLegalServices], new AreaDocument { Counties = [at.County.Fips] }, at);
        }

        var shelter = Org("Hogar Refugio del Este", OrganizationKind.ServiceProvider);
        var shelterService = Service(shelter, "Albergue de emergencia", [ServiceType.EmergencyShelter, ServiceType.BasicNeeds, ServiceType.CaseManagement],
            Counties(_gazetteer.GetCounty("72031"), 4), _gazetteer.GetZip("00983"));
        shelterService.Availability = AlwaysOpen();
        shelterService.Locations![0]!.Confidential = true;
        Agency(_gazetteer.GetZip("00731"));
        foreach (var service in _organizations.Skip(firstOfPuertoRico).SelectMany(o => o.Services!))
        {
            Spanish(service!);
        }

        // The U.S. Virgin Islands: St. Thomas, St. Croix and St. John.
        var stThomas = _gazetteer.GetZip("00802");
        var islands = Org("Virgin Islands Survivor Alliance", OrganizationKind.ServiceProvider);
        var hotline = Service(islands, "24-hour crisis line", [ServiceType.CrisisHotline, ServiceType.VictimAdvocacy], new AreaDocument { States = ["VI"] }, stThomas);
        hotline.Availability = AlwaysOpen();
        hotline.Languages = ["en", "es"];
        Provider(stThomas);
        Provider(_gazetteer.GetZip("00820"));
        LawEnforcement(_gazetteer.GetZip("00830"));

        // Guam and the Northern Mariana Islands, across the antimeridian from Hawaii.
        var hagatna = _gazetteer.GetZip("96910");
        var guam = Org("Guam Island Safe Harbor Network", OrganizationKind.ServiceProvider);
        Service(guam, "Survivor advocacy", [ServiceType.VictimAdvocacy, ServiceType.CaseManagement], new AreaDocument { States = ["GU"] }, hagatna).Languages = ["en", "ch", "tl"];
        Provider(_gazetteer.GetZip("96913"));
        TaskForce(hagatna.County);
        var saipan = _gazetteer.GetZip("96950");
        var marianas = Org("Marianas Lantern Project", OrganizationKind.ServiceProvider);
        Service(marianas, "Survivor advocacy", [ServiceType.VictimAdvocacy, ServiceType.CaseManagement, ServiceType.Interpretation], new AreaDocument { States = ["MP"] }, saipan).Languages = ["en", "ch", "zh", "tl"];
        Provider(saipan);

        // American Samoa: one ZIP code for the whole territory; a service for Tutuila and one for the Manu'a islands.
        var pagoPago = _gazetteer.GetZip("96799");
        var samoa = Org("American Samoa Beacon Family Services", OrganizationKind.ServiceProvider);
        Service(samoa, "Survivor advocacy", [ServiceType.VictimAdvocacy, ServiceType.CaseManagement], new AreaDocument { States = ["AS"] }, pagoPago).Languages = ["sm", "en"];
        var clinic = Service(samoa, "Medical care", [ServiceType.MedicalCare, ServiceType.MentalHealth], new AreaDocument { Counties = ["60010", "60050"] }, pagoPago);
        clinic.Languages = ["sm", "en"];
        var manua = Service(samoa, "Manu'a outreach", [ServiceType.CaseManagement, ServiceType.BasicNeeds], new AreaDocument { Counties = ["60020"] }, pagoPago);
        manua.Languages = ["sm", "en"];
    }

    // Puerto Rico's services speak Spanish first.
    private static ServiceDocument Spanish(ServiceDocument service)
    {
        service.Languages = ["es", .. (service.Languages ?? []).Where(l => l != "es")];
        return service;
    }

    private void National(int i)
    {
        string[] names = ["National Survivor Network", "National Immigrant Justice Line", "National Runaway Safeline", "National Labor Rights Line",
            "National Trauma Counseling Line", "National Legal Clinic for Survivors", "National Interpretation Service", "National Training Institute",
            "National Awareness Campaign", "National Repatriation Assistance", "National Youth Crisis Line", "National Housing Network"];
        ServiceType[][] types = [[ServiceType.CrisisHotline, ServiceType.VictimAdvocacy], [ServiceType.ImmigrationLegalServices], [ServiceType.CrisisHotline],
            [ServiceType.LegalServices, ServiceType.VictimAdvocacy], [ServiceType.MentalHealth, ServiceType.CrisisHotline], [ServiceType.LegalServices],
            [ServiceType.Interpretation], [ServiceType.TrainingAndTechnicalAssistance, ServiceType.SpeakersAndTrainers], [ServiceType.PublicAwarenessMaterials],
            [ServiceType.Repatriation], [ServiceType.CrisisHotline, ServiceType.EmergencyShelter], [ServiceType.Housing]];
        var zip = RandomZip(UsState.GetByCode("DC"));
        var org = Org(names[i], OrganizationKind.ServiceProvider);
        var service = Service(org, names[i], types[i], new AreaDocument { National = true }, zip);
        service.Availability = i is 0 or 2 or 4 or 10 ? AlwaysOpen() : service.Availability;
        service.Languages = ["en", "es", .. ExtraLanguages.Take(4 + (i % 5))];
    }

    private void Coalition(UsCounty metro, int n)
    {
        var org = Org($"{metro.Name} Coalition Against Trafficking", OrganizationKind.Coalition);
        var zip = ZipIn(metro);
        Service(org, "Coalition membership and coordination", [ServiceType.Coalition, ServiceType.TrainingAndTechnicalAssistance, ServiceType.PublicAwarenessMaterials],
            Counties(metro, 2 + (n % 3)), zip);
    }

    private void TaskForce(UsCounty county)
    {
        var zip = ZipIn(county);
        var police = LawEnforcement(zip);
        var provider = Provider(zip);
        var org = Org($"{county.Name} Regional Anti-Trafficking Task Force", OrganizationKind.TaskForce);
        org.CoLeads = [police.Id, provider.Id];
        Service(org, "Task force referrals and case coordination", [ServiceType.TaskForce, ServiceType.LawEnforcement, ServiceType.VictimAdvocacy],
            Counties(county, 3), zip);
    }

    private OrganizationDocument LawEnforcement(ZipCodeInfo zip)
    {
        // The territories have no counties with sheriffs: their police serve the whole territory.
        var sheriff = _random.Next(2) == 0 && !zip.State.IsTerritory;
        var org = Org(sheriff ? $"{zip.County.Name} County Sheriff's Office" : $"{zip.PlaceName} Police Department", OrganizationKind.LawEnforcement);
        var service = Service(org, "Human trafficking investigations unit", [ServiceType.LawEnforcement],
            sheriff ? new AreaDocument { Counties = [zip.County.Fips] }
            : zip.State.IsTerritory ? new AreaDocument { States = [zip.State.Code] }
            : new AreaDocument { Zips = NearbyZips(zip, 4) }, zip);
        service.Availability = AlwaysOpen();
        service.AcceptsWarmTransfers = true;
        return org;
    }

    private void Agency(ZipCodeInfo zip)
    {
        var org = Org($"{zip.State.Name} Child and Family Services, {zip.County.Name} office", OrganizationKind.GovernmentAgency);
        var service = Service(org, "Child protective services intake", [ServiceType.ChildWelfare], new AreaDocument { Counties = [zip.County.Fips] }, zip);
        service.Population = new PopulationDocument { MaxAge = 17 };
        service.Availability = AlwaysOpen();
    }

    private void Trainer(ZipCodeInfo zip)
    {
        var org = Org($"{Pick(Adjectives)} Training Collaborative of {zip.State.Name}", OrganizationKind.TrainerOrSpeaker);
        Service(org, "Trainings and speakers", [ServiceType.TrainingAndTechnicalAssistance, ServiceType.SpeakersAndTrainers, ServiceType.PublicAwarenessMaterials],
            new AreaDocument { States = [zip.State.Code] }, zip);
    }

    private OrganizationDocument Provider(ZipCodeInfo zip)
    {
        var profile = PickWeighted(ProviderProfiles, p => p.Weight);
        var org = Org($"{Pick(Adjectives)} {profile.Noun} of {zip.PlaceName}", OrganizationKind.ServiceProvider);
        var count = 1 + _random.Next(_random.Next(4) == 0 ? 3 : 2);
        var types = profile.Types.ToList();
        for (var i = 0; i < count && types.Count > 0; i++)
        {
            // The first service takes the profile's main type; later ones take one or two of the rest.
            var take = i == 0 ? 1 + _random.Next(Math.Min(2, types.Count)) : 1;
            var chosen = types.Take(take).ToArray();
            types.RemoveRange(0, chosen.Length);
            var service = Service(org, Label(chosen[0]), chosen, ProviderArea(zip), zip);
            if (chosen.Contains(ServiceType.EmergencyShelter) || chosen.Contains(ServiceType.CrisisHotline))
            {
                service.Availability = AlwaysOpen();
                foreach (var location in service.Locations ?? [])
                {
                    location!.Confidential = chosen.Contains(ServiceType.EmergencyShelter);
                }
            }
        }

        return org;
    }

    private AreaDocument ProviderArea(ZipCodeInfo zip)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 45 => new AreaDocument { Counties = [zip.County.Fips] },
            < 60 => Counties(zip.County, 2 + _random.Next(4)),
            < 72 => new AreaDocument { States = [zip.State.Code] },
            < 82 => new AreaDocument { Zips = NearbyZips(zip, 3 + _random.Next(10)) },
            _ => new AreaDocument { Radii = [new RadiusDocument { Latitude = zip.Location.Latitude, Longitude = zip.Location.Longitude, Kilometers = 15 + _random.Next(12) * 10 }] },
        };
    }

    private ServiceDocument Service(OrganizationDocument org, string name, ServiceType[] types, AreaDocument area, ZipCodeInfo zip)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"svc-{++_serviceCount:D6}");
        var phone = string.Create(CultureInfo.InvariantCulture, $"+1-{200 + _random.Next(780)}-555-01{_random.Next(100):D2}");
        var point = Jitter(zip);
        var service = new ServiceDocument
        {
            Id = id,
            Name = name,
            Types = [.. types.Select(WireNames.Of)],
            Area = area,
            Population = Population(types),
            Languages = Languages(),
            Availability = _random.Next(10) == 0 ? AlwaysOpen() : BusinessHours(zip.State),
            AcceptsWarmTransfers = _random.Next(100) < 40,
            Capacity = _random.Next(100) switch { < 75 => "accepting", < 90 => "waitlist", _ => "full" },
            Locations =
            [
                new ServiceLocationDocument
                {
                    Name = "Main office",
                    Address = string.Create(CultureInfo.InvariantCulture, $"{100 + _random.Next(9000)} {Pick(Adjectives)} Street (fictional)"),
                    City = zip.PlaceName,
                    State = zip.State.Code,
                    Zip = zip.Zip,
                    Latitude = point.Latitude,
                    Longitude = point.Longitude,
                },
            ],
            Contacts =
            [
                new ServiceContactDocument { Channel = "phone", Value = phone },
                new ServiceContactDocument { Channel = "email", Value = $"intake@{Slug(org.Name!)}.example.org" },
            ],
            LastVerified = new DateOnly(2024, 1, 1).AddDays(_random.Next(900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        org.Services!.Add(service);
        // Drawn by population, Puerto Rico's providers are local ones too, and speak Spanish first as the plan's do.
        return _population is not null && zip.State.Code == "PR" ? Spanish(service) : service;
    }

    private PopulationDocument? Population(ServiceType[] types)
    {
        var p = new PopulationDocument();
        switch (_random.Next(100))
        {
            case < 20: p.MinAge = 18; break;
            case < 28: p.MaxAge = 17; break;
            case < 34: (p.MinAge, p.MaxAge) = (12, 24); break;
            default: break;
        }

        switch (_random.Next(100))
        {
            case < 25: p.Genders = ["female"]; break;
            case < 30: p.Genders = ["male"]; break;
            case < 33: p.Genders = ["female", "nonBinary"]; break;
            default: break;
        }

        switch (_random.Next(100))
        {
            case < 15: p.TraffickingTypes = ["sex"]; break;
            case < 22: p.TraffickingTypes = ["labor"]; break;
            default: break;
        }

        if (types.Contains(ServiceType.ImmigrationLegalServices) || types.Contains(ServiceType.Repatriation))
        {
            p.ImmigrationStatuses = ["foreignNational"];
        }

        return p.MinAge is null && p.MaxAge is null && p.Genders is null && p.TraffickingTypes is null && p.ImmigrationStatuses is null ? null : p;
    }

    private List<string?> Languages()
    {
        List<string?> languages = ["en"];
        if (_random.Next(100) < 45)
        {
            languages.Add("es");
        }

        if (_random.Next(100) < 20)
        {
            languages.Add(Pick(ExtraLanguages));
        }

        return languages;
    }

    private AvailabilityDocument BusinessHours(UsState state)
    {
        var open = _random.Next(3) switch { 0 => "08:00", 1 => "09:00", _ => "08:30" };
        var close = _random.Next(3) switch { 0 => "17:00", 1 => "18:00", _ => "20:00" };
        var day = new List<string?> { $"{open}-{close}" };
        var hours = new Dictionary<string, List<string?>?>
        {
            ["monday"] = day, ["tuesday"] = day, ["wednesday"] = day, ["thursday"] = day, ["friday"] = day,
        };
        if (_random.Next(4) == 0)
        {
            hours["saturday"] = ["10:00-14:00"];
        }

        // No id: the reader derives one from the definition, so identical calendars share it.
        return new AvailabilityDocument
        {
            Calendar = new CalendarDocument
            {
                TimeZone = state.DefaultTimeZone.Id,
                WeeklyHours = hours,
                HolidayCalendars = _random.Next(5) != 0 ? [HolidayCalendar.UsFederal.Id] : null,
            },
        };
    }

    private static AvailabilityDocument AlwaysOpen() => new() { AlwaysOpen = true };

    private OrganizationDocument Org(string name, OrganizationKind kind)
    {
        var org = new OrganizationDocument
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"org-{_organizations.Count + 1:D5}"),
            Name = $"{name} (fictional)",
            Kind = WireNames.Of(kind),
            Website = $"https://{Slug(name)}.example.org",
            Services = [],
        };
        _organizations.Add(org);
        return org;
    }

    private AreaDocument Counties(UsCounty center, int count) => new()
    {
        Counties = [.. _gazetteer.CountiesIn(center.State).OrderBy(c => GreatCircle.DistanceKilometers(c.Centroid, center.Centroid)).ThenBy(c => c.Fips, StringComparer.Ordinal).Take(count).Select(c => c.Fips)],
    };

    private List<string?> NearbyZips(ZipCodeInfo zip, int count) => [.. _gazetteer.NearestZips(zip.Location, count).Select(n => n.Zip.Zip)];

    private ZipCodeInfo ZipIn(UsCounty county)
    {
        var zips = _zipsByState[county.State].Where(z => z.County.Fips == county.Fips).ToArray();
        return zips[_random.Next(zips.Length)];
    }

    private ZipCodeInfo RandomZip(UsState state)
    {
        if (_population is not null)
        {
            return _population.Zip(state, _random);
        }

        var zips = _zipsByState[state];
        return zips[_random.Next(zips.Length)];
    }

    private UsState RandomState() => _population?.State(_random) ?? PickWeighted(_stateWeights, s => s.Weight).State;

    private GeoPointLike Jitter(ZipCodeInfo zip) => new(
        Math.Round(Math.Clamp(zip.Location.Latitude + ((_random.NextDouble() - 0.5) * 0.02), -90, 90), 5),
        Math.Round(Math.Clamp(zip.Location.Longitude + ((_random.NextDouble() - 0.5) * 0.02), -180, 180), 5));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private T PickWeighted<T>(T[] items, Func<T, int> weight)
    {
        var roll = _random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static string Label(ServiceType type) => type switch
    {
        ServiceType.EmergencyShelter => "Emergency shelter",
        ServiceType.Housing => "Transitional housing",
        ServiceType.CaseManagement => "Case management",
        ServiceType.LegalServices => "Legal representation",
        ServiceType.ImmigrationLegalServices => "Immigration legal services",
        ServiceType.MentalHealth => "Trauma-informed counseling",
        ServiceType.MedicalCare => "Medical care",
        ServiceType.SubstanceUseTreatment => "Substance use treatment",
        ServiceType.Transportation => "Transportation assistance",
        ServiceType.BasicNeeds => "Food, clothing and hygiene",
        ServiceType.Interpretation => "Interpretation",
        ServiceType.EmploymentAndEducation => "Job training and education",
        ServiceType.VictimAdvocacy => "Survivor advocacy",
        ServiceType.CrisisHotline => "24-hour crisis line",
        _ => WireNames.Of(type),
    };

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray();
        return string.Join('-', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace("fictional", "", StringComparison.Ordinal).TrimEnd('-');
    }

    private readonly record struct GeoPointLike(double Latitude, double Longitude);
}
