using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// One source of a sources file (<see cref="HsdsSourcesFile"/>): its merge key, where it is (a file or folder path, or
/// the base URI of a live API), its import settings, and the HTTP headers a live API needs. <see cref="ToString"/>
/// never shows the headers' values: they are credentials. Immutable.
/// </summary>
public sealed class HsdsSourceSettings
{
    /// <summary>The source's merge key (<see cref="MergeSource"/>).</summary>
    public required string Key { get; init; }

    /// <summary>The file or folder path (absolute, resolved against the sources file's folder), or the API's base URI.</summary>
    public required string Location { get; init; }

    /// <summary>True when <see cref="Location"/> is an http or https URI.</summary>
    public bool IsApi => Uri.TryCreate(Location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The import settings: zone, taxonomy map, confidentiality.</summary>
    public required HsdsImportOptions Options { get; init; }

    /// <summary>HTTP headers sent to a live API, such as an API key; never logged or shown.</summary>
    public ImmutableDictionary<string, string> Headers { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Key}: {(IsApi ? "api" : "file")} {(IsApi ? new Uri(Location).GetLeftPart(UriPartial.Path) : Path.GetFileName(Location))}" +
        (Headers.IsEmpty ? "" : $", {Headers.Count} header(s) (values hidden)");
}

/// <summary>
/// Reads a JSON sources file (docs/open-referral.md, "Sources file"): one entry per HSDS source with its key, its
/// <c>path</c> (a file or CSV folder, relative to the sources file) or <c>url</c>, and its settings (<c>zone</c>,
/// <c>taxonomyMap</c>, <c>confidentialTerms</c>, <c>confidentialLocationTypes</c>, <c>confidentialLocationIds</c>,
/// <c>shelterLocationsConfidential</c>, <c>headers</c>). Every problem is reported with its JSON path; header values
/// never appear in a message.
/// </summary>
public static class HsdsSourcesFile
{
    private static readonly string[] Properties =
    [
        "key", "path", "url", "zone", "taxonomyMap", "confidentialTerms", "confidentialLocationTypes",
        "confidentialLocationIds", "shelterLocationsConfidential", "headers", "comment",
    ];

    /// <summary>Reads the sources file at <paramref name="path"/>.</summary>
    /// <param name="path">The sources file.</param>
    /// <param name="defaults">The settings each source starts from; <see cref="HsdsImportOptions.Default"/> when null.</param>
    /// <returns>The sources, in file order (their priority in a merge).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file (or a taxonomy map it names) cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The file is not a valid sources file.</exception>
    public static ImmutableArray<HsdsSourceSettings> Load(string path, HsdsImportOptions? defaults = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        return Parse(File.ReadAllText(full), Path.GetDirectoryName(full)!, defaults);
    }

    /// <summary>Reads a sources file's text; relative paths are resolved against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A taxonomy map the file names cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The text is not a valid sources file.</exception>
    public static ImmutableArray<HsdsSourceSettings> Parse(string json, string baseDirectory, HsdsImportOptions? defaults = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        const string Subject = "HSDS sources file";
        var problems = new List<ValidationProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new NhtrcValidationException(Subject, [new ValidationProblem("$", $"is not well-formed JSON (line {(e.LineNumber ?? 0) + 1}).")]);
        }

        var result = new List<HsdsSourceSettings>();
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sources", out var sources) || sources.ValueKind != JsonValueKind.Array || sources.GetArrayLength() == 0)
            {
                throw new NhtrcValidationException(Subject, [new ValidationProblem("$.sources", "must be a non-empty array of sources.")]);
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var entry in sources.EnumerateArray())
            {
                var at = $"$.sources[{i++}]";
                if (Read(entry, at, baseDirectory, defaults ?? HsdsImportOptions.Default, problems) is { } settings)
                {
                    result.Add(settings);
                }

                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String &&
                    !keys.Add(key.GetString()!.Trim()))
                {
                    problems.Add(new ValidationProblem(at + ".key", "repeats the key of an earlier source."));
                }
            }
        }

        return problems.Count > 0 ? throw new NhtrcValidationException(Subject, problems) : [.. result];
    }

    private static HsdsSourceSettings? Read(JsonElement e, string at, string baseDirectory, HsdsImportOptions defaults, List<ValidationProblem> problems)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(at, "must be an object."));
            return null;
        }

        var before = problems.Count;
        foreach (var property in e.EnumerateObject())
        {
            if (!Properties.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add(new ValidationProblem($"{at}.{property.Name}", "is not a property of a source (" + string.Join(", ", Properties) + ")."));
            }
        }

        var key = Text(e, "key", at, problems, required: true);
        if (key is not null && !MergeSource.IsValidKey(key))
        {
            problems.Add(new ValidationProblem(at + ".key", $"must be 1 to {MergeSource.MaxKeyLength} lower-case ASCII letters, digits or '-', starting with a letter."));
        }

        var path = Text(e, "path", at, problems);
        var url = Text(e, "url", at, problems);
        if ((path is null) == (url is null))
        {
            problems.Add(new ValidationProblem(at, "must have exactly one of path and url."));
        }
        else if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add(new ValidationProblem(at + ".url", "must be an absolute http or https URL."));
        }

        var options = defaults;
        if (Text(e, "zone", at, problems) is { } zoneId)
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } zone)
            {
                options = options with { TimeZone = zone };
            }
            else
            {
                problems.Add(new ValidationProblem(at + ".zone", "is not an IANA time zone id such as America/Chicago."));
            }
        }

        if (Text(e, "taxonomyMap", at, problems) is { } mapPath)
        {
            try
            {
                using var stream = File.OpenRead(Path.Combine(baseDirectory, mapPath));
                options = options with { TaxonomyMap = HsdsTaxonomyMap.Load(stream) };
            }
            catch (NhtrcValidationException x)
            {
                problems.AddRange(x.Problems.Select(p => new ValidationProblem($"{at}.taxonomyMap: {p.Location}", p.Message)));
            }
        }

        var rule = options.Confidentiality ?? HsdsConfidentialityRule.Default;
        if (Texts(e, "confidentialTerms", at, problems) is { } terms)
        {
            rule = Copy(rule, termCodes: [.. rule.TermCodes, .. terms]);
        }

        if (Texts(e, "confidentialLocationTypes", at, problems) is { } types)
        {
            rule = Copy(rule, locationTypes: types);
        }

        if (Texts(e, "confidentialLocationIds", at, problems) is { } ids)
        {
            rule = Copy(rule, locationIds: ids);
        }

        if (e.TryGetProperty("shelterLocationsConfidential", out var shelter))
        {
            if (shelter.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                rule = Copy(rule, shelter: shelter.GetBoolean());
            }
            else
            {
                problems.Add(new ValidationProblem(at + ".shelterLocationsConfidential", "must be true or false."));
            }
        }

        var headers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        if (e.TryGetProperty("headers", out var h))
        {
            if (h.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ValidationProblem(at + ".headers", "must be an object of header names and string values."));
            }
            else
            {
                foreach (var header in h.EnumerateObject())
                {
                    // The value is a credential: a problem names the header, never its value.
                    if (header.Value.ValueKind != JsonValueKind.String || header.Name.Length == 0 || !header.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                    {
                        problems.Add(new ValidationProblem($"{at}.headers", "each header needs a name of ASCII letters, digits and '-' and a string value."));
                    }
                    else
                    {
                        headers[header.Name] = header.Value.GetString()!;
                    }
                }
            }
        }

        return problems.Count > before || key is null
            ? null
            : new HsdsSourceSettings
            {
                Key = key,
                Location = url ?? Path.GetFullPath(Path.Combine(baseDirectory, path!)),
                Options = options with { Confidentiality = rule },
                Headers = headers.ToImmutable(),
            };
    }

    private static HsdsConfidentialityRule Copy(
        HsdsConfidentialityRule rule, ImmutableArray<string>? termCodes = null, ImmutableArray<string>? locationTypes = null, ImmutableArray<string>? locationIds = null, bool? shelter = null) => new()
    {
        TermCodes = termCodes ?? rule.TermCodes,
        LocationTypes = locationTypes ?? rule.LocationTypes,
        LocationIds = locationIds ?? rule.LocationIds,
        ShelterLocationsConfidential = shelter ?? rule.ShelterLocationsConfidential,
    };

    private static string? Text(JsonElement e, string name, string at, List<ValidationProblem> problems, bool required = false)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add(new ValidationProblem($"{at}.{name}", "is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add(new ValidationProblem($"{at}.{name}", "must be a non-empty string."));
            return null;
        }

        return value.GetString()!.Trim();
    }

    private static ImmutableArray<string>? Texts(JsonElement e, string name, string at, List<ValidationProblem> problems)
    {
        if (!e.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
        {
            problems.Add(new ValidationProblem($"{at}.{name}", "must be an array of non-empty strings."));
            return null;
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!.Trim())];
    }
}
