using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads a <c>service_area</c> as US places: a GeoJSON <c>extent</c> (<c>extent_type</c> geojson) as the ZIP codes it
/// covers (<see cref="HsdsExtents"/>) and the counties without a ZIP code whose point it contains; else its name: the whole country ("United States", "United States of America",
/// "USA", "US", "Nationwide", any case), a list of 5-digit ZIP codes (separated by commas, semicolons or spaces), a
/// state or territory (code, name or a common other name such as "USVI" or "CNMI"), or a county as "Name County, ST"
/// (also Parish, Borough, Census Area, Municipality, Municipio, District, Island; state by code or name). County names
/// compare ignoring case, Spanish accents and the kind of apostrophe ("Bayamón" is the gazetteer's "Bayamon",
/// "Manuʻa" its "Manu'a District"; "Saint" is "St."). A nationwide area makes the service national whatever its other areas.
/// </summary>
internal static partial class HsdsAreas
{
    private static readonly string[] NationalNames = ["United States", "United States of America", "USA", "US", "Nationwide"];

    /// <summary>The words a county name may end in, as the Census county list writes them (the export writes them too).</summary>
    internal static readonly string[] CountySuffixes = [" County", " Parish", " Borough", " Census Area", " Municipality", " Municipio", " District", " Island"];

    // Other names of the territories HSDS publishers write, folded (see Fold), beside UsState.Name.
    private static readonly (string Name, string Code)[] StateAliases =
    [
        ("us virgin islands", "VI"), ("united states virgin islands", "VI"), ("virgin islands", "VI"),
        ("virgin islands of the united states", "VI"), ("virgin islands, u.s.", "VI"), ("usvi", "VI"),
        ("commonwealth of the northern mariana islands", "MP"), ("northern marianas", "MP"), ("cnmi", "MP"),
        ("commonwealth of puerto rico", "PR"), ("estado libre asociado de puerto rico", "PR"),
        ("territory of guam", "GU"), ("territory of american samoa", "AS"),
    ];

    // Every state's and territory's folded name, then the aliases: the names TryState reads.
    private static readonly Dictionary<string, UsState> StateNames = StateNamesFolded();

    [GeneratedRegex(@"^\s*\d{5}(?:\s*[,;\s]\s*\d{5})*\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ZipList();

    [GeneratedRegex(@"\d{5}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Zip();

    /// <summary>The service's area from its <c>service_areas</c>, or null (reported as an error) when none maps.</summary>
    public static ServiceArea? Read(JsonElement e, string path, string id, Gazetteer gazetteer, Action<string, string> warn, Action<string, string> error)
    {
        var states = new List<UsState>();
        var counties = new List<UsCounty>();
        var zips = new List<ZipCodeInfo>();
        var any = false;
        var national = false;
        foreach (var (area, areaPath) in Items(e, "service_areas", path))
        {
            any = true;
            if (string.Equals(GetString(area, "extent_type")?.Trim(), "geojson", StringComparison.OrdinalIgnoreCase) &&
                area.TryGetProperty("extent", out var extent) && extent.ValueKind != JsonValueKind.Null)
            {
                if (HsdsExtents.TryParse(extent, out var problem) is not { } shape)
                {
                    warn(areaPath + ".extent", problem);
                }
                else if (Covered(shape, gazetteer, zips, counties) == 0)
                {
                    warn(areaPath + ".extent", $"covers no ZIP code centroid and no ZIP code is within {Format((int)HsdsExtents.MaxNearestKilometers)} km of it; the area is not imported.");
                }

                continue;
            }

            var name = GetString(area, "name");
            if (IsNational(name))
            {
                national = true;
            }
            else if (!TryMap(name, gazetteer, states, counties, zips))
            {
                warn(areaPath + ".name", "is not a US state, county or ZIP list; the area is not imported.");
            }
        }

        if (national)
        {
            return ServiceArea.Nationwide;
        }

        if (states.Count + counties.Count + zips.Count == 0)
        {
            error(path + ".service_areas", any
                ? "has no mappable area; the service is left out."
                : "has no service_areas; the service is left out.");
            return null;
        }

        return new ServiceArea { States = Distinct(states), Counties = Distinct(counties), Zips = Distinct(zips) };
    }

    /// <summary>Whether the name stands for the whole United States.</summary>
    /// <summary>
    /// Adds the ZIP codes and the ZIP-less counties an extent covers; with a ZIP-less county inside (Ta'u, Pagan), only
    /// the ZIP codes truly inside, never a nearest one instead. Returns how many places it added.
    /// </summary>
    private static int Covered(ImmutableArray<HsdsExtents.Polygon> shape, Gazetteer gazetteer, List<ZipCodeInfo> zips, List<UsCounty> counties)
    {
        var zipLess = HsdsExtents.ZipLessCountiesIn(shape, gazetteer);
        var covered = HsdsExtents.Resolve(shape, gazetteer, out var byNearest);
        counties.AddRange(zipLess);
        if (zipLess.Count == 0 || !byNearest)
        {
            zips.AddRange(covered);
            return zipLess.Count + covered.Length;
        }

        return zipLess.Count;
    }

    public static bool IsNational(string? name)
    {
        var trimmed = name?.Trim();
        foreach (var national in NationalNames)
        {
            if (string.Equals(national, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool TryMap(string? name, Gazetteer gazetteer, List<UsState> states, List<UsCounty> counties, List<ZipCodeInfo> zips)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 2000)
        {
            return false;
        }

        if (ZipList().IsMatch(name))
        {
            var found = false;
            foreach (Match m in Zip().Matches(name))
            {
                if (gazetteer.TryGetZip(m.Value, out var zip))
                {
                    zips.Add(zip);
                    found = true;
                }
            }

            return found;
        }

        if (TryState(name, out var state))
        {
            states.Add(state);
            return true;
        }

        var comma = name.LastIndexOf(',');
        if (comma > 0 && TryState(name[(comma + 1)..], out state))
        {
            var county = name[..comma].Trim();
            foreach (var suffix in CountySuffixes)
            {
                if (county.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && county.Length > suffix.Length)
                {
                    county = county[..^suffix.Length].Trim();
                    break;
                }
            }

            var given = Fold(county);
            foreach (var (folded, candidate) in HsdsPlaceNames.For(gazetteer).CountiesIn(state))
            {
                if (IsCountyNamed(folded, given))
                {
                    counties.Add(candidate);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a county's gazetteer name is the name given, alone or followed by one of the county suffixes (ignoring
    /// case, accents and the kind of apostrophe: both are <see cref="Fold"/>ed).
    /// </summary>
    private static bool IsCountyNamed(string foldedCountyName, string foldedName)
    {
        if (foldedCountyName == foldedName)
        {
            return true;
        }

        if (!foldedCountyName.StartsWith(foldedName, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = foldedCountyName.AsSpan(foldedName.Length);
        foreach (var suffix in CountySuffixes)
        {
            if (rest.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool TryState(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out UsState? state)
    {
        var t = text.Trim();
        if (t.Length == 2 && UsState.TryGetByCode(t.ToUpperInvariant(), out state))
        {
            return true;
        }

        return StateNames.TryGetValue(Fold(t), out state);
    }

    private static Dictionary<string, UsState> StateNamesFolded()
    {
        var names = new Dictionary<string, UsState>(StringComparer.Ordinal);
        foreach (var state in UsState.All)
        {
            names[Fold(state.Name)] = state;
        }

        foreach (var (name, code) in StateAliases)
        {
            names.TryAdd(name, UsState.GetByCode(code));
        }

        return names;
    }

    /// <summary>
    /// A name for comparison: lower case (invariant), the accented letters of Spanish (á é í ó ú ü ñ) without their
    /// accents, every apostrophe and the Samoan glottal stop (’ ‘ ʻ) as <c>'</c>, "saint " as "st. ", runs of white space
    /// as one space. Written out rather than by Unicode normalization, which an app with InvariantGlobalization lacks.
    /// </summary>
    internal static string Fold(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c) switch
            {
                'á' => 'a',
                'é' => 'e',
                'í' => 'i',
                'ó' => 'o',
                'ú' or 'ü' => 'u',
                'ñ' => 'n',
                '\u2019' or '\u2018' or '\u02BB' or '\u02BC' => '\'',
                var other => other,
            });
        }

        var folded = builder.ToString();
        return folded.StartsWith("saint ", StringComparison.Ordinal) ? string.Concat("st. ", folded.AsSpan(6)) : folded;
    }
}
