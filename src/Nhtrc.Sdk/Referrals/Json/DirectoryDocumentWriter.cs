using System.Collections.Generic;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Text;
using NodaTime.Text;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Turns a <see cref="ReferralDirectory"/> into its <see cref="DirectoryDocument"/> (docs/referrals.md), which
/// <see cref="DirectoryDocumentReader"/> reads back to an equal directory: empty lists and defaults are left
/// out, a calendar is written with its id (a derived id read back is the same id), and places as their codes.
/// </summary>
internal static class DirectoryDocumentWriter
{
    public static DirectoryDocument ToDocument(ReferralDirectory directory)
    {
        var organizations = new List<OrganizationDocument?>(directory.Organizations.Length);
        foreach (var organization in directory.Organizations)
        {
            organizations.Add(Organization(organization));
        }

        return new DirectoryDocument { FormatVersion = DirectoryDocumentReader.FormatVersion, Organizations = organizations };
    }

    private static OrganizationDocument Organization(Organization o)
    {
        var services = new List<ServiceDocument?>(o.Services.Length);
        foreach (var service in o.Services)
        {
            services.Add(Service(service));
        }

        return new OrganizationDocument
        {
            Id = o.Id,
            Name = o.Name,
            Kind = WireName<OrganizationKind>.Of(o.Kind),
            Website = o.Website,
            CoLeads = o.CoLeadIds.IsEmpty ? null : [.. o.CoLeadIds],
            Services = services,
        };
    }

    private static ServiceDocument Service(Service s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        Types = Names(s.Types),
        Area = Area(s.Area),
        Population = Population(s.Population),
        Languages = s.Languages.IsEmpty ? null : Texts(s.Languages, l => l.Value),
        Availability = s.Availability.Calendar is { } calendar
            ? new AvailabilityDocument { Calendar = ServiceCalendarDocumentReader.ToDocument(calendar) }
            : new AvailabilityDocument { AlwaysOpen = true },
        AcceptsWarmTransfers = s.AcceptsWarmTransfers ? true : null,
        Capacity = s.Capacity == Capacity.Accepting ? null : WireName<Capacity>.Of(s.Capacity),
        Locations = s.Locations.IsEmpty ? null : Locations(s.Locations),
        Contacts = s.Contacts.IsEmpty ? null : Contacts(s.Contacts),
        LastVerified = LocalDatePattern.Iso.Format(s.LastVerified),
    };

    private static AreaDocument Area(ServiceArea a) => new()
    {
        National = a.IsNational ? true : null,
        States = a.States.IsEmpty ? null : Texts(a.States, state => state.Code),
        Counties = a.Counties.IsEmpty ? null : Texts(a.Counties, county => county.Fips),
        Zips = a.Zips.IsEmpty ? null : Texts(a.Zips, zip => zip.Zip),
        Radii = a.Radii.IsEmpty ? null : Radii(a.Radii),
    };

    private static List<RadiusDocument?> Radii(ImmutableArray<RadiusArea> radii)
    {
        var result = new List<RadiusDocument?>(radii.Length);
        foreach (var r in radii)
        {
            result.Add(new RadiusDocument { Latitude = r.Center.Latitude, Longitude = r.Center.Longitude, Kilometers = r.RadiusKilometers });
        }

        return result;
    }

    private static PopulationDocument? Population(PopulationServed p) =>
        p.MinAge is null && p.MaxAge is null && p.Genders.IsEmpty && p.TraffickingTypes.IsEmpty && p.ImmigrationStatuses.IsEmpty
            ? null
            : new PopulationDocument
            {
                MinAge = p.MinAge,
                MaxAge = p.MaxAge,
                Genders = p.Genders.IsEmpty ? null : Names(p.Genders),
                TraffickingTypes = p.TraffickingTypes.IsEmpty ? null : Names(p.TraffickingTypes),
                ImmigrationStatuses = p.ImmigrationStatuses.IsEmpty ? null : Names(p.ImmigrationStatuses),
            };

    private static List<ServiceLocationDocument?> Locations(ImmutableArray<ServiceLocation> locations)
    {
        var result = new List<ServiceLocationDocument?>(locations.Length);
        foreach (var l in locations)
        {
            result.Add(new ServiceLocationDocument
            {
                Name = l.Name,
                Address = l.StreetAddress,
                City = l.City,
                State = l.State.Code,
                Zip = l.Zip?.Zip,
                Latitude = l.Point.Latitude,
                Longitude = l.Point.Longitude,
                Confidential = l.IsConfidential ? true : null,
            });
        }

        return result;
    }

    private static List<ServiceContactDocument?> Contacts(ImmutableArray<ServiceContact> contacts)
    {
        var result = new List<ServiceContactDocument?>(contacts.Length);
        foreach (var c in contacts)
        {
            result.Add(new ServiceContactDocument { Channel = WireName<ContactChannel>.Of(c.Channel), Value = c.Value });
        }

        return result;
    }

    private static List<string?> Names<T>(ImmutableArray<T> values)
        where T : struct, System.Enum => Texts(values, WireName<T>.Of);

    private static List<string?> Texts<T>(ImmutableArray<T> values, System.Func<T, string> text)
    {
        var result = new List<string?>(values.Length);
        foreach (var value in values)
        {
            result.Add(text(value));
        }

        return result;
    }
}
