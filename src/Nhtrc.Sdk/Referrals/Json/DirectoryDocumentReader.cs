using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Reads a referral directory document (docs/referrals.md) from UTF-8 straight into the model, token by
/// token, collecting every problem with its JSON path: unknown properties, properties given twice, values of
/// the wrong JSON type and invalid values are all listed and reading goes on; only malformed JSON stops it.
/// Organizations and services are always built (with what was valid) so that the semantic checks of
/// <see cref="DirectoryValidator"/> see the document's indices; nothing is returned unless both passes are clean.
/// </summary>
/// <remarks>
/// Why not the source-generated <see cref="DirectoryJsonContext"/> for the whole document: its metadata-driven
/// deserializer builds a throwaway tree of strings, lists and objects several times the size of the model,
/// which on 100,000 services cost 0.7 s by itself and made the garbage collector copy the growing model out
/// of that garbage again and again (docs/performance.md). This reader allocates what the model keeps and
/// almost nothing else: names are matched as UTF-8, codes and enum tokens are decoded into a reused buffer,
/// lists are gathered in reused lists, and a JSON path is only formatted for a problem. It is still
/// System.Text.Json (<see cref="Utf8JsonReader"/>): reflection-free and AOT-safe. Calendars, few and shared,
/// are read by the source-generated context: each distinct calendar text is deserialized and built once.
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
    private readonly JsonPathStack _path = new();
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

    // Each list of the model is gathered here and copied once into an array of its exact size; no two lists
    // of one element type are ever open at the same time.
    private readonly List<string> _coLeads = [];
    private readonly List<Service> _services = [];
    private readonly List<LanguageTag> _languageList = [];
    private readonly List<UsState> _states = [];
    private readonly List<UsCounty> _counties = [];
    private readonly List<ZipCodeInfo> _zips = [];
    private readonly List<RadiusArea> _radii = [];
    private readonly List<ServiceLocation> _locations = [];
    private readonly List<ServiceContact> _contacts = [];

    // The item readers, made once per reader rather than once per list.
    private readonly ItemReader<UsState> _state;
    private readonly ItemReader<UsCounty> _county;
    private readonly ItemReader<ZipCodeInfo> _zip;
    private readonly ItemReader<RadiusArea> _radius;
    private readonly ItemReader<LanguageTag> _language;
    private readonly ItemReader<ServiceLocation> _location;
    private readonly ItemReader<ServiceContact> _contact;

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
        (_state, _county, _zip, _radius, _language, _location, _contact) = (State, County, Zip, Radius, Language, Location, Contact);
    }

    /// <summary>Reads one item of an array; false when there is nothing to add (a problem was reported).</summary>
    private delegate bool ItemReader<T>(ref Utf8JsonReader json, [MaybeNullWhen(false)] out T item);

    /// <summary>Reads UTF-8 JSON on one thread.</summary>
    public static ImmutableArray<Organization> Read(ReadOnlySpan<byte> utf8Json, Gazetteer gazetteer) =>
        Read(utf8Json, default, gazetteer, parallel: false);

    /// <summary>
    /// Reads UTF-8 JSON like <see cref="Read(ReadOnlySpan{byte}, Gazetteer)"/>, with the same result and the
    /// same problems in the same order, but reads the organizations of a large document on several threads:
    /// one pass finds each organization's bytes, then contiguous runs of organizations are read in parallel,
    /// each with its own problem list, and the results are joined in document order. Malformed JSON makes it
    /// read the whole document again on one thread, so that error is reported exactly as before.
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
        var organizations = ImmutableArray.CreateBuilder<Organization>();
        var json = new Utf8JsonReader(utf8Json);
        int? version = null;
        uint seen = 0;
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                reader.Problem(json.TokenType == JsonTokenType.Null ? "must be a JSON object, not null." : "must be a JSON object.");
                json.Skip();
            }
            else
            {
                reader._path.EnterObject();
                int p;
                while ((p = reader.NextProperty(ref json, RootProperties, ref seen)) >= 0)
                {
                    if (p == 0)
                    {
                        version = reader.Integer(ref json);
                    }
                    else if (!reader.IsArray(ref json, "an array of organizations"))
                    {
                        seen &= ~(1u << p);
                    }
                    else if (parallel)
                    {
                        if (!ReadOrganizationsInParallel(ref json, memory, reader, organizations))
                        {
                            return default;
                        }
                    }
                    else
                    {
                        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
                        {
                            reader._path.PushIndex(i);
                            organizations.Add(reader.Organization(ref json, utf8Json));
                            reader._path.Pop();
                        }
                    }
                }
            }

            if (json.Read())
            {
                reader.Problem("must hold one JSON object and nothing after it.");
            }
        }
        catch (JsonException e)
        {
            throw Malformed(reader._path.Format(), e);
        }

        if (version is null)
        {
            reader.Require(false, "formatVersion", 0);
        }
        else if (version != FormatVersion)
        {
            reader._problems.Add("$.formatVersion", $"must be {FormatVersion}.");
        }

        if ((seen & 2) == 0)
        {
            reader._problems.Add("$.organizations", "is required.");
        }

        var result = organizations.ToImmutable();
        reader.Validate(result);
        reader._problems.ThrowIfAny(Subject);
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
                part._path.EnterObject();
                part._path.SetProperty("organizations");
                var first = (int)((long)count * chunk / chunks);
                var last = (int)((long)count * (chunk + 1) / chunks);
                for (var i = first; i < last; i++)
                {
                    var bytes = memory.Span[starts[i]..ends[i]];
                    var element = new Utf8JsonReader(bytes);
                    element.Read();
                    part._path.PushIndex(i);
                    results[i] = part.Organization(ref element, bytes);
                    part._path.Pop();
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
    private Organization Organization(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be an organization object, not null." : "must be an organization object.");
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
        _path.EnterObject();
        while ((p = NextProperty(ref json, OrganizationProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    id = String(ref json);
                    break;
                case 1:
                    name = String(ref json);
                    break;
                case 2:
                    kind = Enum<OrganizationKind>(ref json);
                    break;
                case 3:
                    website = String(ref json);
                    break;
                case 4:
                    coLeads = CoLeads(ref json);
                    break;
                default:
                    services = Services(ref json, document);
                    break;
            }
        }

        Require(kind is not null, "kind", before);
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

    private ImmutableArray<string> CoLeads(ref Utf8JsonReader json)
    {
        if (!IsArray(ref json, "an array of organization ids"))
        {
            return [];
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            if (json.TokenType == JsonTokenType.String)
            {
                _coLeads.Add(json.GetString()!);
                continue;
            }

            _path.PushIndex(i);
            Problem(json.TokenType == JsonTokenType.Null ? "must be an organization id, not null." : "must be an organization id (a string).");
            _path.Pop();
            json.Skip();
            _coLeads.Add("");
        }

        return Done(_coLeads);
    }

    private ImmutableArray<Service> Services(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (!IsArray(ref json, "an array of services"))
        {
            return [];
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            _path.PushIndex(i);
            _services.Add(Service(ref json, document));
            _path.Pop();
        }

        return Done(_services);
    }

    private Service Service(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a service object, not null." : "must be a service object.");
            json.Skip();
            return new Service { Id = "", Name = "", Area = ServiceArea.Nationwide, LastVerified = default };
        }

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
        _path.EnterObject();
        while ((p = NextProperty(ref json, ServiceProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    id = String(ref json);
                    break;
                case 1:
                    name = Intern(ref json);
                    break;
                case 2:
                    types = EnumArray<ServiceType>(ref json);
                    break;
                case 3:
                    area = Area(ref json);
                    break;
                case 4:
                    population = Population(ref json);
                    break;
                case 5:
                    languages = Items(ref json, "an array of language tags", _languageList, _language);
                    break;
                case 6:
                    availability = Availability(ref json, document);
                    break;
                case 7:
                    warm = Bool(ref json) ?? false;
                    break;
                case 8:
                    capacity = Enum<Capacity>(ref json);
                    break;
                case 9:
                    locations = Items(ref json, "an array of locations", _locations, _location);
                    break;
                case 10:
                    contacts = Items(ref json, "an array of contacts", _contacts, _contact);
                    break;
                default:
                    verified = Date(ref json);
                    break;
            }
        }

        Require(area is not null, "area", before);
        Require(availability is not null, "availability", before, "is required: { \"alwaysOpen\": true } or { \"calendar\": { ... } }.");
        Require(verified is not null, "lastVerified", before);
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

    private ServiceArea? Area(ref Utf8JsonReader json)
    {
        if (!IsObject(ref json, "an area object"))
        {
            return null;
        }

        var national = false;
        ImmutableArray<UsState> states = [];
        ImmutableArray<UsCounty> counties = [];
        ImmutableArray<ZipCodeInfo> zips = [];
        ImmutableArray<RadiusArea> radii = [];
        uint seen = 0;
        int p;
        _path.EnterObject();
        while ((p = NextProperty(ref json, AreaProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    national = Bool(ref json) ?? false;
                    break;
                case 1:
                    states = Items(ref json, "an array of state codes", _states, _state);
                    break;
                case 2:
                    counties = Items(ref json, "an array of county FIPS codes", _counties, _county);
                    break;
                case 3:
                    zips = Items(ref json, "an array of ZIP codes", _zips, _zip);
                    break;
                default:
                    radii = Items(ref json, "an array of radius objects", _radii, _radius);
                    break;
            }
        }

        return new ServiceArea { IsNational = national, States = states, Counties = counties, Zips = zips, Radii = radii };
    }

    /// <summary>Reads an array property item by item, each with its index on the path; null is an empty list.</summary>
    private ImmutableArray<T> Items<T>(ref Utf8JsonReader json, string what, List<T> items, ItemReader<T> read)
    {
        if (!IsArray(ref json, what))
        {
            return [];
        }

        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            _path.PushIndex(i);
            if (read(ref json, out var item))
            {
                items.Add(item);
            }

            _path.Pop();
        }

        return Done(items);
    }

    private bool State(ref Utf8JsonReader json, [MaybeNullWhen(false)] out UsState state)
    {
        state = null;
        if (!Text(ref json, "a state code", out var code))
        {
            return false;
        }

        state = StateByCode(code);
        if (state is null)
        {
            Problem(StateMessage(code));
        }

        return state is not null;
    }

    private bool County(ref Utf8JsonReader json, [MaybeNullWhen(false)] out UsCounty county)
    {
        county = null;
        if (!Text(ref json, "a county FIPS code", out var fips))
        {
            return false;
        }

        if (_gazetteer.TryGetCounty(fips, out county))
        {
            return true;
        }

        var text = fips.ToString();
        Problem(InputText.IsDigits(text, 5)
            ? $"county {text} is not in the gazetteer."
            : $"{InputText.Describe(text)} is not a county FIPS code: expected exactly 5 digits, such as 36061.");
        return false;
    }

    private bool Zip(ref Utf8JsonReader json, [MaybeNullWhen(false)] out ZipCodeInfo zip)
    {
        zip = null;
        if (!Text(ref json, "a ZIP code", out var text))
        {
            return false;
        }

        if (_gazetteer.TryGetZip(text, out zip))
        {
            return true;
        }

        Problem(ZipMessage(text));
        return false;
    }

    private bool Language(ref Utf8JsonReader json, [MaybeNullWhen(false)] out LanguageTag language)
    {
        language = null;
        if (!Text(ref json, "a language tag", out var text))
        {
            return false;
        }

        if (_languagesBySpan.TryGetValue(text, out language))
        {
            return true;
        }

        if (LanguageTag.TryParse(text.ToString(), out language))
        {
            _languagesBySpan[text] = language;
            return true;
        }

        Problem(LanguageTag.ProblemMessage);
        return false;
    }

    private bool Radius(ref Utf8JsonReader json, out RadiusArea radius)
    {
        radius = default;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a radius object, not null." : "must be a radius object.");
            json.Skip();
            return false;
        }

        var before = _problems.Count;
        double? latitude = null, longitude = null, kilometers = null;
        uint seen = 0;
        int p;
        _path.EnterObject();
        while ((p = NextProperty(ref json, RadiusProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    latitude = Number(ref json);
                    break;
                case 1:
                    longitude = Number(ref json);
                    break;
                default:
                    kilometers = Number(ref json);
                    break;
            }
        }

        var point = Point(latitude, longitude, before);
        if (kilometers is not { } km)
        {
            Require(false, "kilometers", before);
        }
        else if (!RadiusArea.IsValidRadius(km))
        {
            Problem("kilometers", RadiusArea.RadiusMessage);
        }

        if (_problems.Count != before)
        {
            return false;
        }

        radius = new RadiusArea(point!.Value, kilometers!.Value);
        return true;
    }

    private PopulationServed Population(ref Utf8JsonReader json)
    {
        if (!IsObject(ref json, "a population object"))
        {
            return PopulationServed.Everyone;
        }

        int? minAge = null, maxAge = null;
        ImmutableArray<Gender> genders = [];
        ImmutableArray<TraffickingType> trafficking = [];
        ImmutableArray<ImmigrationStatus> statuses = [];
        uint seen = 0;
        int p;
        _path.EnterObject();
        while ((p = NextProperty(ref json, PopulationProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    minAge = Integer(ref json);
                    break;
                case 1:
                    maxAge = Integer(ref json);
                    break;
                case 2:
                    genders = EnumArray<Gender>(ref json);
                    break;
                case 3:
                    trafficking = EnumArray<TraffickingType>(ref json);
                    break;
                default:
                    statuses = EnumArray<ImmigrationStatus>(ref json);
                    break;
            }
        }

        return new PopulationServed { MinAge = minAge, MaxAge = maxAge, Genders = genders, TraffickingTypes = trafficking, ImmigrationStatuses = statuses };
    }

    private ServiceAvailability? Availability(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (!IsObject(ref json, "an availability object"))
        {
            return null;
        }

        bool? alwaysOpen = null;
        ServiceAvailability? calendar = null;
        uint seen = 0;
        int p;
        _path.EnterObject();
        while ((p = NextProperty(ref json, AvailabilityProperties, ref seen)) >= 0)
        {
            if (p == 0)
            {
                alwaysOpen = Bool(ref json);
            }
            else if (json.TokenType == JsonTokenType.Null)
            {
                seen &= ~(1u << p);
            }
            else
            {
                calendar = Calendar(ref json, document);
            }
        }

        if (alwaysOpen == true)
        {
            if ((seen & 2) != 0)
            {
                Problem("has alwaysOpen, so must not also have a calendar.");
            }

            return ServiceAvailability.AlwaysOpen;
        }

        if ((seen & 2) == 0)
        {
            Problem("calendar", "is required unless alwaysOpen is true.");
        }

        return calendar ?? ServiceAvailability.AlwaysOpen;
    }

    /// <summary>
    /// On the calendar's first token: most services repeat one of a few calendars word for word, so the text
    /// itself is looked up first; a new text is deserialized by the source-generated context and built (or
    /// found by its canonical definition, so differently written equal definitions share one calendar), and
    /// remembered if it was valid.
    /// </summary>
    private ServiceAvailability? Calendar(ref Utf8JsonReader json, ReadOnlySpan<byte> document)
    {
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem("must be a calendar object.");
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

        var path = _path.Format();
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
        var result = Calendar(path, c!);
        if (_problems.Count == before)
        {
            _calendarTextsBySpan[text] = result;
        }

        return result;
    }

    private ServiceAvailability Calendar(string path, ServiceCalendarDocument c)
    {
        // The canonical text of the definition is the interning key. Only definitions that can be valid
        // are keyed (and only valid ones are added).
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

    private bool Location(ref Utf8JsonReader json, [MaybeNullWhen(false)] out ServiceLocation location)
    {
        location = null;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a location object, not null." : "must be a location object.");
            json.Skip();
            return false;
        }

        var before = _problems.Count;
        string? name = null, address = null, city = null;
        UsState? state = null;
        ZipCodeInfo? zip = null;
        double? latitude = null, longitude = null;
        var confidential = false;
        uint seen = 0;
        int p;
        _path.EnterObject();
        while ((p = NextProperty(ref json, LocationProperties, ref seen)) >= 0)
        {
            switch (p)
            {
                case 0:
                    name = Intern(ref json);
                    break;
                case 1:
                    address = String(ref json);
                    break;
                case 2:
                    city = Intern(ref json);
                    break;
                case 3:
                    State(ref json, out state);
                    break;
                case 4:
                    Zip(ref json, out zip);
                    break;
                case 5:
                    latitude = Number(ref json);
                    break;
                case 6:
                    longitude = Number(ref json);
                    break;
                default:
                    confidential = Bool(ref json) ?? false;
                    break;
            }
        }

        Require(!string.IsNullOrWhiteSpace(city), "city", before);
        Require(state is not null, "state", before);
        var point = Point(latitude, longitude, before);
        if (zip is not null && state is not null && zip.State != state)
        {
            Problem("zip", $"is in {zip.State.Code}, not {state.Code}.");
        }

        if (_problems.Count != before)
        {
            return false;
        }

        location = new ServiceLocation
        {
            Name = name,
            StreetAddress = address,
            City = city!,
            State = state!,
            Zip = zip,
            Point = point!.Value,
            IsConfidential = confidential,
        };
        return true;
    }

    private bool Contact(ref Utf8JsonReader json, [MaybeNullWhen(false)] out ServiceContact contact)
    {
        contact = null;
        if (json.TokenType != JsonTokenType.StartObject)
        {
            Problem(json.TokenType == JsonTokenType.Null ? "must be a contact object, not null." : "must be a contact object.");
            json.Skip();
            return false;
        }

        var before = _problems.Count;
        ContactChannel? channel = null;
        string? value = null;
        uint seen = 0;
        int p;
        _path.EnterObject();
        while ((p = NextProperty(ref json, ContactProperties, ref seen)) >= 0)
        {
            if (p == 0)
            {
                channel = Enum<ContactChannel>(ref json);
            }
            else
            {
                value = Intern(ref json);
            }
        }

        Require(channel is not null, "channel", before);
        Require(!string.IsNullOrWhiteSpace(value), "value", before, "is required: a phone number, address or link.");
        if (channel is not { } c || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        contact = new ServiceContact(c, value);
        return true;
    }

    /// <summary>
    /// Reads the next property of the object the reader is in (entered with <see cref="JsonPathStack.EnterObject"/>)
    /// and moves onto its value, with the property's name on the path; returns its index in <paramref name="names"/>,
    /// or -1 at the end of the object, whose slot it then leaves. Unknown properties and properties given a second
    /// time are reported and skipped (the first value stays). A null value counts as given: callers treat it as
    /// absent where the format allows.
    /// </summary>
    private int NextProperty(ref Utf8JsonReader json, PropertyNames names, ref uint seen)
    {
        _path.SetProperty(null);
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            // The property after the last one given is the likeliest next: seen's highest bit says which that was.
            var p = names.Find(ref json, seen == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount(seen));
            if (p < 0)
            {
                Problem(json.GetString()!, "is not a known property.");
            }
            else if ((seen & (1u << p)) != 0)
            {
                Problem(names[p], "is given twice; give each property once.");
            }
            else
            {
                seen |= 1u << p;
                _path.SetProperty(names[p]);
                json.Read();
                return p;
            }

            json.Read();
            json.Skip();
        }

        _path.Pop();
        return -1;
    }

    // True on an array's '['. Null is absent: false, nothing reported. Anything else is reported and skipped.
    private bool IsArray(ref Utf8JsonReader json, string what)
    {
        if (json.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        WrongType(ref json, what, item: false);
        return false;
    }

    // True on an object's '{', like IsArray.
    private bool IsObject(ref Utf8JsonReader json, string what)
    {
        if (json.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        WrongType(ref json, what, item: false);
        return false;
    }

    // A null property is absent (returns false); anything else, and a null array item, is reported as not
    // being what was expected, and skipped.
    private bool WrongType(ref Utf8JsonReader json, string what, bool item)
    {
        if (json.TokenType == JsonTokenType.Null && !item)
        {
            return false;
        }

        Problem(json.TokenType == JsonTokenType.Null ? $"must be {what}, not null." : $"must be {what}.");
        json.Skip();
        return true;
    }

    private string? String(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.String)
        {
            return json.GetString();
        }

        WrongType(ref json, "a string", item: false);
        return null;
    }

    // Service names, cities, location names and contact values repeat across a directory (100,000 synthetic
    // services have 32 service names and 16,000 cities); the model keeps one copy of each, and a repeat is
    // found without making a string for it.
    private string? Intern(ref Utf8JsonReader json)
    {
        if (!Text(ref json, "a string", out var text, item: false))
        {
            return null;
        }

        if (_stringsBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        _strings.Add(value);
        return value;
    }

    // A string value, or an item of a string array, unescaped into a buffer that the next call reuses; false
    // when it is null or not a string (reported, except a null property, which is absent).
    private bool Text(ref Utf8JsonReader json, string what, out ReadOnlySpan<char> text, bool item = true)
    {
        if (json.TokenType != JsonTokenType.String)
        {
            WrongType(ref json, what, item);
            text = default;
            return false;
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes chars, and unescaping only shortens.
        var bytes = json.HasValueSequence ? checked((int)json.ValueSequence.Length) : json.ValueSpan.Length;
        if (_text.Length < bytes)
        {
            _text = new char[Math.Max(bytes, _text.Length * 2)];
        }

        text = _text.AsSpan(0, json.CopyString(_text));
        return true;
    }

    private bool? Bool(ref Utf8JsonReader json)
    {
        if (json.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return json.TokenType == JsonTokenType.True;
        }

        WrongType(ref json, "true or false", item: false);
        return null;
    }

    private double? Number(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Number && json.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        WrongType(ref json, "a number", item: false);
        return null;
    }

    private int? Integer(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var value))
        {
            return value;
        }

        WrongType(ref json, "a whole number", item: false);
        return null;
    }

    private LocalDate? Date(ref Utf8JsonReader json)
    {
        if (!Text(ref json, "an ISO-8601 date such as 2026-03-01", out var text, item: false))
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        Problem("must be an ISO-8601 date such as 2026-03-01.");
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

    // A null property is absent (the caller decides whether it is required); an array item must be a string.
    private T? Enum<T>(ref Utf8JsonReader json, bool item = false)
        where T : struct, Enum
    {
        if (!Text(ref json, "a string", out var text, item))
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
        Problem($"'{token}' is not one of: {WireName<T>.Expected}.");
        return null;
    }

    private ImmutableArray<T> EnumArray<T>(ref Utf8JsonReader json)
        where T : unmanaged, Enum
    {
        if (!IsArray(ref json, "an array of strings"))
        {
            return [];
        }

        // Enum lists are short: they are gathered on the stack, and a long (invalid) one spills to a list.
        Span<T> buffer = stackalloc T[16];
        List<T>? spill = null;
        var count = 0;
        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
        {
            _path.PushIndex(i);
            if (Enum<T>(ref json, item: true) is { } value)
            {
                if (count < buffer.Length)
                {
                    buffer[count++] = value;
                }
                else
                {
                    (spill ??= [.. buffer]).Add(value);
                }
            }

            _path.Pop();
        }

        return spill is not null ? [.. spill] : count == 0 ? [] : ImmutableArray.Create(buffer[..count]);
    }

    /// <summary>
    /// Reports a missing value of the current object, unless <paramref name="present"/> or a problem was already
    /// added at its path since <paramref name="since"/> (a value of the wrong type, or an invalid one, is not
    /// also "required").
    /// </summary>
    private void Require(bool present, string member, int since, string message = "is required.")
    {
        if (present)
        {
            return;
        }

        var location = _path.Format(member);
        var items = _problems.Items;
        for (var i = since; i < items.Count; i++)
        {
            if (items[i].Location == location)
            {
                return;
            }
        }

        _problems.Add(location, message);
    }

    private void Problem(string message) => _problems.Add(_path.Format(), message);

    private void Problem(string member, string message) => _problems.Add(_path.Format(member), message);

    private GeoPoint? Point(double? latitude, double? longitude, int since)
    {
        var ok = true;
        if (latitude is not { } lat)
        {
            ok = false;
            Require(false, "latitude", since);
        }
        else if (!GeoPoint.IsValidLatitude(lat))
        {
            Problem("latitude", "must be degrees from -90 to 90.");
            ok = false;
        }

        if (longitude is not { } lon)
        {
            ok = false;
            Require(false, "longitude", since);
        }
        else if (!GeoPoint.IsValidLongitude(lon))
        {
            Problem("longitude", "must be degrees from -180 to 180.");
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

    // Copies a gathered list into an array of its exact size (the shared empty array when it is empty) and clears it.
    private static ImmutableArray<T> Done<T>(List<T> list)
    {
        if (list.Count == 0)
        {
            return [];
        }

        var result = ImmutableArray.Create(CollectionsMarshal.AsSpan(list));
        list.Clear();
        return result;
    }

    /// <summary>
    /// The JSON path of the value being read, kept as a stack of segments (a property name, or an array
    /// index) and formatted only when a problem is reported, so a valid document allocates no path at all.
    /// </summary>
    private sealed class JsonPathStack
    {
        private string?[] _names = new string?[16];
        private int[] _indices = new int[16];
        private int _depth;

        /// <summary>Adds the slot of an object's current property, named by <see cref="SetProperty"/>.</summary>
        public void EnterObject() => Push(null, -1);

        public void SetProperty(string? name) => _names[_depth - 1] = name;

        public void PushIndex(int index) => Push(null, index);

        public void Pop() => _depth--;

        /// <summary>The path, such as <c>$.organizations[3].services[0].area</c>, and a member of it when given.</summary>
        public string Format(string? member = null)
        {
            var path = new StringBuilder("$");
            for (var i = 0; i < _depth; i++)
            {
                if (_names[i] is { } name)
                {
                    path.Append(DocumentFields.PropertyPath("", name));
                }
                else if (_indices[i] >= 0)
                {
                    path.Append('[').Append(_indices[i]).Append(']');
                }
            }

            if (member is not null)
            {
                path.Append(DocumentFields.PropertyPath("", member));
            }

            return path.ToString();
        }

        private void Push(string? name, int index)
        {
            if (_depth == _names.Length)
            {
                Array.Resize(ref _names, _depth * 2);
                Array.Resize(ref _indices, _depth * 2);
            }

            _names[_depth] = name;
            _indices[_depth] = index;
            _depth++;
        }
    }

    /// <summary>
    /// The property names of one kind of object, matched against the reader's property name without making a
    /// string. Writers usually give properties in one order, so the search starts after the last one found.
    /// </summary>
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

        /// <summary>The index of the property the reader is on, or -1; <paramref name="hint"/> is where to look first.</summary>
        public int Find(ref Utf8JsonReader json, int hint)
        {
            if (json.ValueIsEscaped || json.HasValueSequence)
            {
                for (var i = 0; i < _utf8.Length; i++)
                {
                    if (json.ValueTextEquals(_utf8[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            var name = json.ValueSpan;
            var count = _utf8.Length;
            for (var k = 0; k < count; k++)
            {
                var i = hint + k;
                if (i >= count)
                {
                    i -= count;
                }

                var candidate = _utf8[i];
                if (candidate.Length == name.Length && name.SequenceEqual(candidate))
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
