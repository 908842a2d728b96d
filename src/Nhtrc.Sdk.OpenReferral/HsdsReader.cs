using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads HSDS 3.0 JSON, streamed record by record (<see cref="HsdsJsonRecords"/>), with <see cref="JsonDocument"/> per
/// record (no reflection serialization), and maps it to our directory. The version rule (docs/open-referral.md): a document is HSDS 3.0 when its root is an object, each record (the root,
/// or each element of a paged list's <c>contents</c>) is an object carrying the required 3.0 fields of a
/// <c>service_at_location</c> (id and a <c>service</c> object), a <c>service</c> (id, name, status) or an
/// <c>organization</c> (id, name, description), and no record has a field only HSDS 1.x/2.x had.
/// </summary>
internal static class HsdsReader
{
    private const string UnattributedId = "hsds-unattributed";

    public static async ValueTask<ReferralDirectoryLoad> LoadAsync(Stream utf8Json, string source, HsdsImportOptions options, CancellationToken cancellationToken, bool ndjson = false)
    {
        if (utf8Json.CanSeek && utf8Json.Length - utf8Json.Position > options.Limits.MaxDocumentBytes)
        {
            throw Invalid(source, "$", $"is longer than {Format(options.Limits.MaxDocumentBytes)} bytes (ReadLimits.MaxDocumentBytes).");
        }

        var import = new HsdsImport(source, options);
        await HsdsJsonRecords.ReadAsync(utf8Json, source, options, import, ndjson, cancellationToken).ConfigureAwait(false);
        return import.Build();
    }

    public static ReferralDirectoryLoad Parse(string json, string source, HsdsImportOptions? options = null, bool ndjson = false)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return LoadAsync(stream, source, options ?? HsdsImportOptions.Default, CancellationToken.None, ndjson).AsTask().GetAwaiter().GetResult();
    }

    internal static NhtrcValidationException Invalid(string source, string path, string message) =>
        new(source, [new ValidationProblem(path, message)]);

    internal static NhtrcValidationException NotHsds3(string source, string path, string why) =>
        Invalid(source, path, $"is not HSDS 3.0: {why}");

    internal static bool HasString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !IsBlank(value);

    /// <summary>Whether a string value is empty or white space, decoding it only when it has an escape or no visible ASCII character.</summary>
    private static bool IsBlank(JsonElement value)
    {
        // Unescaped, a printable ASCII character other than the quotes is never white space.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            foreach (var b in raw)
            {
                if (b is > 0x20 and < 0x7F and not (byte)'"')
                {
                    return false;
                }
            }
        }

        return string.IsNullOrWhiteSpace(value.GetString());
    }

    internal static string? GetString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            yield return (item, $"{path}.{name}[{i++}]");
        }
    }

    internal static LocalDate? GetDate(JsonElement e, string name)
    {
        var text = GetString(e, name);
        if (text is null || text.Length < 10)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text[..10]);
        return result.Success ? result.Value : null;
    }

    internal static int? GetAge(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) &&
        d >= 0 && d <= PopulationServed.MaximumAge && d == Math.Floor(d)
            ? (int)d
            : null;

    internal static string OrganizationIdOf(JsonElement service) =>
        service.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object && HasString(org, "id")
            ? GetString(org, "id")!
            : GetString(service, "organization_id") is { Length: > 0 } id ? id : UnattributedId;

    internal static string OrganizationNameOf(JsonElement service) =>
        service.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object && HasString(org, "name")
            ? GetString(org, "name")!
            : "Unattributed HSDS services";

    internal static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The distinct items in order of first appearance; the usual none or one without a set.</summary>
    internal static ImmutableArray<T> Distinct<T>(List<T> items) => items.Count switch
    {
        0 => [],
        1 => [items[0]],
        _ => [.. items.Distinct()],
    };
}
