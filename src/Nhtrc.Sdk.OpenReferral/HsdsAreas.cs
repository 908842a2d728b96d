using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads a <c>service_area</c> name as US places: a list of 5-digit ZIP codes (separated by commas, semicolons or
/// spaces), a state (code or name), or a county as "Name County, ST" (also Parish, Borough; state by code or name).
/// </summary>
internal static partial class HsdsAreas
{
    private static readonly string[] CountySuffixes = [" County", " Parish", " Borough", " Census Area", " Municipality"];

    [GeneratedRegex(@"^\s*\d{5}(?:\s*[,;\s]\s*\d{5})*\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ZipList();

    [GeneratedRegex(@"\d{5}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Zip();

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

            var match = gazetteer.CountiesIn(state).FirstOrDefault(c =>
                string.Equals(c.Name, county, StringComparison.OrdinalIgnoreCase) ||
                CountySuffixes.Any(s => string.Equals(c.Name, county + s, StringComparison.OrdinalIgnoreCase)));
            if (match is not null)
            {
                counties.Add(match);
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

        state = UsState.All.FirstOrDefault(s => string.Equals(s.Name, t, StringComparison.OrdinalIgnoreCase));
        return state is not null;
    }
}
