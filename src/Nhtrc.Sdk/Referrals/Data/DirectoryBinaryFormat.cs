using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.InteropServices;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Referrals.Data;

/// <summary>
/// The prepared form of the embedded sample directory: a directory's organizations as a
/// <see cref="PreparedDataWriter"/> image, so that <see cref="ReferralDirectory.Sample"/> is built without reading
/// 4 MB of JSON. Written by src/Nhtrc.DataGen from the JSON in Referrals/Data (which stays the source, and what
/// <c>nhtrc validate</c> and <see cref="ReferralDirectoryJson"/> read); a test checks that both give the same
/// directory. The image is written from a directory that loaded, so reading it does not validate it again.
/// Internal: it is read only from this assembly's resources, never from user input.
/// </summary>
/// <remarks>
/// After the string table: the distinct calendars (count, then each one's calendar document field by field, as
/// <see cref="ServiceCalendarJson"/> would write it),
/// then the organizations (count, then each one's fields in declaration order: lists as a count and their items,
/// optional values with 0 for none, enums by value, states by index, counties and ZIP codes by number, points and
/// radii as exact doubles, availability as 0 for always open or a calendar's position plus one, dates as year,
/// month and day). ZIP codes and counties are resolved against the gazetteer given to <see cref="Read"/>.
/// </remarks>
internal static class DirectoryBinaryFormat
{
    public const string SampleResourceName = "Nhtrc.Sdk.Referrals.sample-directory.bin";

    private const int Version = 1;
    private const int MaxFiveDigits = 99_999;

    private static ReadOnlySpan<byte> Magic => "NHTRC directory\n"u8;

    /// <summary>The prepared image of <paramref name="directory"/>'s organizations.</summary>
    public static byte[] Write(ReferralDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var w = new PreparedDataWriter();

        // Calendars are shared between services, as the JSON reader shares them; each is written once.
        var calendars = new Dictionary<ServiceCalendar, int>(ReferenceEqualityComparer.Instance);
        var calendarDocuments = new List<ServiceCalendarDocument>();
        foreach (var organization in directory.Organizations)
        {
            foreach (var service in organization.Services)
            {
                if (service.Availability.Calendar is { } calendar && calendars.TryAdd(calendar, calendars.Count))
                {
                    calendarDocuments.Add(ServiceCalendarDocumentReader.ToDocument(calendar));
                }
            }
        }

        w.WriteCount(calendarDocuments.Count);
        foreach (var document in calendarDocuments)
        {
            WriteCalendar(w, document);
        }

        w.WriteCount(directory.Organizations.Length);
        foreach (var organization in directory.Organizations)
        {
            w.WriteString(organization.Id);
            w.WriteString(organization.Name);
            w.WriteCount((int)organization.Kind);
            w.WriteOptionalString(organization.Website);
            w.WriteCount(organization.CoLeadIds.Length);
            foreach (var id in organization.CoLeadIds)
            {
                w.WriteString(id);
            }

            w.WriteCount(organization.Services.Length);
            foreach (var service in organization.Services)
            {
                WriteService(w, service, calendars);
            }
        }

        return w.ToArray(Magic, Version);
    }

    /// <summary>The organizations an image written by <see cref="Write"/> holds, their places resolved against <paramref name="gazetteer"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// The image is not one (truncated, corrupt, another version), or names a ZIP code or county the gazetteer lacks.
    /// </exception>
    public static ImmutableArray<Organization> Read(ReadOnlySpan<byte> image, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var r = new PreparedDataReader(image, Magic, Version);
        var calendars = new ServiceAvailability[r.ReadLength()];
        for (var i = 0; i < calendars.Length; i++)
        {
            calendars[i] = ServiceAvailability.By(ReadCalendar(ref r));
        }

        var context = new ReadContext(gazetteer, calendars);
        var organizations = new Organization[r.ReadLength()];
        for (var o = 0; o < organizations.Length; o++)
        {
            var id = r.ReadString();
            var name = r.ReadString();
            var kind = (OrganizationKind)r.ReadCount();
            var website = r.ReadOptionalString();
            var coLeads = new string[r.ReadLength()];
            for (var i = 0; i < coLeads.Length; i++)
            {
                coLeads[i] = r.ReadString();
            }

            var services = new Service[r.ReadLength()];
            for (var i = 0; i < services.Length; i++)
            {
                services[i] = ReadService(ref r, context);
            }

            organizations[o] = new Organization
            {
                Id = id,
                Name = name,
                Kind = kind,
                Website = website,
                CoLeadIds = ImmutableCollectionsMarshal.AsImmutableArray(coLeads),
                Services = ImmutableCollectionsMarshal.AsImmutableArray(services),
            };
        }

        if (!r.AtEnd)
        {
            throw r.Corrupt();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(organizations);
    }

    private static void WriteService(PreparedDataWriter w, Service service, Dictionary<ServiceCalendar, int> calendars)
    {
        w.WriteString(service.Id);
        w.WriteString(service.Name);
        WriteEnums(w, service.Types);

        var area = service.Area;
        w.WriteBoolean(area.IsNational);
        w.WriteCount(area.States.Length);
        foreach (var state in area.States)
        {
            w.WriteCount(state.Index);
        }

        w.WriteCount(area.Counties.Length);
        foreach (var county in area.Counties)
        {
            w.WriteCount(county.FipsNumber);
        }

        w.WriteCount(area.Zips.Length);
        foreach (var zip in area.Zips)
        {
            w.WriteCount(zip.Number);
        }

        w.WriteCount(area.Radii.Length);
        foreach (var radius in area.Radii)
        {
            w.WriteDouble(radius.Center.Latitude);
            w.WriteDouble(radius.Center.Longitude);
            w.WriteDouble(radius.RadiusKilometers);
        }

        var population = service.Population;
        w.WriteBoolean(ReferenceEquals(population, PopulationServed.Everyone));
        if (!ReferenceEquals(population, PopulationServed.Everyone))
        {
            w.WriteOptionalCount(population.MinAge);
            w.WriteOptionalCount(population.MaxAge);
            WriteEnums(w, population.Genders);
            WriteEnums(w, population.TraffickingTypes);
            WriteEnums(w, population.ImmigrationStatuses);
        }

        w.WriteCount(service.Languages.Length);
        foreach (var language in service.Languages)
        {
            w.WriteString(language.Value);
        }

        w.WriteCount(service.Availability.Calendar is { } calendar ? calendars[calendar] + 1 : 0);
        w.WriteBoolean(service.AcceptsWarmTransfers);
        w.WriteCount((int)service.Capacity);

        w.WriteCount(service.Locations.Length);
        foreach (var location in service.Locations)
        {
            w.WriteOptionalString(location.Name);
            w.WriteOptionalString(location.StreetAddress);
            w.WriteString(location.City);
            w.WriteCount(location.State.Index);
            w.WriteOptionalCount(location.Zip?.Number);
            w.WriteDouble(location.Point.Latitude);
            w.WriteDouble(location.Point.Longitude);
            w.WriteBoolean(location.IsConfidential);
        }

        w.WriteCount(service.Contacts.Length);
        foreach (var contact in service.Contacts)
        {
            w.WriteCount((int)contact.Channel);
            w.WriteString(contact.Value);
        }

        var verified = service.LastVerified;
        w.WriteCount(verified.Year);
        w.WriteCount(verified.Month);
        w.WriteCount(verified.Day);
    }

    private static Service ReadService(ref PreparedDataReader r, ReadContext context)
    {
        var id = r.ReadString();
        var name = r.ReadString();
        var types = ReadEnums<ServiceType>(ref r);

        var national = r.ReadBoolean();
        var states = new UsState[r.ReadLength()];
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = UsState.All[r.ReadCount(UsState.All.Length - 1)];
        }

        var counties = new UsCounty[r.ReadLength()];
        for (var i = 0; i < counties.Length; i++)
        {
            counties[i] = context.Gazetteer.TryGetCounty(r.ReadCount(MaxFiveDigits), out var county) ? county : throw r.Corrupt();
        }

        var zips = new ZipCodeInfo[r.ReadLength()];
        for (var i = 0; i < zips.Length; i++)
        {
            zips[i] = context.Gazetteer.TryGetZip(r.ReadCount(MaxFiveDigits), out var zip) ? zip : throw r.Corrupt();
        }

        var radii = new RadiusArea[r.ReadLength()];
        for (var i = 0; i < radii.Length; i++)
        {
            var center = Point(ref r);
            var kilometers = r.ReadDouble();
            radii[i] = RadiusArea.IsValidRadius(kilometers) ? new RadiusArea(center, kilometers) : throw r.Corrupt();
        }

        var population = PopulationServed.Everyone;
        if (!r.ReadBoolean())
        {
            population = new PopulationServed
            {
                MinAge = r.ReadOptionalCount(PopulationServed.MaximumAge),
                MaxAge = r.ReadOptionalCount(PopulationServed.MaximumAge),
                Genders = ReadEnums<Gender>(ref r),
                TraffickingTypes = ReadEnums<TraffickingType>(ref r),
                ImmigrationStatuses = ReadEnums<ImmigrationStatus>(ref r),
            };
        }

        var languages = new LanguageTag[r.ReadLength()];
        for (var i = 0; i < languages.Length; i++)
        {
            languages[i] = context.Language(r.ReadString()) ?? throw r.Corrupt();
        }

        var calendar = r.ReadCount(context.Calendars.Length);
        var availability = calendar == 0 ? ServiceAvailability.AlwaysOpen : context.Calendars[calendar - 1];
        var warm = r.ReadBoolean();
        var capacity = (Capacity)r.ReadCount();

        var locations = new ServiceLocation[r.ReadLength()];
        for (var i = 0; i < locations.Length; i++)
        {
            var locationName = r.ReadOptionalString();
            var address = r.ReadOptionalString();
            var city = r.ReadString();
            var state = UsState.All[r.ReadCount(UsState.All.Length - 1)];
            ZipCodeInfo? zip = null;
            if (r.ReadOptionalCount(MaxFiveDigits) is { } number && !context.Gazetteer.TryGetZip(number, out zip))
            {
                throw r.Corrupt();
            }

            locations[i] = new ServiceLocation
            {
                Name = locationName,
                StreetAddress = address,
                City = city,
                State = state,
                Zip = zip,
                Point = Point(ref r),
                IsConfidential = r.ReadBoolean(),
            };
        }

        var contacts = new ServiceContact[r.ReadLength()];
        for (var i = 0; i < contacts.Length; i++)
        {
            var channel = (ContactChannel)r.ReadCount();
            var value = r.ReadString();
            contacts[i] = string.IsNullOrWhiteSpace(value) ? throw r.Corrupt() : new ServiceContact(channel, value);
        }

        var year = r.ReadCount(9999);
        var month = r.ReadCount(12);
        var day = r.ReadCount(31);
        LocalDate verified;
        try
        {
            verified = new LocalDate(year, month, day);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw r.Corrupt();
        }

        return new Service
        {
            Id = id,
            Name = name,
            Types = types,
            Area = new ServiceArea
            {
                IsNational = national,
                States = ImmutableCollectionsMarshal.AsImmutableArray(states),
                Counties = ImmutableCollectionsMarshal.AsImmutableArray(counties),
                Zips = ImmutableCollectionsMarshal.AsImmutableArray(zips),
                Radii = ImmutableCollectionsMarshal.AsImmutableArray(radii),
            },
            Population = population,
            Languages = ImmutableCollectionsMarshal.AsImmutableArray(languages),
            Availability = availability,
            AcceptsWarmTransfers = warm,
            Capacity = capacity,
            Locations = ImmutableCollectionsMarshal.AsImmutableArray(locations),
            Contacts = ImmutableCollectionsMarshal.AsImmutableArray(contacts),
            LastVerified = verified,
        };
    }

    // A calendar as its document (ServiceCalendarDocumentReader.ToDocument), field by field; reading builds it with the
    // same ToCalendar that builds a calendar read from JSON, only without the JSON.
    private static void WriteCalendar(PreparedDataWriter w, ServiceCalendarDocument d)
    {
        if (d.Unknown is not null)
        {
            throw new ArgumentException("A calendar document with unknown properties has no prepared form.", nameof(d));
        }

        w.WriteOptionalString(d.Id);
        w.WriteOptionalString(d.TimeZone);
        w.WriteOptionalCount(d.WeeklyHours?.Count);
        foreach (var (day, hours) in d.WeeklyHours ?? [])
        {
            w.WriteString(day);
            WriteStrings(w, hours);
        }

        WriteStrings(w, d.HolidayCalendars);
        w.WriteOptionalCount(d.Holidays?.Count);
        foreach (var holiday in d.Holidays ?? [])
        {
            w.WriteBoolean(holiday is not null);
            if (holiday is not null)
            {
                w.WriteOptionalString(holiday.Name);
                w.WriteOptionalString(holiday.Date);
                w.WriteOptionalString(holiday.Observed);
            }
        }

        w.WriteOptionalCount(d.Overrides?.Count);
        foreach (var item in d.Overrides ?? [])
        {
            w.WriteBoolean(item is not null);
            if (item is not null)
            {
                w.WriteOptionalString(item.Date);
                w.WriteOptionalCount(item.Closed is { } closed ? (closed ? 1 : 0) : null);
                WriteStrings(w, item.Hours);
            }
        }
    }

    private static ServiceCalendar ReadCalendar(ref PreparedDataReader r)
    {
        var d = new ServiceCalendarDocument { Id = r.ReadOptionalString(), TimeZone = r.ReadOptionalString() };
        if (r.ReadOptionalCount(7) is { } days)
        {
            d.WeeklyHours = new Dictionary<string, List<string?>?>(days, StringComparer.Ordinal);
            for (var i = 0; i < days; i++)
            {
                d.WeeklyHours[r.ReadString()] = ReadStrings(ref r);
            }
        }

        d.HolidayCalendars = ReadStrings(ref r);
        if (r.ReadOptionalLength() is { } holidays)
        {
            d.Holidays = new List<HolidayDocument?>(holidays);
            for (var i = 0; i < holidays; i++)
            {
                d.Holidays.Add(r.ReadBoolean() ? new HolidayDocument { Name = r.ReadOptionalString(), Date = r.ReadOptionalString(), Observed = r.ReadOptionalString() } : null);
            }
        }

        if (r.ReadOptionalLength() is { } overrides)
        {
            d.Overrides = new List<DateOverrideDocument?>(overrides);
            for (var i = 0; i < overrides; i++)
            {
                d.Overrides.Add(r.ReadBoolean()
                    ? new DateOverrideDocument { Date = r.ReadOptionalString(), Closed = r.ReadOptionalCount(1) is { } closed ? closed == 1 : null, Hours = ReadStrings(ref r) }
                    : null);
            }
        }

        try
        {
            return ServiceCalendarDocumentReader.ToCalendar(d);
        }
        catch (NhtrcValidationException)
        {
            throw r.Corrupt();
        }
    }

    private static void WriteStrings(PreparedDataWriter w, List<string?>? values)
    {
        w.WriteOptionalCount(values?.Count);
        foreach (var value in values ?? [])
        {
            w.WriteOptionalString(value);
        }
    }

    private static List<string?>? ReadStrings(ref PreparedDataReader r)
    {
        if (r.ReadOptionalLength() is not { } count)
        {
            return null;
        }

        var values = new List<string?>(count);
        for (var i = 0; i < count; i++)
        {
            values.Add(r.ReadOptionalString());
        }

        return values;
    }

    private static void WriteEnums<T>(PreparedDataWriter w, ImmutableArray<T> values)
        where T : struct, Enum
    {
        w.WriteCount(values.Length);
        foreach (var value in values)
        {
            w.WriteCount(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static ImmutableArray<T> ReadEnums<T>(ref PreparedDataReader r)
        where T : struct, Enum
    {
        var values = new T[r.ReadLength()];
        for (var i = 0; i < values.Length; i++)
        {
            var value = r.ReadCount();
            values[i] = System.Runtime.CompilerServices.Unsafe.As<int, T>(ref value);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static GeoPoint Point(ref PreparedDataReader r)
    {
        var latitude = r.ReadDouble();
        var longitude = r.ReadDouble();
        return GeoPoint.IsValidLatitude(latitude) && GeoPoint.IsValidLongitude(longitude) ? new GeoPoint(latitude, longitude) : throw r.Corrupt();
    }

    /// <summary>What services of one image share: the gazetteer, the calendars and one instance per language tag.</summary>
    private sealed class ReadContext(Gazetteer gazetteer, ServiceAvailability[] calendars)
    {
        private readonly Dictionary<string, LanguageTag> _languages = new(StringComparer.Ordinal);

        public Gazetteer Gazetteer { get; } = gazetteer;

        public ServiceAvailability[] Calendars { get; } = calendars;

        /// <summary>The tag <paramref name="value"/> is the text of; null when it is none.</summary>
        public LanguageTag? Language(string value)
        {
            if (!_languages.TryGetValue(value, out var tag))
            {
                if (!LanguageTag.TryParse(value, out tag) || tag.Value != value)
                {
                    return null;
                }

                _languages.Add(value, tag);
            }

            return tag;
        }
    }
}
