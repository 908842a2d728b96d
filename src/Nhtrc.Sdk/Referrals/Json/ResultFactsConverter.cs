using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Writes a score component's facts (docs/referrals.md, "Ranking factors as data"): <c>scored</c>, then the members of
/// its factor in a fixed order, each always present (null where there is none). Written only.
/// </summary>
internal sealed class ResultFactsConverter : JsonConverter<ResultFactsDocument>
{
    public override ResultFactsDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Referral results are written, not read.");

    public override void Write(Utf8JsonWriter writer, ResultFactsDocument value, JsonSerializerOptions options)
    {
        var c = value.Component;
        writer.WriteStartObject();
        writer.WriteBoolean("scored", c.IsScored);
        switch (c.Factor)
        {
            case ReferralFactor.Distance:
                Number(writer, "distanceKilometers", c.DistanceKilometers);
                Text(writer, "nearestCity", c.NearestCity);
                Text(writer, "nearestState", c.NearestState?.Code);
                break;
            case ReferralFactor.Locality:
                Text(writer, "coverage", c.Coverage is { } coverage ? WireName<CoverageLevel>.Of(coverage) : null);
                break;
            case ReferralFactor.Language:
                Text(writer, "language", c.Language?.Value);
                Boolean(writer, "languageOffered", c.LanguageOffered);
                break;
            case ReferralFactor.Availability:
                Text(writer, "availability", c.Availability is { } availability ? WireName<AvailabilityState>.Of(availability) : null);
                Text(writer, "closesAt", Local(c.ClosesAt));
                Text(writer, "opensAt", Local(c.OpensAt));
                Text(writer, "timeZone", (c.ClosesAt ?? c.OpensAt)?.Zone.Id);
                break;
            case ReferralFactor.WarmTransfer:
                Boolean(writer, "acceptsWarmTransfers", c.AcceptsWarmTransfers);
                break;
            case ReferralFactor.Freshness:
                Text(writer, "lastVerified", c.LastVerified is { } verified ? LocalDatePattern.Iso.Format(verified) : null);
                Number(writer, "daysSinceVerified", c.DaysSinceVerified);
                break;
            case ReferralFactor.NeedsCovered:
                Number(writer, "needsCovered", c.NeedsCovered);
                Number(writer, "needsAsked", c.NeedsAsked);
                break;
            case ReferralFactor.Capacity:
                Text(writer, "capacity", c.Capacity is { } capacity ? WireName<Capacity>.Of(capacity) : null);
                break;
        }

        writer.WriteEndObject();
    }

    /// <summary>The local date and time with its offset (RFC 3339: <c>2026-07-02T19:00:00-04:00</c>).</summary>
    private static string? Local(ZonedDateTime? value) => value is { } v ? OffsetDateTimePattern.Rfc3339.Format(v.ToOffsetDateTime()) : null;

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void Boolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
