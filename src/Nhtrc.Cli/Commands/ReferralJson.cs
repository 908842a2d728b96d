using System;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// The JSON form of referral queries and results shared by <c>nhtrc match --json</c> and <c>nhtrc triage --json</c>.
/// Writes only what a <see cref="ReferralMatch"/> holds, so a public result's confidential addresses cannot appear.
/// </summary>
internal static class ReferralJson
{
    /// <summary>Writes <c>"name": {kind, description, zip?, countyFips?, state?, latitude, longitude}</c>.</summary>
    public static void WritePlace(Utf8JsonWriter w, string name, ReferralPlace place)
    {
        w.WriteStartObject(name);
        w.WriteString("kind", WireNames.Of(place.Kind));
        w.WriteString("description", place.ToString());
        if (place.Zip is { } zip)
        {
            w.WriteString("zip", zip.Zip);
        }

        if (place.County is { } county)
        {
            w.WriteString("countyFips", county.Fips);
        }

        if (place.State is { } state)
        {
            w.WriteString("state", state.Code);
        }

        WritePoint(w, place.Point);
        w.WriteEndObject();
    }

    /// <summary>
    /// Writes the result's <c>eligibleCount</c>, <c>matches</c>, <c>plan</c> and <c>uncoveredNeeds</c> into the
    /// object being written. <c>openAtQueryTime</c> is written only when <paramref name="atWasGiven"/>, because an
    /// instant the user did not choose says nothing about "now".
    /// </summary>
    public static void WriteResult(Utf8JsonWriter w, ReferralResult result, bool atWasGiven)
    {
        w.WriteNumber("eligibleCount", result.EligibleCount);
        w.WriteStartArray("matches");
        foreach (var match in result.Matches)
        {
            WriteMatch(w, match, atWasGiven);
        }

        w.WriteEndArray();
        w.WriteStartArray("plan");
        foreach (var step in result.Plan)
        {
            w.WriteStartObject();
            w.WriteString("organizationId", step.OrganizationId);
            w.WriteString("organizationName", step.OrganizationName);
            WriteNeeds(w, "needs", step.Needs);
            w.WriteStartArray("serviceIds");
            foreach (var id in step.ServiceIds)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteNeeds(w, "uncoveredNeeds", result.UncoveredNeeds);
    }

    /// <summary>Writes <c>"name": ["emergencyShelter", ...]</c>.</summary>
    public static void WriteNeeds(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<ServiceType> needs)
    {
        w.WriteStartArray(name);
        foreach (var need in needs)
        {
            w.WriteStringValue(WireNames.Of(need));
        }

        w.WriteEndArray();
    }

    private static void WriteMatch(Utf8JsonWriter w, ReferralMatch match, bool atWasGiven)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", match.Rank);
        w.WriteNumber("score", match.Score);
        w.WriteString("serviceId", match.ServiceId);
        w.WriteString("serviceName", match.ServiceName);
        w.WriteString("organizationId", match.OrganizationId);
        w.WriteString("organizationName", match.OrganizationName);
        w.WriteString("organizationKind", WireNames.Of(match.OrganizationKind));
        if (match.Website is { } website)
        {
            w.WriteString("website", website);
        }

        WriteNeeds(w, "serviceTypes", match.ServiceTypes);
        WriteNeeds(w, "coveredNeeds", match.CoveredNeeds);
        w.WriteString("coverage", WireNames.Of(match.Coverage));
        if (match.DistanceKilometers is { } distance)
        {
            w.WriteNumber("distanceKilometers", Math.Round(distance, 2));
        }

        w.WriteBoolean("alwaysOpen", match.IsAlwaysOpen);
        if (atWasGiven)
        {
            w.WriteBoolean("openAtQueryTime", match.IsOpenAtQueryTime);
        }

        w.WriteBoolean("acceptsWarmTransfers", match.AcceptsWarmTransfers);
        w.WriteString("capacity", WireNames.Of(match.Capacity));
        w.WriteString("lastVerified", LocalDatePattern.Iso.Format(match.LastVerified));
        w.WriteStartArray("languages");
        foreach (var language in match.Languages)
        {
            w.WriteStringValue(language.Value);
        }

        w.WriteEndArray();
        w.WriteStartArray("breakdown");
        foreach (var component in match.Breakdown)
        {
            w.WriteStartObject();
            w.WriteString("factor", WireNames.Of(component.Factor));
            w.WriteNumber("points", component.Points);
            w.WriteNumber("maxPoints", component.MaxPoints);
            w.WriteString("reason", component.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("reasons");
        foreach (var reason in match.Reasons)
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteStartArray("locations");
        foreach (var location in match.Locations)
        {
            WriteLocation(w, location);
        }

        w.WriteEndArray();
        w.WriteStartArray("contacts");
        foreach (var contact in match.Contacts)
        {
            w.WriteStartObject();
            w.WriteString("channel", WireNames.Of(contact.Channel));
            w.WriteString("value", contact.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, MatchedLocation location)
    {
        // What the SDK withheld (a confidential address, ZIP and point in a public result) is null and left out.
        w.WriteStartObject();
        if (location.Name is { } name)
        {
            w.WriteString("name", name);
        }

        w.WriteString("city", location.City);
        w.WriteString("state", location.State.Code);
        w.WriteBoolean("confidential", location.IsConfidential);
        if (location.DistanceKilometers is { } distance)
        {
            w.WriteNumber("distanceKilometers", Math.Round(distance, 2));
        }

        if (location.StreetAddress is { } address)
        {
            w.WriteString("address", address);
        }

        if (location.Zip is { } zip)
        {
            w.WriteString("zip", zip);
        }

        if (location.Point is { } point)
        {
            WritePoint(w, point);
        }

        w.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter w, GeoPoint point)
    {
        w.WriteNumber("latitude", point.Latitude);
        w.WriteNumber("longitude", point.Longitude);
    }
}
