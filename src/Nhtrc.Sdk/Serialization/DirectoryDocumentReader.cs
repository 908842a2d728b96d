using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Serialization;

/// <summary>
/// Reads a referral directory document (docs/referrals.md) from UTF-8 straight into the model, token by
/// token, collecting every problem with its JSON path: unknown properties, properties given twice, values of
/// the wrong JSON type and invalid values are all listed, and reading goes on; only malformed JSON stops it.
/// Organizations and services are always built (with what was valid) so that the semantic checks of
/// <see cref="DirectoryValidator"/> see the document's indices; nothing is returned unless both passes are clean.
/// </summary>
/// <remarks>
/// Why not the source-generated <see cref="DirectoryJsonContext"/> for the whole document: its metadata-driven
/// deserializer builds a throwaway object tree three to four times the size of the model (a string for every
/// token, a list for every array), and on 100,000 services that tree alone took 0.7 s and made the GC copy the
/// growing model among it (docs/performance.md). This reader allocates what the model keeps and little else.
/// It is still System.Text.Json (<see cref="Utf8JsonReader"/>), reflection-free and AOT-safe. Calendars,
/// which are few and shared, are read by the source-generated context: each distinct calendar text is
/// deserialized and built once, and identical definitions share one <see cref="ServiceCalendar"/>.
/// </remarks>
internal sealed class DirectoryDocumentReader
{
    public const string Subject = "referral directory";
    public const int FormatVersion = 1;
    private const int MaxQuotedToken = 40;

    // Below this size a document is read on one thread: the extra pass that finds each organization's
    // bytes, and starting workers, cost more than they save.
    private const int ParallelMinimumBytes = 256 * 1024;
    private const int OrganizationsPerChunk = 512;

    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly PropertyNames RootProperties = new("formatVersion", "organizations");
    private static readonly PropertyNames OrganizationProperties = new("id", "name", "kind", "website", "coLeads", "services");
    private static readonly PropertyNames ServiceProperties = new(
        "id", "name", "types", "area", "population", "languages", "availability", "acceptsWarmTransfers", "capacity", "locations", "contacts", "lastVerified");

    private static readonly PropertyNames AreaProperties = new("national", "states", "counties", "zips", "radii");
    private static readonly PropertyNames RadiusProperties = new("latitude", "longitude", "kilometers");
    private static readonly PropertyNames PopulationProperties = new("minAge", "maxAge", "genders", "traffickingTypes", "immigrationStatuses");
    private static readonly PropertyNames AvailabilityProperties = new("alwaysOpen", "calendar");
    private static readonly PropertyNames LocationProperties = new("name", "address", "city", "state", "zip", "latitude", "longitude", "confidential");
    private static readonly PropertyNames ContactProperties = new("channel", "value");

    private readonly ProblemList _problems = new();
    private readonly Gazetteer _gazetteer;
    private readonly ConcurrentDictionary<string, ServiceAvailability> _calendars;
    private readonly ConcurrentDictionary<string, ServiceAvailability>.AlternateLookup<ReadOnlySpan<char>> _calendarsBySpan;
    private readonly Dictionary<byte[], ServiceAvailability> _calendarTexts = new(Utf8TextComparer.Instance);
    private readonly Dictionary<byte[], ServiceAvailability>.AlternateLookup<ReadOnlySpan<byte>> _calendarTextsBySpan;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly Dictionary<string, LanguageTag> _languages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LanguageTag>.AlternateLookup<ReadOnlySpan<char>> _languagesBySpan;
    private readonly StringBuilder _key = new();
    private char[] _keyBuffer = new char[256];
    private char[] _text = new char[256];

    // Readers working on parts of one document share the calendars (only valid ones are added, and two
    // equal keys build equal calendars), so identical definitions still share one calendar across threads.
    private DirectoryDocumentReader(Gazetteer gazetteer, ConcurrentDictionary<string, ServiceAvailability>? calendars = null)
    {
        _gazetteer = gazetteer;
        _calendars = calendars ?? new ConcurrentDictionary<string, ServiceAvailability>(StringComparer.Ordinal);
        _calendarsBySpan = _calendars.GetAlternateLookup<ReadOnlySpan<char>>();
        _calendarTextsBySpan = _calendarTexts.GetAlternateLookup<ReadOnlySpan<byte>>();
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _languagesBySpan = _languages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads UTF-8 JSON on one thread.</summary>
    public static ImmutableArray<Organization> Read(ReadOnlySpan<byte> utf8Json, Gazetteer gazetteer) =>
        Read(utf8Json, default, gazetteer, parallel: false);

    /// <summary>
    /// Reads UTF-8 JSON like <see cref="Read(ReadOnlySpan{byte}, Gazetteer)"/>, with the same result and the
    /// same problems in the same order, but converts the organizations of a large document on several
    /// threads: one pass finds each organization's bytes, then contiguous runs of organizations are read in
    /// parallel, each with its own problem list, and the results are joined in document order. Malformed
    /// JSON makes it read the whole document again on one thread, so that error is reported exactly as before.
    /// </summary>
    public static ImmutableArray<Organization> Read(ReadOnlyMemory<byte> utf8Json, Gazetteer gazetteer)
    {
        if (utf8Json.Length >= ParallelMinimumBytes && Environment.ProcessorCount > 1)
        {
            var result = Read(utf8Json.Span, utf8Json, gazetteer, parallel: true);
            if (!result.IsDefault)
            {
                return result;
            }
        }

        return Read(utf8Json.Span, default, gazetteer, parallel: false);
    }

    // Returns a default array (only when parallel) if the organizations must be read again on one thread.
    private static ImmutableArray<Organization> Read(ReadOnlySpan<byte> utf8Json, ReadOnlyMemory<byte> memory, Gazetteer gazetteer, bool parallel)
    {
        var reader = new DirectoryDocumentReader(gazetteer);
        var problems = reader._problems;
        var organizations = ImmutableArray.CreateBuilder<Organization>();
        var json = new Utf8JsonReader(utf8Json);
        var where = "$";
        int? version = null;
        uint seen = 0;
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                problems.Add("$", json.TokenType == JsonTokenType.Null ? "must be a JSON object, not null." : "must be a JSON object.");
                json.Skip();
            }
            else
            {
                int p;
                while ((p = reader.NextProperty(ref json, RootProperties, "$", ref seen)) >= 0)
                {
                    if (p == 0)
                    {
                        version = reader.Integer(ref json, "$", "formatVersion");
                        continue;
                    }

                    if (!reader.IsArray(ref json, "$", "organizations", "an array of organizations"))
                    {
                        seen &= ~(1u << p);
                        continue;
                    }

                    if (parallel)
                    {
                        if (!ReadOrganizationsInParallel(ref json, memory, reader, organizations))
                        {
                            return default;
                        }

                        continue;
                    }

                    while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                    {
                        where = $"$.organizations[{organizations.Count}]";
                        organizations.Add(reader.Organization(ref json, utf8Json, where));
                    }

                    where = "$";
                }
            }

            if (json.Read())
            {
                problems.Add("$", "must hold one JSON object and nothing after it.");
            }
        }
        catch (JsonException e)
        {
            throw Malformed(where, e);
        }

        if (version is null)
        {
            reader.Require(false, "$", "formatVersion", 0);
        }
        else if (version != FormatVersion)
        {
            problems.Add("$.formatVersion", $"must be {FormatVersion}.");
        }

        if ((seen & 2) == 0)
        {
            problems.Add("$.organizations", "is required.");
        }

        var result = organizations.ToImmutable();
        reader.Validate(result);
        problems.ThrowIfAny(Subject);
        return result;
    }

    /// <summary>
    /// Adds the semantic problems of <see cref="DirectoryValidator"/>, except those at a value this reader
    /// already reported or inside which it reported something: those follow from the value the reader had
    /// to leave out (an unknown ZIP code leaves an area that lists nothing), so they would only repeat it.
    /// </summary>
    private void Validate(ImmutableArray<Organization> organizations)
    {
        var semantic = new ProblemList();
        DirectoryValidator.Validate(semantic, organizations, "$.organizations");
        if (_problems.IsEmpty)
        {
            _problems.AddRange(semantic);
            return;
        }

        var reported = new List<string>(_problems.Count);
        foreach (var problem in _problems.Items)
        {
            reported.Add(problem.Location);
        }

        foreach (var problem in semantic.Items)
        {
            if (!reported.Exists(location => IsAtOrInside(location, problem.Location)))
            {
                _problems.Add(problem.Location, problem.Message);
            }
        }
    }

    private static bool IsAtOrInside(string location, string container) =>
        location.StartsWith(container, StringComparison.Ordinal)
        && (location.Length == container.Length || location[container.Length] is '.' or '[');

    // The reader is on the organizations' '['; on success it is on the ']' and every organization has been
    // added, with its problems added to the reader's list in document order. On false (malformed JSON)
    // nothing has been added and the caller starts again on one thread.
    private static bool ReadOrganizationsInParallel(ref Utf8JsonReader json, ReadOnlyMemory<byte> memory, DirectoryDocumentReader reader,
        ImmutableArray<Organization>.Builder organizations)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        try
        {
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                starts.Add(checked((int)json.TokenStartIndex));
                json.Skip();
                ends.Add(checked((int)json.BytesConsumed));
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var count = starts.Count;
        var chunks = Math.Max(1, Math.Min(count / OrganizationsPerChunk, Environment.ProcessorCount * 4));
        var results = new Organization[count];
        var readers = new DirectoryDocumentReader[chunks];
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
            {
                var part = new DirectoryDocumentReader(reader._gazetteer, reader._calendars);
                readers[chunk] = part;
                var first = (int)((long)count * chunk / chunks);
                var last = (int)((long)count * (chunk + 1) / chunks);
                for (var i = first; i < last; i++)
                {
                    var bytes = memory.Span[starts[i]..ends[i]];
                    var element = new Utf8JsonReader(bytes);
                    element.Read();
                    results[i] = part.Organization(ref element, bytes, $"$.organizations[{i}]");
                }
            });
        }
#pragma warning disable CA1031 // Any failure is reproduced, and reported as before, by the read on one thread.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }

        foreach (var part in readers)
        {
            reader._problems.AddRange(part._problems);
        }

        organizations.Capacity = Math.Max(organizations.Capacity, count);
        organizations.AddRange(results);
        return true;
    }

    // The reader's message can quote document text, so it is replaced by the path and position only.
    private static NhtrcValidationException Malformed(string path, JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" : "";
        return new NhtrcValidationException(Subject, [new ValidationProblem(path, $"is not valid JSON{where}.")]);
    }

    // On the organization's first token; leaves the reader on its last.
    private Organization Organization(ref Utf8JsonReader json, ReadOnlySpan<byte> document, string path)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            _problems.Add(path, json.TokenType == JsonTokenType.Null ? "must be an organization object, not null." : "must be an organization object.");
            json.Skip();
            return new Organization { Id = "", Name = "", Kind = OrganizationKind.ServiceProvider };
        }

        var before = _problems.Count;
        string? id = null, name = null, website = null;
        OrganizationKind? kind = null;
        ImmutableArray<string> coLeads = [];
        ImmutableArray<Service> services = [];
        uint seen = 0;
        int p;
        while ((p = NextProperty(ref json, OrganizationProperties, path, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    id = String(ref json, path, "id");
                    break;
                case 1:
                    name = String(ref json, path, "name");
                    break;
                case 2:
                    kind = Enum<OrganizationKind>(ref json, path, "kind");
                    break;
                case 3:
                    website = String(ref json, path, "website");
                    break;
                case 4:
                    coLeads = CoLeads(ref json, path);
                    break;
                default:
                    services = Services(ref json, document, path);
                    break;
            }
        }

        Require(kind is not null, path, "kind", before);

        return new Organization
        {
            Id = id ?? "",
            Name = name ?? "",
            Kind = kind ?? OrganizationKind.ServiceProvider,
            Website = website,
            CoLeadIds = coLeads,
            Services = services,
        };
    }

    private ImmutableArray<string> CoLeads(ref Utf8JsonReader json, string path)
    {
        if (!IsArray(ref json, path, "coLeads", "an array of organization ids"))
        {
            return [];
        }

        var coLeads = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (json.TokenType == JsonTokenType.String)
            {
                coLeads.Add(json.GetString()!);
                continue;
            }

            _problems.Add($"{path}.coLeads[{i}]", json.TokenType == JsonTokenType.Null ? "must be an organization id, not null." : "must be an organization id (a string).");
            json.Skip();
            coLeads.Add("");
        }

        return Done(coLeads);
    }

    private ImmutableArray<Service> Services(ref Utf8JsonReader json, ReadOnlySpan<byte> document, string path)
    {
        if (!IsArray(ref json, path, "services", "an array of services"))
        {
            return [];
        }

        var services = ImmutableArray.CreateBuilder<Service>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            services.Add(Service(ref json, document, path, i));
        }

        return Done(services);
    }

    private Service Service(ref Utf8JsonReader json, ReadOnlySpan<byte> document, string organization, int index)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            var at = $"{organization}.services[{index}]";
            _problems.Add(at, json.TokenType == JsonTokenType.Null ? "must be a service object, not null." : "must be a service object.");
            json.Skip();
            return new Service { Id = "", Name = "", Area = ServiceArea.Nationwide, LastVerified = default };
        }

        var path = $"{organization}.services[{index}]";
        var before = _problems.Count;
        string? id = null, name = null;
        ImmutableArray<ServiceType> types = [];
        ServiceArea? area = null;
        var population = PopulationServed.Everyone;
        ImmutableArray<LanguageTag> languages = [];
        ServiceAvailability? availability = null;
        var warm = false;
        Capacity? capacity = null;
        ImmutableArray<ServiceLocation> locations = [];
        ImmutableArray<ServiceContact> contacts = [];
        LocalDate? verified = null;
        uint seen = 0;
        int p;
        while ((p = NextProperty(ref json, ServiceProperties, path, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    id = String(ref json, path, "id");
                    break;
                case 1:
                    name = Intern(ref json, path, "name");
                    break;
                case 2:
                    types = EnumArray<ServiceType>(ref json, path, "types");
                    break;
                case 3:
                    area = Area(ref json, path);
                    break;
                case 4:
                    population = Population(ref json, path);
                    break;
                case 5:
                    languages = Languages(ref json, path);
                    break;
                case 6:
                    availability = Availability(ref json, document, path);
                    break;
                case 7:
                    warm = Bool(ref json, path, "acceptsWarmTransfers") ?? false;
                    break;
                case 8:
                    capacity = Enum<Capacity>(ref json, path, "capacity");
                    break;
                case 9:
                    locations = Locations(ref json, path);
                    break;
                case 10:
                    contacts = Contacts(ref json, path);
                    break;
                default:
                    verified = Date(ref json, path, "lastVerified");
                    break;
            }
        }

        Require(area is not null, path, "area", before);
        Require(availability is not null, path, "availability", before, "is required: { \"alwaysOpen\": true } or { \"calendar\": { ... } }.");
        Require(verified is not null, path, "lastVerified", before);

        return new Service
        {
            Id = id ?? "",
            Name = name ?? "",
            Types = types,
            Area = area ?? ServiceArea.Nationwide,
            Population = population,
            Languages = languages,
            Availability = availability ?? ServiceAvailability.AlwaysOpen,
            AcceptsWarmTransfers = warm,
            Capacity = capacity ?? Capacity.Accepting,
            Locations = locations,
            Contacts = contacts,
            LastVerified = verified ?? default,
        };
    }

    private ServiceArea? Area(ref Utf8JsonReader json, string service)
    {
        if (!IsObject(ref json, service, "area", "an area object"))
        {
            return null;
        }

        var path = service + ".area";
        var national = false;
        ImmutableArray<UsState> states = [];
        ImmutableArray<UsCounty> counties = [];
        ImmutableArray<ZipCodeInfo> zips = [];
        ImmutableArray<RadiusArea> radii = [];
        uint seen = 0;
        int p;
        while ((p = NextProperty(ref json, AreaProperties, path, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    national = Bool(ref json, path, "national") ?? false;
                    break;
                case 1:
                    states = States(ref json, path);
                    break;
                case 2:
                    counties = Counties(ref json, path);
                    break;
                case 3:
                    zips = Zips(ref json, path);
                    break;
                default:
                    radii = Radii(ref json, path);
                    break;
            }
        }

        return new ServiceArea { IsNational = national, States = states, Counties = counties, Zips = zips, Radii = radii };
    }

    private ImmutableArray<UsState> States(ref Utf8JsonReader json, string area)
    {
        if (!IsArray(ref json, area, "states", "an array of state codes"))
        {
            return [];
        }

        var states = ImmutableArray.CreateBuilder<UsState>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (Text(ref json, area, "states", i, "a state code", out var code))
            {
                if (StateByCode(code) is { } state)
                {
                    states.Add(state);
                }
                else
                {
                    _problems.Add($"{area}.states[{i}]", StateMessage(code));
                }
            }
        }

        return Done(states);
    }

    private ImmutableArray<UsCounty> Counties(ref Utf8JsonReader json, string area)
    {
        if (!IsArray(ref json, area, "counties", "an array of county FIPS codes"))
        {
            return [];
        }

        var counties = ImmutableArray.CreateBuilder<UsCounty>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (!Text(ref json, area, "counties", i, "a county FIPS code", out var fips))
            {
                continue;
            }

            if (_gazetteer.TryGetCounty(fips, out var county))
            {
                counties.Add(county);
                continue;
            }

            var text = fips.ToString();
            _problems.Add($"{area}.counties[{i}]", InputText.IsDigits(text, 5)
                ? $"county {text} is not in the gazetteer."
                : $"{InputText.Describe(text)} is not a county FIPS code: expected exactly 5 digits, such as 36061.");
        }

        return Done(counties);
    }

    private ImmutableArray<ZipCodeInfo> Zips(ref Utf8JsonReader json, string area)
    {
        if (!IsArray(ref json, area, "zips", "an array of ZIP codes"))
        {
            return [];
        }

        var zips = ImmutableArray.CreateBuilder<ZipCodeInfo>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (Text(ref json, area, "zips", i, "a ZIP code", out var text))
            {
                if (_gazetteer.TryGetZip(text, out var zip))
                {
                    zips.Add(zip);
                }
                else
                {
                    _problems.Add($"{area}.zips[{i}]", ZipMessage(text));
                }
            }
        }

        return Done(zips);
    }

    private ImmutableArray<RadiusArea> Radii(ref Utf8JsonReader json, string area)
    {
        if (!IsArray(ref json, area, "radii", "an array of radius objects"))
        {
            return [];
        }

        var radii = ImmutableArray.CreateBuilder<RadiusArea>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            var path = $"{area}.radii[{i}]";
            if (json.TokenType != JsonTokenType.StartObject)
            {
                _problems.Add(path, json.TokenType == JsonTokenType.Null ? "must be a radius object, not null." : "must be a radius object.");
                json.Skip();
                continue;
            }

            var before = _problems.Count;
            double? latitude = null, longitude = null, kilometers = null;
            uint seen = 0;
            int p;
            while ((p = NextProperty(ref json, RadiusProperties, path, ref seen)) >= 0)
            {
                switch (p)
                {
                    case 0:
                        latitude = Number(ref json, path, "latitude");
                        break;
                    case 1:
                        longitude = Number(ref json, path, "longitude");
                        break;
                    default:
                        kilometers = Number(ref json, path, "kilometers");
                        break;
                }
            }

            var point = Point(path, latitude, longitude, before);
            if (kilometers is not { } km)
            {
                Require(false, path, "kilometers", before);
            }
            else if (!RadiusArea.IsValidRadius(km))
            {
                _problems.Add(path + ".kilometers", RadiusArea.RadiusMessage);
            }

            if (_problems.Count == before)
            {
                radii.Add(new RadiusArea(point!.Value, kilometers!.Value));
            }
        }

        return Done(radii);
    }

    private PopulationServed Population(ref Utf8JsonReader json, string service)
    {
        if (!IsObject(ref json, service, "population", "a population object"))
        {
            return PopulationServed.Everyone;
        }

        var path = service + ".population";
        int? minAge = null, maxAge = null;
        ImmutableArray<Gender> genders = [];
        ImmutableArray<TraffickingType> trafficking = [];
        ImmutableArray<ImmigrationStatus> statuses = [];
        uint seen = 0;
        int p;
        while ((p = NextProperty(ref json, PopulationProperties, path, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    minAge = Integer(ref json, path, "minAge");
                    break;
                case 1:
                    maxAge = Integer(ref json, path, "maxAge");
                    break;
                case 2:
                    genders = EnumArray<Gender>(ref json, path, "genders");
                    break;
                case 3:
                    trafficking = EnumArray<TraffickingType>(ref json, path, "traffickingTypes");
                    break;
                default:
                    statuses = EnumArray<ImmigrationStatus>(ref json, path, "immigrationStatuses");
                    break;
            }
        }

        return new PopulationServed { MinAge = minAge, MaxAge = maxAge, Genders = genders, TraffickingTypes = trafficking, ImmigrationStatuses = statuses };
    }

    private ImmutableArray<LanguageTag> Languages(ref Utf8JsonReader json, string service)
    {
        if (!IsArray(ref json, service, "languages", "an array of language tags"))
        {
            return [];
        }

        var languages = ImmutableArray.CreateBuilder<LanguageTag>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (!Text(ref json, service, "languages", i, "a language tag", out var text))
            {
                continue;
            }

            if (_languagesBySpan.TryGetValue(text, out var known))
            {
                languages.Add(known);
                continue;
            }

            var value = text.ToString();
            if (LanguageTag.TryParse(value, out var tag))
            {
                _languages[value] = tag;
                languages.Add(tag);
            }
            else
            {
                _problems.Add($"{service}.languages[{i}]", LanguageTag.ProblemMessage);
            }
        }

        return Done(languages);
    }

    private ServiceAvailability? Availability(ref Utf8JsonReader json, ReadOnlySpan<byte> document, string service)
    {
        if (!IsObject(ref json, service, "availability", "an availability object"))
        {
            return null;
        }

        var path = service + ".availability";
        bool? alwaysOpen = null;
        ServiceAvailability? calendar = null;
        uint seen = 0;
        int p;
        while ((p = NextProperty(ref json, AvailabilityProperties, path, ref seen)) >= 0)
        {
            if (p == 0)
            {
                alwaysOpen = Bool(ref json, path, "alwaysOpen");
            }
            else if (json.TokenType == JsonTokenType.Null)
            {
                seen &= ~(1u << p);
            }
            else
            {
                calendar = Calendar(ref json, document, path);
            }
        }

        if (alwaysOpen == true)
        {
            if ((seen & 2) != 0)
            {
                _problems.Add(path, "has alwaysOpen, so must not also have a calendar.");
            }

            return ServiceAvailability.AlwaysOpen;
        }

        if ((seen & 2) == 0)
        {
            _problems.Add(path + ".calendar", "is required unless alwaysOpen is true.");
        }

        return calendar ?? ServiceAvailability.AlwaysOpen;
    }

    /// <summary>
    /// On the calendar's first token: most services repeat one of a few calendars word for word, so the
    /// text itself is looked up first; a new text is deserialized by the source-generated context and built
    /// (or found by its canonical definition), and remembered if it was valid.
    /// </summary>
    private ServiceAvailability? Calendar(ref Utf8JsonReader json, ReadOnlySpan<byte> document, string availability)
    {
        var path = availability + ".calendar";
        if (json.TokenType != JsonTokenType.StartObject)
        {
            _problems.Add(path, "must be a calendar object.");
            json.Skip();
            return null;
        }

        var start = checked((int)json.TokenStartIndex);
        json.Skip();
        var text = document[start..checked((int)json.BytesConsumed)];
        if (_calendarTextsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        ServiceCalendarDocument? c;
        try
        {
            var calendarJson = new Utf8JsonReader(text);
            c = JsonSerializer.Deserialize(ref calendarJson, DirectoryJsonContext.Default.ServiceCalendarDocument);
        }
        catch (JsonException e)
        {
            var inner = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path[1..];
            _problems.Add(path + inner, "is given twice or has a value of the wrong JSON type.");
            return null;
        }

        var before = _problems.Count;
        var result = Availability(path, c!);
        if (_problems.Count == before)
        {
            _calendarTexts[text.ToArray()] = result;
        }

        return result;
    }

    private ServiceAvailability Availability(string path, ServiceCalendarDocument c)
    {
        // The canonical text of the definition is the interning key: differently spelled texts of one
        // definition share a calendar. Only definitions that can be valid are keyed (and only valid ones are added).
        var keyed = AppendCalendarKey(c);
        if (keyed)
        {
            if (_keyBuffer.Length < _key.Length)
            {
                _keyBuffer = new char[_key.Length * 2];
            }

            _key.CopyTo(0, _keyBuffer, _key.Length);
            if (_calendarsBySpan.TryGetValue(_keyBuffer.AsSpan(0, _key.Length), out var known))
            {
                return known;
            }
        }

        return Build(path, c, keyed);
    }

    // Apart from Availability so that the lambda's closure is only allocated when a calendar is built.
    private ServiceAvailability Build(string path, ServiceCalendarDocument c, bool keyed)
    {
        var key = _key.ToString();
        var calendar = ServiceCalendarDocumentReader.ToCalendar(_problems, path, c, () => DerivedCalendarId(key));
        if (calendar is null)
        {
            return ServiceAvailability.AlwaysOpen;
        }

        var availability = ServiceAvailability.By(calendar);
        return keyed ? _calendars.GetOrAdd(key, availability) : availability;
    }

    /// <summary>
    /// Puts the canonical form of <paramref name="c"/> in the key: every field in a fixed order, days in
    /// week order, each text prefixed with its length (so no text can imitate a separator) and null kept
    /// apart from empty. Equal keys mean equal definitions, hence equal calendars. Returns false when the
    /// definition has an unknown property or day, which is a problem the reader must report.
    /// </summary>
    private bool AppendCalendarKey(ServiceCalendarDocument c)
    {
        _key.Clear();
        AppendKeyText(c.Id);
        AppendKeyText(c.TimeZone);
        var ok = c.Unknown is null;
        if (c.WeeklyHours is null)
        {
            _key.Append('~');
        }
        else
        {
            var found = 0;
            _key.Append('{');
            for (var i = 0; i < Days.Length; i++)
            {
                if (c.WeeklyHours.TryGetValue(Days[i], out var intervals))
                {
                    found++;
                    _key.Append((char)('0' + i));
                    AppendKeyTexts(intervals);
                }
            }

            _key.Append('}');
            ok &= found == c.WeeklyHours.Count;
        }

        AppendKeyTexts(c.HolidayCalendars);
        if (c.Holidays is null)
        {
            _key.Append('~');
        }
        else
        {
            _key.Append(c.Holidays.Count).Append('h');
            foreach (var h in c.Holidays)
            {
                if (h is null)
                {
                    _key.Append('~');
                    continue;
                }

                ok &= h.Unknown is null;
                AppendKeyText(h.Name);
                AppendKeyText(h.Date);
                AppendKeyText(h.Observed);
            }
        }

        if (c.Overrides is null)
        {
            _key.Append('~');
        }
        else
        {
            _key.Append(c.Overrides.Count).Append('o');
            foreach (var o in c.Overrides)
            {
                if (o is null)
                {
                    _key.Append('~');
                    continue;
                }

                ok &= o.Unknown is null;
                AppendKeyText(o.Date);
                _key.Append(o.Closed switch { null => '~', true => 't', false => 'f' });
                AppendKeyTexts(o.Hours);
            }
        }

        return ok;
    }

    private void AppendKeyText(string? text)
    {
        if (text is null)
        {
            _key.Append('~');
        }
        else
        {
            _key.Append(text.Length).Append(':').Append(text);
        }
    }

    private void AppendKeyTexts(List<string?>? texts)
    {
        if (texts is null)
        {
            _key.Append('~');
            return;
        }

        _key.Append(texts.Count).Append('[');
        foreach (var text in texts)
        {
            AppendKeyText(text);
        }
    }

    /// <summary>
    /// The id of a directory calendar given without one: <c>calendar-</c> and the first 16 hex digits of
    /// the SHA-256 of its canonical key, so it depends only on the definition (services with the same
    /// definition share it, in any directory and on any run).
    /// </summary>
    private static string DerivedCalendarId(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "calendar-" + Convert.ToHexStringLower(hash[..8]);
    }

    private ImmutableArray<ServiceLocation> Locations(ref Utf8JsonReader json, string service)
    {
        if (!IsArray(ref json, service, "locations", "an array of locations"))
        {
            return [];
        }

        var locations = ImmutableArray.CreateBuilder<ServiceLocation>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (Location(ref json, $"{service}.locations[{i}]") is { } location)
            {
                locations.Add(location);
            }
        }

        return Done(locations);
    }

    private ServiceLocation? Location(ref Utf8JsonReader json, string path)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            _problems.Add(path, json.TokenType == JsonTokenType.Null ? "must be a location object, not null." : "must be a location object.");
            json.Skip();
            return null;
        }

        var before = _problems.Count;
        string? name = null, address = null, city = null;
        UsState? state = null;
        ZipCodeInfo? zip = null;
        double? latitude = null, longitude = null;
        var confidential = false;
        uint seen = 0;
        int p;
        while ((p = NextProperty(ref json, LocationProperties, path, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    name = Intern(ref json, path, "name");
                    break;
                case 1:
                    address = String(ref json, path, "address");
                    break;
                case 2:
                    city = Intern(ref json, path, "city");
                    break;
                case 3:
                    if (Text(ref json, path, "state", -1, "a state code", out var code))
                    {
                        state = StateByCode(code);
                        if (state is null)
                        {
                            _problems.Add(path + ".state", StateMessage(code));
                        }
                    }

                    break;
                case 4:
                    if (Text(ref json, path, "zip", -1, "a ZIP code", out var text) && !_gazetteer.TryGetZip(text, out zip))
                    {
                        _problems.Add(path + ".zip", ZipMessage(text));
                    }

                    break;
                case 5:
                    latitude = Number(ref json, path, "latitude");
                    break;
                case 6:
                    longitude = Number(ref json, path, "longitude");
                    break;
                default:
                    confidential = Bool(ref json, path, "confidential") ?? false;
                    break;
            }
        }

        Require(!string.IsNullOrWhiteSpace(city), path, "city", before);
        Require(state is not null, path, "state", before);
        var point = Point(path, latitude, longitude, before);
        if (zip is not null && state is not null && zip.State != state)
        {
            _problems.Add(path + ".zip", $"is in {zip.State.Code}, not {state.Code}.");
        }

        return _problems.Count != before ? null : new ServiceLocation
        {
            Name = name,
            StreetAddress = address,
            City = city!,
            State = state!,
            Zip = zip,
            Point = point!.Value,
            IsConfidential = confidential,
        };
    }

    private ImmutableArray<ServiceContact> Contacts(ref Utf8JsonReader json, string service)
    {
        if (!IsArray(ref json, service, "contacts", "an array of contacts"))
        {
            return [];
        }

        var contacts = ImmutableArray.CreateBuilder<ServiceContact>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            var path = $"{service}.contacts[{i}]";
            if (json.TokenType != JsonTokenType.StartObject)
            {
                _problems.Add(path, json.TokenType == JsonTokenType.Null ? "must be a contact object, not null." : "must be a contact object.");
                json.Skip();
                continue;
            }

            var before = _problems.Count;
            ContactChannel? channel = null;
            string? value = null;
            uint seen = 0;
            int p;
            while ((p = NextProperty(ref json, ContactProperties, path, ref seen)) >= 0)
            {
                if (p == 0)
                {
                    channel = Enum<ContactChannel>(ref json, path, "channel");
                }
                else
                {
                    value = Intern(ref json, path, "value");
                }
            }

            Require(channel is not null, path, "channel", before);
            if (string.IsNullOrWhiteSpace(value))
            {
                Require(false, path, "value", before, "is required: a phone number, address or link.");
                continue;
            }

            if (channel is { } c)
            {
                contacts.Add(new ServiceContact(c, value));
            }
        }

        return Done(contacts);
    }

    /// <summary>
    /// Reads the next property of the object the reader is in and moves onto its value, returning the
    /// property's index in <paramref name="names"/>, or -1 at the end of the object. Unknown properties and
    /// properties given a second time are reported and skipped (the first value stays). A null value counts
    /// as given: callers treat it as absent where the format allows.
    /// </summary>
    private int NextProperty(ref Utf8JsonReader json, PropertyNames names, string path, ref uint seen)
    {
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var p = names.Find(ref json);
            if (p < 0)
            {
                _problems.Add(DocumentFields.PropertyPath(path, json.GetString()!), "is not a known property.");
            }
            else if ((seen & (1u << p)) != 0)
            {
                _problems.Add($"{path}.{names[p]}", "is given twice; give each property once.");
            }
            else
            {
                seen |= 1u << p;
                json.Read();
                return p;
            }

            json.Read();
            json.Skip();
        }

        return -1;
    }

    // True on an array's '['. Null is absent: false, nothing reported. Anything else is reported and skipped.
    private bool IsArray(ref Utf8JsonReader json, string path, string member, string what) =>
        json.TokenType == JsonTokenType.StartArray || !WrongType(ref json, path, member, what);

    // True on an object's '{', like IsArray.
    private bool IsObject(ref Utf8JsonReader json, string path, string member, string what) =>
        json.TokenType == JsonTokenType.StartObject || !WrongType(ref json, path, member, what);

    // Null is absent (returns false); anything else is reported as not being what was expected, and skipped.
    private bool WrongType(ref Utf8JsonReader json, string path, string member, string what, int index = -1)
    {
        if (json.TokenType == JsonTokenType.Null && index < 0)
        {
            return false;
        }

        _problems.Add(ItemPath(path, member, index), json.TokenType == JsonTokenType.Null ? $"must be {what}, not null." : $"must be {what}.");
        json.Skip();
        return true;
    }

    private string? String(ref Utf8JsonReader json, string path, string member)
    {
        if (json.TokenType == JsonTokenType.String)
        {
            return json.GetString();
        }

        WrongType(ref json, path, member, "a string");
        return null;
    }

    // Service names, cities, location names and contact values repeat across a directory (100,000 synthetic
    // services have 32 service names and 16,000 cities); the model keeps one copy of each, and a repeat is
    // found without making a string for it.
    private string? Intern(ref Utf8JsonReader json, string path, string member)
    {
        if (json.TokenType != JsonTokenType.String)
        {
            WrongType(ref json, path, member, "a string");
            return null;
        }

        var text = Scratch(ref json);
        if (_stringsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        _strings.Add(value);
        return value;
    }

    // The string value (unescaped) in a buffer reused by the next call.
    private ReadOnlySpan<char> Scratch(ref Utf8JsonReader json)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes chars, and unescaping only shortens.
        var bytes = json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;
        if (_text.Length < bytes)
        {
            _text = new char[Math.Max(bytes, _text.Length * 2)];
        }

        return _text.AsSpan(0, json.CopyString(_text));
    }

    // A string value, or an item of a string array, as text in the scratch buffer; false when it is null or not a string (reported).
    private bool Text(ref Utf8JsonReader json, string path, string member, int index, string what, out ReadOnlySpan<char> text)
    {
        if (json.TokenType == JsonTokenType.String)
        {
            text = Scratch(ref json);
            return true;
        }

        WrongType(ref json, path, member, what, index);
        text = default;
        return false;
    }

    private bool? Bool(ref Utf8JsonReader json, string path, string member)
    {
        if (json.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return json.TokenType == JsonTokenType.True;
        }

        WrongType(ref json, path, member, "true or false");
        return null;
    }

    private double? Number(ref Utf8JsonReader json, string path, string member)
    {
        if (json.TokenType == JsonTokenType.Number && json.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        WrongType(ref json, path, member, "a number");
        return null;
    }

    private int? Integer(ref Utf8JsonReader json, string path, string member)
    {
        if (json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var value))
        {
            return value;
        }

        WrongType(ref json, path, member, "a whole number");
        return null;
    }

    private LocalDate? Date(ref Utf8JsonReader json, string path, string member)
    {
        if (!Text(ref json, path, member, -1, "an ISO-8601 date such as 2026-03-01", out var text))
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        _problems.Add($"{path}.{member}", "must be an ISO-8601 date such as 2026-03-01.");
        return null;
    }

    // The pattern parser costs about a microsecond, a tenth of a service's whole read; plain
    // yyyy-MM-dd is read by hand and anything else falls back to the pattern.
    private static bool TryParseDate(ReadOnlySpan<char> span, out LocalDate date)
    {
        if (span.Length == 10 && span[4] == '-' && span[7] == '-'
            && int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(span[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(span[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            date = new LocalDate(year, month, day);
            return true;
        }

        var parsed = LocalDatePattern.Iso.Parse(span.ToString());
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    // Null is absent (the caller decides whether it is required); an array item must be a string.
    private T? Enum<T>(ref Utf8JsonReader json, string path, string member, int index = -1)
        where T : struct, Enum
    {
        if (!Text(ref json, path, member, index, "a string", out var text))
        {
            return null;
        }

        if (WireName<T>.TryParse(text, out var result))
        {
            return result;
        }

        // Enum fields hold no personal data, so the token is quoted to help fix the document; it is
        // shortened so a misplaced narrative could not end up whole in a log.
        var token = text.Length <= MaxQuotedToken ? text.ToString() : string.Concat(text[..MaxQuotedToken], "...");
        _problems.Add(ItemPath(path, member, index), $"'{token}' is not one of: {WireName<T>.Expected}.");
        return null;
    }

    private ImmutableArray<T> EnumArray<T>(ref Utf8JsonReader json, string path, string member)
        where T : struct, Enum
    {
        if (!IsArray(ref json, path, member, "an array of strings"))
        {
            return [];
        }

        var values = ImmutableArray.CreateBuilder<T>();
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (Enum<T>(ref json, path, member, i) is { } value)
            {
                values.Add(value);
            }
        }

        return Done(values);
    }

    /// <summary>
    /// Reports a missing value, unless <paramref name="present"/> or a problem was already added at its path
    /// since <paramref name="since"/> (a value of the wrong type, or an invalid one, is not also "required").
    /// </summary>
    private void Require(bool present, string path, string member, int since, string message = "is required.")
    {
        if (present)
        {
            return;
        }

        var location = $"{path}.{member}";
        if (!Reported(location, since))
        {
            _problems.Add(location, message);
        }
    }

    // Whether a problem at this location was added since the count was taken (only this object's problems are looked at).
    private bool Reported(string location, int since)
    {
        var items = _problems.Items;
        for (var i = since; i < items.Count; i++)
        {
            if (items[i].Location == location)
            {
                return true;
            }
        }

        return false;
    }

    private GeoPoint? Point(string path, double? latitude, double? longitude, int since)
    {
        var ok = true;
        if (latitude is not { } lat)
        {
            ok = false;
            Require(false, path, "latitude", since);
        }
        else if (!GeoPoint.IsValidLatitude(lat))
        {
            _problems.Add(path + ".latitude", "must be degrees from -90 to 90.");
            ok = false;
        }

        if (longitude is not { } lon)
        {
            ok = false;
            Require(false, path, "longitude", since);
        }
        else if (!GeoPoint.IsValidLongitude(lon))
        {
            _problems.Add(path + ".longitude", "must be degrees from -180 to 180.");
            ok = false;
        }

        return ok ? new GeoPoint(latitude!.Value, longitude!.Value) : null;
    }

    private static UsState? StateByCode(ReadOnlySpan<char> code)
    {
        foreach (var state in UsState.All)
        {
            if (code.SequenceEqual(state.Code))
            {
                return state;
            }
        }

        return null;
    }

    private static string StateMessage(ReadOnlySpan<char> code) =>
        $"{InputText.Describe(code.ToString())} is not the upper-case USPS code of one of the 50 states or DC.";

    private static string ZipMessage(ReadOnlySpan<char> zip)
    {
        var text = zip.ToString();
        return InputText.IsDigits(text, 5)
            ? $"ZIP code {text} is not in the gazetteer (50 states and DC only)."
            : $"{InputText.Describe(text)} is not a ZIP code: expected exactly 5 digits, such as 02108.";
    }

    // Paths are formatted only for problems.
    private static string ItemPath(string parent, string member, int index) =>
        index < 0 ? $"{parent}.{member}" : $"{parent}.{member}[{index}]";

    // An empty list is the shared empty array, not a new one per builder.
    private static ImmutableArray<T> Done<T>(ImmutableArray<T>.Builder builder) =>
        builder.Count == 0 ? [] : builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();

    /// <summary>The property names of one kind of object, matched against the reader's property name without making a string.</summary>
    private sealed class PropertyNames
    {
        private readonly string[] _names;
        private readonly byte[][] _utf8;

        public PropertyNames(params string[] names)
        {
            _names = names;
            _utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
        }

        public string this[int index] => _names[index];

        public int Find(ref Utf8JsonReader json)
        {
            if (!json.ValueIsEscaped && !json.HasValueSequence)
            {
                var name = json.ValueSpan;
                for (var i = 0; i < _utf8.Length; i++)
                {
                    if (name.SequenceEqual(_utf8[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            for (var i = 0; i < _utf8.Length; i++)
            {
                if (json.ValueTextEquals(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>Compares byte arrays by content, and finds them by a span of bytes.</summary>
    private sealed class Utf8TextComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8TextComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
