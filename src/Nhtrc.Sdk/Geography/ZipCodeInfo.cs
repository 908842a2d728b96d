using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// What the gazetteer knows about one five-digit ZIP code: its place, state, county and a representative
/// point. Equality compares every property. A ZIP code is a postal route, not personal data.
/// </summary>
public sealed record ZipCodeInfo
{
    internal ZipCodeInfo(string zip, string placeName, UsCounty county, GeoPoint location)
    {
        Zip = zip;
        Number = InputText.DigitsValue(zip);
        PlaceName = placeName;
        County = county;
        Location = location;
    }

    /// <summary>The five digits, leading zeros kept, for example <c>02108</c>.</summary>
    public string Zip { get; }

    /// <summary>The five digits as a number, 2108 for <c>02108</c>: an index for lookups by ZIP code, derived from <see cref="Zip"/>.</summary>
    internal int Number { get; }

    /// <summary>The post office or place name, for example <c>Boston</c>.</summary>
    public string PlaceName { get; }

    /// <summary>The state, the same as <c>County.State</c>.</summary>
    public UsState State => County.State;

    /// <summary>The county the ZIP code is assigned to (a ZIP that crosses county lines is assigned to one).</summary>
    public UsCounty County { get; }

    /// <summary>The representative point GeoNames gives for the ZIP code.</summary>
    public GeoPoint Location { get; }

    /// <summary>Returns ZIP, place and state, for example <c>02108 Boston, MA</c>.</summary>
    public override string ToString() => $"{Zip} {PlaceName}, {State.Code}";
}
