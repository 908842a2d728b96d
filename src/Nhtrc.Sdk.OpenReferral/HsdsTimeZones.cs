using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Resolves the IANA zone of a service's schedules (docs/open-referral.md, "Time zones"). HSDS 3.0 gives a schedule
/// only a numeric UTC <c>timezone</c> offset, so the rule is, first match wins:
/// <list type="number">
/// <item>the per-source setting <see cref="HsdsImportOptions.TimeZone"/>, when set, for every schedule of the source;</item>
/// <item>the private <c>nhtrc-timezone</c> attribute on the schedule row (its code an IANA id, what our export writes);</item>
/// <item>the numeric offset through a fixed table of US zones (<see cref="OffsetZones"/>): one zone per offset, so
/// -7 is America/Denver, never America/Phoenix (Arizona keeps -7 all year; a source in Arizona needs the setting or
/// the attribute), and -10 is Pacific/Honolulu, never America/Adak; other offsets are reported;</item>
/// <item>the default zone of the state or territory of the service's first location (<see cref="Nhtrc.Sdk.Geography.UsState.DefaultTimeZone"/>:
/// America/Puerto_Rico for a service in San Juan, America/Los_Angeles for one in Oakland), when it has a location;</item>
/// <item><see cref="HsdsImportOptions.DefaultTimeZone"/> (America/New_York unless set) when none of the above gives a zone.</item>
/// </list>
/// A service's rows that name different zones are reported; the first row's zone wins. Rows without any zone do not conflict.
/// </summary>
internal static class HsdsTimeZones
{
    /// <summary>The taxonomy of the private schedule attribute whose code is an IANA zone id.</summary>
    public const string TimeZoneTaxonomy = "nhtrc-timezone";

    /// <summary>The fixed table from a whole-hour standard offset to the one US zone it stands for.</summary>
    public static readonly IReadOnlyList<(int Offset, string Zone)> OffsetZones =
    [
        (-4, "America/Puerto_Rico"),
        (-5, "America/New_York"),
        (-6, "America/Chicago"),
        (-7, "America/Denver"),
        (-8, "America/Los_Angeles"),
        (-9, "America/Anchorage"),
        (-10, "Pacific/Honolulu"),
        (-11, "Pacific/Pago_Pago"),
        (10, "Pacific/Guam"),
    ];

    private static readonly Dictionary<double, DateTimeZone> ByOffset = BuildTable();

    /// <summary>The zone of a service's schedule rows by the rule above, reporting unknown ids and offsets and conflicts.</summary>
    public static DateTimeZone ForService(IEnumerable<(JsonElement Row, string Path)> rows, HsdsImportOptions options, DateTimeZone? placeZone, Action<string, string> warn)
    {
        if (options.TimeZone is { } setting)
        {
            return setting;
        }

        DateTimeZone? first = null;
        var conflict = false;
        foreach (var (row, path) in rows)
        {
            var zone = ForRow(row, path, warn);
            if (zone is null)
            {
                continue;
            }

            if (first is null)
            {
                first = zone;
            }
            else if (!conflict && !string.Equals(first.Id, zone.Id, StringComparison.Ordinal))
            {
                conflict = true;
                warn(path, "names a different time zone from the service's first schedule row; the first row's zone is used for every row.");
            }
        }

        return first ?? placeZone ?? options.DefaultTimeZone;
    }

    /// <summary>The zone a single row names (attribute, else offset), or null when it names none that resolves.</summary>
    public static DateTimeZone? ForRow(JsonElement row, string path, Action<string, string> warn)
    {
        var attributeSeen = false;
        foreach (var (taxonomy, code, termPath) in HsdsTaxonomy.Terms(row, path))
        {
            if (!string.Equals(taxonomy, TimeZoneTaxonomy, StringComparison.Ordinal))
            {
                continue;
            }

            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(code) is { } named)
            {
                return named;
            }

            if (!attributeSeen)
            {
                attributeSeen = true;
                warn(termPath + ".code", "is not an IANA time zone id; the schedule's numeric timezone is used instead.");
            }
        }

        if (!row.TryGetProperty("timezone", out var raw) || raw.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (Offset(raw) is { } offset && ByOffset.TryGetValue(offset, out var zone))
        {
            return zone;
        }

        warn(path + ".timezone", "is not a UTC offset of a US zone in the offset table (docs/open-referral.md); the zone is not taken from it.");
        return null;
    }

    /// <summary>The zone the table gives a numeric offset, or null.</summary>
    public static DateTimeZone? FromOffset(double offset) => ByOffset.TryGetValue(offset, out var zone) ? zone : null;

    private static double? Offset(JsonElement raw) => raw.ValueKind switch
    {
        JsonValueKind.Number when raw.TryGetDouble(out var d) => d,
        JsonValueKind.String when double.TryParse(raw.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static Dictionary<double, DateTimeZone> BuildTable()
    {
        var table = new Dictionary<double, DateTimeZone>();
        foreach (var (offset, zone) in OffsetZones)
        {
            table.Add(offset, DateTimeZoneProviders.Tzdb[zone]);
        }

        return table;
    }
}
