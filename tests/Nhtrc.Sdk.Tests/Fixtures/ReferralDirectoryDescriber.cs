using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Describes a <see cref="ReferralDirectory"/> through its public members: every organization and every service
/// with its types, area, population, languages, availability, warm transfers, capacity, locations (confidentiality
/// included), contacts and verification date. Places are named by their codes (state, county FIPS, ZIP), not by
/// the gazetteer's names for them, which are not the document's data. Each distinct calendar is described once at
/// the end and services refer to it by its position there; distinct means a different description, so whether the
/// reader shares one calendar object between services does not show.
/// </summary>
internal static class ReferralDirectoryDescriber
{
    public static string Describe(ReferralDirectory directory)
    {
        var w = new DescriptionWriter();
        var calendars = new List<string>();
        using (w.Part("referral directory"))
        {
            w.Line("organizations", DescriptionWriter.Number(directory.Organizations.Length));
            w.Line("services", DescriptionWriter.Number(directory.ServiceCount));
            for (var i = 0; i < directory.Organizations.Length; i++)
            {
                using (w.Part(DescriptionWriter.Item("organization", i)))
                {
                    Organization(w, directory.Organizations[i], calendars);
                }
            }

            w.Each("calendars", "calendar", calendars, w.Nested);
        }

        return w.ToString();
    }

    private static void Organization(DescriptionWriter w, Organization organization, List<string> calendars)
    {
        w.Line("id", DescriptionWriter.Text(organization.Id));
        w.Line("name", DescriptionWriter.Text(organization.Name));
        w.Line("kind", StableLabels.Of(organization.Kind));
        w.Line("website", DescriptionWriter.Text(organization.Website));
        w.Items("co-leads", organization.CoLeadIds);
        w.Each("services", "service", organization.Services, service => Service(w, service, calendars));
    }

    private static void Service(DescriptionWriter w, Service service, List<string> calendars)
    {
        w.Line("id", DescriptionWriter.Text(service.Id));
        w.Line("name", DescriptionWriter.Text(service.Name));
        w.Items("types", service.Types.Select(StableLabels.Of));
        Area(w, service.Area);
        Population(w, service.Population);
        w.Items("languages", service.Languages.Select(l => l.Value));
        w.Line("availability", Availability(service.Availability, calendars));
        w.Line("accepts warm transfers", DescriptionWriter.Flag(service.AcceptsWarmTransfers));
        w.Line("capacity", StableLabels.Of(service.Capacity));
        w.Each("locations", "location", service.Locations, location => Location(w, location));
        w.EachLine("contacts", "contact", service.Contacts, c => $"{StableLabels.Of(c.Channel)} {DescriptionWriter.Text(c.Value)}");
        w.Line("last verified", DescriptionWriter.Date(service.LastVerified));
    }

    private static void Area(DescriptionWriter w, ServiceArea area)
    {
        using (w.Part("area"))
        {
            w.Line("national", DescriptionWriter.Flag(area.IsNational));
            w.Items("states", area.States.Select(s => s.Code));
            w.Items("counties", area.Counties.Select(c => c.Fips));
            w.Items("zips", area.Zips.Select(z => z.Zip));
            w.EachLine("radii", "radius", area.Radii, r => $"{DescriptionWriter.Number(r.RadiusKilometers)} km around {DescriptionWriter.Point(r.Center)}");
        }
    }

    private static void Population(DescriptionWriter w, PopulationServed population)
    {
        using (w.Part("population"))
        {
            w.Line("min age", DescriptionWriter.Number(population.MinAge));
            w.Line("max age", DescriptionWriter.Number(population.MaxAge));
            w.Items("genders", population.Genders.Select(StableLabels.Of));
            w.Items("trafficking types", population.TraffickingTypes.Select(StableLabels.Of));
            w.Items("immigration statuses", population.ImmigrationStatuses.Select(StableLabels.Of));
        }
    }

    private static string Availability(ServiceAvailability availability, List<string> calendars)
    {
        if (availability.IsAlwaysOpen)
        {
            return "always open";
        }

        var description = Calendar(availability.Calendar!);
        var position = calendars.IndexOf(description);
        if (position < 0)
        {
            position = calendars.Count;
            calendars.Add(description);
        }

        return DescriptionWriter.Item("calendar", position);
    }

    private static string Calendar(ServiceCalendar calendar)
    {
        var w = new DescriptionWriter();
        ServiceCalendarDescriber.Describe(w, calendar);
        return w.ToString();
    }

    private static void Location(DescriptionWriter w, ServiceLocation location)
    {
        w.Line("name", DescriptionWriter.Text(location.Name));
        w.Line("street address", DescriptionWriter.Text(location.StreetAddress));
        w.Line("city", DescriptionWriter.Text(location.City));
        w.Line("state", location.State.Code);
        w.Line("zip", location.Zip?.Zip ?? DescriptionWriter.None);
        w.Line("point", DescriptionWriter.Point(location.Point));
        w.Line("confidential", DescriptionWriter.Flag(location.IsConfidential));
    }
}
