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
/// Turns a <see cref="DirectoryDocument"/> into organizations, collecting every problem with its JSON path.
/// Organizations and services are always built (with what was valid) so that the semantic checks of
/// <see cref="DirectoryValidator"/> see the document's indices; nothing is returned unless both passes are clean.
/// Identical calendar definitions share one <see cref="ServiceCalendar"/>, so its per-year cache is built once.
/// </summary>
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

    private readonly ProblemList _problems = new();
    private readonly Gazetteer _gazetteer;
    private readonly ConcurrentDictionary<string, ServiceAvailability> _calendars;
    private readonly Dictionary<string, LanguageTag> _languages = new(StringComparer.Ordinal);
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly StringBuilder _key = new();
    private readonly ConcurrentDictionary<string, ServiceAvailability>.AlternateLookup<ReadOnlySpan<char>> _calendarsBySpan;
    private char[] _keyBuffer = new char[256];

    // Readers working on parts of one document share the calendars (only valid ones are added, and two
    // equal keys build equal calendars), so identical definitions still share one calendar across threads.
    private DirectoryDocumentReader(Gazetteer gazetteer, ConcurrentDictionary<string, ServiceAvailability>? calendars = null)
    {
        _gazetteer = gazetteer;
        _calendars = calendars ?? new ConcurrentDictionary<string, ServiceAvailability>(StringComparer.Ordinal);
        _calendarsBySpan = _calendars.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    // The pattern parser costs about a microsecond, a tenth of a service's whole read; plain
    // yyyy-MM-dd is read by hand and anything else falls back to the pattern.
    private static bool TryParseDate(string text, out LocalDate date)
    {
        var span = text.AsSpan();
        if (span.Length == 10 && span[4] == '-' && span[7] == '-'
            && int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(span[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(span[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            date = new LocalDate(year, month, day);
            return true;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    /// <summary>
    /// Reads UTF-8 JSON one organization at a time: each organization's document is converted and dropped
    /// before the next is read, so the garbage stays young and a large directory loads without promoting
    /// its whole document tree through the GC generations.
    /// </summary>
    public static ImmutableArray<Organization> Read(ReadOnlySpan<byte> utf8Json, Gazetteer gazetteer) =>
        Read(utf8Json, default, gazetteer, parallel: false);

    /// <summary>
    /// Reads UTF-8 JSON like <see cref="Read(ReadOnlySpan{byte}, Gazetteer)"/>, with the same result and the
    /// same problems in the same order, but converts the organizations of a large document on several
    /// threads: one pass finds each organization's bytes, then contiguous runs of organizations are
    /// deserialized and converted in parallel, each with its own problem list, and the results are joined in
    /// document order. Anything the serializer rejects (malformed JSON, a property given twice, a value of
    /// the wrong JSON type) makes it read the whole document again on one thread, so that error is reported
    /// exactly as before.
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
        var path = "$";
        int? version = null;
        var sawOrganizations = false;
        var sawVersion = false;
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                problems.Add("$", json.TokenType == JsonTokenType.Null ? "must be a JSON object, not null." : "must be a JSON object.");
                problems.ThrowIfAny(Subject);
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var name = json.GetString()!;
                path = DocumentFields.PropertyPath("$", name);
                json.Read();
                switch (name)
                {
                    case "formatVersion" when !sawVersion:
                        sawVersion = true;
                        if (json.TokenType != JsonTokenType.Null)
                        {
                            version = json.TokenType == JsonTokenType.Number && json.TryGetInt32(out var v) ? v : throw new JsonException();
                        }

                        break;
                    case "organizations" when !sawOrganizations:
                        sawOrganizations = true;
                        if (json.TokenType == JsonTokenType.Null)
                        {
                            sawOrganizations = false;
                            break;
                        }

                        if (json.TokenType != JsonTokenType.StartArray)
                        {
                            throw new JsonException();
                        }

                        if (parallel)
                        {
                            if (!ReadOrganizationsInParallel(ref json, memory, reader, organizations))
                            {
                                return default;
                            }

                            break;
                        }

                        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                        {
                            path = $"$.organizations[{organizations.Count}]";
                            var document = JsonSerializer.Deserialize(ref json, DirectoryJsonContext.Default.OrganizationDocument);
                            organizations.Add(reader.Organization(path, document));
                        }

                        break;
                    case "formatVersion" or "organizations":
                        throw new JsonException();
                    default:
                        problems.Add(path, "is not a known property.");
                        json.Skip();
                        break;
                }

                path = "$";
            }

            if (json.Read())
            {
                throw new JsonException();
            }
        }
        catch (JsonException e)
        {
            throw Malformed(path, e);
        }

        if (version is null)
        {
            problems.Add("$.formatVersion", "is required.");
        }
        else if (version != FormatVersion)
        {
            problems.Add("$.formatVersion", $"must be {FormatVersion}.");
        }

        if (!sawOrganizations)
        {
            problems.Add("$.organizations", "is required.");
        }

        var result = organizations.ToImmutable();
        DirectoryValidator.Validate(problems, result, "$.organizations");
        problems.ThrowIfAny(Subject);
        return result;
    }

    // The reader is on the organizations' '['; on success it is on the ']' and every organization has been
    // added, with its problems added to the reader's list in document order. On false (something the
    // serializer rejects) nothing has been added and the caller starts again on one thread.
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
                    var element = new Utf8JsonReader(memory.Span[starts[i]..ends[i]]);
                    element.Read();
                    var document = JsonSerializer.Deserialize(ref element, DirectoryJsonContext.Default.OrganizationDocument);
                    results[i] = part.Organization($"$.organizations[{i}]", document);
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

    // The serializer's message can quote document text, so it is replaced by the path and position only.
    // A path inside an organization is relative to it, so it is joined to the organization's own path.
    public static NhtrcValidationException Malformed(string path, JsonException e)
    {
        var inner = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path[1..];
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" : "";
        return new NhtrcValidationException(Subject,
            [new ValidationProblem(path + inner, $"is not valid JSON, is given twice, or has a value of the wrong JSON type{where}.")]);
    }

    private Organization Organization(string path, OrganizationDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "must be an organization object, not null.");
            return new Organization { Id = "", Name = "", Kind = OrganizationKind.ServiceProvider };
        }

        DocumentFields.Unknown(_problems, path, d.Unknown);
        var kind = Enum<OrganizationKind>(path, "kind", d.Kind, required: true);
        var coLeads = ImmutableArray.CreateBuilder<string>();
        var coLeadItems = d.CoLeads ?? [];
        for (var i = 0; i < coLeadItems.Count; i++)
        {
            if (coLeadItems[i] is null)
            {
                _problems.Add($"{path}.coLeads[{i}]", "must be an organization id, not null.");
            }

            coLeads.Add(coLeadItems[i] ?? "");
        }

        var services = ImmutableArray.CreateBuilder<Service>(d.Services?.Count ?? 0);
        var serviceItems = d.Services ?? [];
        for (var i = 0; i < serviceItems.Count; i++)
        {
            services.Add(Service($"{path}.services[{i}]", serviceItems[i]));
        }

        return new Organization
        {
            Id = d.Id ?? "",
            Name = d.Name ?? "",
            Kind = kind ?? OrganizationKind.ServiceProvider,
            Website = d.Website,
            CoLeadIds = coLeads.ToImmutable(),
            Services = services.MoveToImmutable(),
        };
    }

    private Service Service(string path, ServiceDocument? d)
    {
        if (d is null)
        {
            _problems.Add(path, "must be a service object, not null.");
            return new Service { Id = "", Name = "", Area = ServiceArea.Nationwide, LastVerified = default };
        }

        DocumentFields.Unknown(_problems, path, d.Unknown);
        var types = EnumList<ServiceType>(path, "types", d.Types);
        var languages = ImmutableArray.CreateBuilder<LanguageTag>(d.Languages?.Count ?? 0);
        var languageItems = d.Languages ?? [];
        for (var i = 0; i < languageItems.Count; i++)
        {
            if (Language(path, i, languageItems[i]) is { } tag)
            {
                languages.Add(tag);
            }
        }

        var capacity = Enum<Capacity>(path, "capacity", d.Capacity, required: false);
        var locations = ImmutableArray.CreateBuilder<ServiceLocation>(d.Locations?.Count ?? 0);
        var locationItems = d.Locations ?? [];
        for (var i = 0; i < locationItems.Count; i++)
        {
            if (Location(path, i, locationItems[i]) is { } location)
            {
                locations.Add(location);
            }
        }

        var contacts = ImmutableArray.CreateBuilder<ServiceContact>(d.Contacts?.Count ?? 0);
        var contactItems = d.Contacts ?? [];
        for (var i = 0; i < contactItems.Count; i++)
        {
            if (Contact(path, i, contactItems[i]) is { } contact)
            {
                contacts.Add(contact);
            }
        }

        LocalDate verified = default;
        if (d.LastVerified is null)
        {
            _problems.Add(path + ".lastVerified", "is required.");
        }
        else if (!TryParseDate(d.LastVerified, out verified))
        {
            _problems.Add(path + ".lastVerified", "must be an ISO-8601 date such as 2026-03-01.");
        }

        return new Service
        {
            Id = d.Id ?? "",
            Name = Intern(d.Name) ?? "",
            Types = types,
            Area = Area(path, d.Area),
            Population = Population(path, d.Population),
            Languages = Done(languages),
            Availability = Availability(path, d.Availability),
            AcceptsWarmTransfers = d.AcceptsWarmTransfers ?? false,
            Capacity = capacity ?? Capacity.Accepting,
            Locations = Done(locations),
            Contacts = Done(contacts),
            LastVerified = verified,
        };
    }

    private ServiceArea Area(string service, AreaDocument? d)
    {
        if (d is null)
        {
            _problems.Add(service + ".area", "is required.");
            return ServiceArea.Nationwide;
        }

        if (d.Unknown is not null)
        {
            DocumentFields.Unknown(_problems, service + ".area", d.Unknown);
        }

        var items = d.States ?? [];
        var states = ImmutableArray.CreateBuilder<UsState>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (State(service, "area.states", i, items[i]) is { } state)
            {
                states.Add(state);
            }
        }

        items = d.Counties ?? [];
        var counties = ImmutableArray.CreateBuilder<UsCounty>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (County(service, i, items[i]) is { } county)
            {
                counties.Add(county);
            }
        }

        items = d.Zips ?? [];
        var zips = ImmutableArray.CreateBuilder<ZipCodeInfo>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Zip(service, "area.zips", i, items[i]) is { } zip)
            {
                zips.Add(zip);
            }
        }

        var radiusItems = d.Radii ?? [];
        var radii = ImmutableArray.CreateBuilder<RadiusArea>(radiusItems.Count);
        for (var i = 0; i < radiusItems.Count; i++)
        {
            var r = radiusItems[i];
            if (r is null)
            {
                _problems.Add($"{service}.area.radii[{i}]", "must be a radius object, not null.");
                continue;
            }

            var before = _problems.Count;
            if (r.Unknown is not null)
            {
                DocumentFields.Unknown(_problems, $"{service}.area.radii[{i}]", r.Unknown);
            }

            var point = Point(service, "area.radii", i, r.Latitude, r.Longitude);
            if (r.Kilometers is not { } km)
            {
                _problems.Add($"{service}.area.radii[{i}].kilometers", "is required.");
            }
            else if (!RadiusArea.IsValidRadius(km))
            {
                _problems.Add($"{service}.area.radii[{i}].kilometers", RadiusArea.RadiusMessage);
            }

            if (_problems.Count == before)
            {
                radii.Add(new RadiusArea(point!.Value, r.Kilometers!.Value));
            }
        }

        return new ServiceArea
        {
            IsNational = d.National ?? false,
            States = Done(states),
            Counties = Done(counties),
            Zips = Done(zips),
            Radii = Done(radii),
        };
    }

    // An empty list is the shared empty array, not a new one per builder.
    private static ImmutableArray<T> Done<T>(ImmutableArray<T>.Builder builder) =>
        builder.Count == 0 ? [] : builder.Count == builder.Capacity ? builder.MoveToImmutable() : builder.ToImmutable();

    // Service names, cities, location names and contact values repeat across a directory (100,000 synthetic
    // services have 32 service names and 16,000 cities); the model keeps one copy of each, so there is
    // less for the GC to promote while a large directory loads and less to retain after.
    private string? Intern(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_strings.TryGetValue(value, out var known))
        {
            return known;
        }

        _strings.Add(value);
        return value;
    }

    private PopulationServed Population(string service, PopulationDocument? d)
    {
        if (d is null)
        {
            return PopulationServed.Everyone;
        }

        if (d.Unknown is not null)
        {
            DocumentFields.Unknown(_problems, service + ".population", d.Unknown);
        }

        return new PopulationServed
        {
            MinAge = d.MinAge,
            MaxAge = d.MaxAge,
            Genders = EnumList<Gender>(service, "population.genders", d.Genders),
            TraffickingTypes = EnumList<TraffickingType>(service, "population.traffickingTypes", d.TraffickingTypes),
            ImmigrationStatuses = EnumList<ImmigrationStatus>(service, "population.immigrationStatuses", d.ImmigrationStatuses),
        };
    }

    private ServiceAvailability Availability(string service, AvailabilityDocument? d)
    {
        var path = service + ".availability";
        if (d is null)
        {
            _problems.Add(path, "is required: { \"alwaysOpen\": true } or { \"calendar\": { ... } }.");
            return ServiceAvailability.AlwaysOpen;
        }

        if (d.Unknown is not null)
        {
            DocumentFields.Unknown(_problems, path, d.Unknown);
        }

        if (d.AlwaysOpen == true)
        {
            if (d.Calendar is not null)
            {
                _problems.Add(path, "has alwaysOpen, so must not also have a calendar.");
            }

            return ServiceAvailability.AlwaysOpen;
        }

        var c = d.Calendar;
        if (c is null)
        {
            _problems.Add(path + ".calendar", "is required unless alwaysOpen is true.");
            return ServiceAvailability.AlwaysOpen;
        }

        // The canonical text of the definition is the interning key: most services share a calendar that
        // an earlier service already validated and built, and parsing times is what costs, so a known key
        // returns at once. Only definitions that can be valid are keyed (and only valid ones are added).
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

        return Build(path + ".calendar", c, keyed);
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

    private ServiceLocation? Location(string service, int index, ServiceLocationDocument? d)
    {
        if (d is null)
        {
            _problems.Add($"{service}.locations[{index}]", "must be a location object, not null.");
            return null;
        }

        var before = _problems.Count;
        if (d.Unknown is not null)
        {
            DocumentFields.Unknown(_problems, $"{service}.locations[{index}]", d.Unknown);
        }

        if (string.IsNullOrWhiteSpace(d.City))
        {
            _problems.Add($"{service}.locations[{index}].city", "is required.");
        }

        var state = d.State is null ? null : State(service, "locations", index, d.State, ".state");
        if (d.State is null)
        {
            _problems.Add($"{service}.locations[{index}].state", "is required.");
        }

        var zip = d.Zip is null ? null : Zip(service, "locations", index, d.Zip, ".zip");
        var point = Point(service, "locations", index, d.Latitude, d.Longitude);
        if (zip is not null && state is not null && zip.State != state)
        {
            _problems.Add($"{service}.locations[{index}].zip", $"is in {zip.State.Code}, not {state.Code}.");
        }

        return _problems.Count != before ? null : new ServiceLocation
        {
            Name = Intern(d.Name),
            StreetAddress = d.Address,
            City = Intern(d.City)!,
            State = state!,
            Zip = zip,
            Point = point!.Value,
            IsConfidential = d.Confidential ?? false,
        };
    }

    private ServiceContact? Contact(string service, int index, ServiceContactDocument? d)
    {
        if (d is null)
        {
            _problems.Add($"{service}.contacts[{index}]", "must be a contact object, not null.");
            return null;
        }

        if (d.Unknown is not null)
        {
            DocumentFields.Unknown(_problems, $"{service}.contacts[{index}]", d.Unknown);
        }

        var channel = Enum<ContactChannel>($"{service}.contacts[{index}]", "channel", d.Channel, required: true);
        if (string.IsNullOrWhiteSpace(d.Value))
        {
            _problems.Add($"{service}.contacts[{index}].value", "is required: a phone number, address or link.");
            return null;
        }

        return channel is { } c ? new ServiceContact(c, Intern(d.Value)!) : null;
    }

    // Paths are formatted only for problems; a valid document of 100,000 services allocates none.
    private static string ItemPath(string parent, string member, int index, string suffix = "") =>
        index < 0 ? $"{parent}.{member}{suffix}" : $"{parent}.{member}[{index}]{suffix}";

    private GeoPoint? Point(string parent, string member, int index, double? latitude, double? longitude)
    {
        var ok = true;
        if (latitude is not { } lat)
        {
            _problems.Add(ItemPath(parent, member, index, ".latitude"), "is required.");
            ok = false;
        }
        else if (!GeoPoint.IsValidLatitude(lat))
        {
            _problems.Add(ItemPath(parent, member, index, ".latitude"), "must be degrees from -90 to 90.");
            ok = false;
        }

        if (longitude is not { } lon)
        {
            _problems.Add(ItemPath(parent, member, index, ".longitude"), "is required.");
            ok = false;
        }
        else if (!GeoPoint.IsValidLongitude(lon))
        {
            _problems.Add(ItemPath(parent, member, index, ".longitude"), "must be degrees from -180 to 180.");
            ok = false;
        }

        return ok ? new GeoPoint(latitude!.Value, longitude!.Value) : null;
    }

    private UsState? State(string parent, string member, int index, string? code, string suffix = "")
    {
        if (UsState.TryGetByCode(code, out var state) && code == state.Code)
        {
            return state;
        }

        _problems.Add(ItemPath(parent, member, index, suffix), code is null ? "must be a state code, not null." : $"{InputText.Describe(code)} is not the upper-case USPS code of one of the 50 states or DC.");
        return null;
    }

    private UsCounty? County(string parent, int index, string? fips)
    {
        if (_gazetteer.TryGetCounty(fips, out var county))
        {
            return county;
        }

        _problems.Add(ItemPath(parent, "area.counties", index), fips is null ? "must be a county FIPS code, not null."
            : InputText.IsDigits(fips, 5) ? $"county {fips} is not in the gazetteer."
            : $"{InputText.Describe(fips)} is not a county FIPS code: expected exactly 5 digits, such as 36061.");
        return null;
    }

    private ZipCodeInfo? Zip(string parent, string member, int index, string? zip, string suffix = "")
    {
        if (_gazetteer.TryGetZip(zip, out var info))
        {
            return info;
        }

        _problems.Add(ItemPath(parent, member, index, suffix), zip is null ? "must be a ZIP code, not null."
            : InputText.IsDigits(zip, 5) ? $"ZIP code {zip} is not in the gazetteer (50 states and DC only)."
            : $"{InputText.Describe(zip)} is not a ZIP code: expected exactly 5 digits, such as 02108.");
        return null;
    }

    private LanguageTag? Language(string service, int index, string? value)
    {
        if (value is not null && _languages.TryGetValue(value, out var cached))
        {
            return cached;
        }

        if (LanguageTag.TryParse(value, out var tag))
        {
            _languages[value] = tag;
            return tag;
        }

        _problems.Add(ItemPath(service, "languages", index), LanguageTag.ProblemMessage);
        return null;
    }

    private ImmutableArray<T> EnumList<T>(string parent, string member, List<string?>? items)
        where T : struct, Enum
    {
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Enum<T>(parent, member, items[i], required: true, i) is { } value)
            {
                builder.Add(value);
            }
        }

        return Done(builder);
    }

    private T? Enum<T>(string parent, string member, string? value, bool required, int index = -1)
        where T : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                _problems.Add(ItemPath(parent, member, index), "is required.");
            }

            return null;
        }

        if (WireName<T>.TryParse(value, out var result))
        {
            return result;
        }

        var token = value.Length <= MaxQuotedToken ? value : value[..MaxQuotedToken] + "...";
        _problems.Add(ItemPath(parent, member, index), $"'{token}' is not one of: {WireName<T>.Expected}.");
        return null;
    }
}
