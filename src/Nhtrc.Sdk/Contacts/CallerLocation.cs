using System.Text;

using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Validation;
namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// Where a caller is, or where the situation is, as far as they share it: any of a ZIP code, a county
/// FIPS code, a state and a point, at least one. Formats are validated here; resolving and
/// cross-checking them is the Geography namespace's job. An exact street address is personal data and
/// belongs in <see cref="PersonalData.Address"/>, not here. Immutable; equality is by value.
/// </summary>
public sealed record CallerLocation
{
    /// <summary>Creates a location from the parts that are known.</summary>
    /// <param name="zip">A 5-digit ZIP code, such as <c>77002</c>.</param>
    /// <param name="countyFips">A 5-digit county FIPS code (state + county), such as <c>48201</c>.</param>
    /// <param name="state">A USPS state or territory code, such as <c>TX</c>; any case, stored uppercase.</param>
    /// <param name="point">An approximate position.</param>
    /// <exception cref="NhtrcValidationException">A part has the wrong format, or all are null; every problem is listed.</exception>
    public CallerLocation(string? zip = null, string? countyFips = null, string? state = null, GeoPoint? point = null)
    {
        var problems = new ProblemList();
        Validate(problems, zip, countyFips, state, point.HasValue, nameof(zip), nameof(countyFips), nameof(state), "location");
        problems.ThrowIfAny("caller location");
        Zip = zip;
        CountyFips = countyFips;
        State = state?.ToUpperInvariant();
        Point = point;
    }

    /// <summary>The 5-digit ZIP code, or null.</summary>
    public string? Zip { get; }

    /// <summary>The 5-digit county FIPS code, or null.</summary>
    public string? CountyFips { get; }

    /// <summary>The uppercase USPS state or territory code, or null.</summary>
    public string? State { get; }

    /// <summary>The approximate position, or null.</summary>
    public GeoPoint? Point { get; }

    /// <summary>Returns the known parts, for example <c>CallerLocation { Zip = 77002, State = TX }</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("CallerLocation {");
        var first = true;
        Append(text, ref first, nameof(Zip), Zip);
        Append(text, ref first, nameof(CountyFips), CountyFips);
        Append(text, ref first, nameof(State), State);
        Append(text, ref first, nameof(Point), Point?.ToString());
        return text.Append(" }").ToString();
    }

    internal static void Validate(
        ProblemList problems, string? zip, string? countyFips, string? state, bool hasPoint,
        string zipLocation, string countyFipsLocation, string stateLocation, string location)
    {
        problems.Check(zipLocation, ContactRules.Zip(zip));
        problems.Check(countyFipsLocation, ContactRules.CountyFips(countyFips));
        problems.Check(stateLocation, ContactRules.State(state));
        if (zip is null && countyFips is null && state is null && !hasPoint)
        {
            problems.Add(location, "must have at least one of zip, countyFips, state or point; omit the location instead.");
        }
    }

    private static void Append(StringBuilder text, ref bool first, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        text.Append(first ? " " : ", ").Append(name).Append(" = ").Append(value);
        first = false;
    }
}
