using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// A county or county-equivalent (parish, borough, census area, independent city, Connecticut planning
/// region; in the territories a municipio, island, district or municipality) as the gazetteer knows it. Equality
/// compares every property.
/// </summary>
public sealed record UsCounty
{
    internal UsCounty(string fips, string name, UsState state, GeoPoint centroid, int zipCount)
    {
        Fips = fips;
        FipsNumber = InputText.DigitsValue(fips);
        Name = name;
        State = state;
        Centroid = centroid;
        ZipCount = zipCount;
    }

    /// <summary>The five-digit FIPS code: the state's two digits then the county's three, for example <c>36061</c>.</summary>
    public string Fips { get; }

    /// <summary>The FIPS code as a number, 36061 for <c>36061</c>: a key for lookups by county, derived from <see cref="Fips"/>.</summary>
    internal int FipsNumber { get; }

    /// <summary>The name as GeoNames gives it, usually without "County", for example <c>New York</c>.</summary>
    public string Name { get; }

    /// <summary>The state the county is in.</summary>
    public UsState State { get; }

    /// <summary>
    /// The spherical mean of the coordinates of the county's ZIP codes: a ZIP-weighted centre that leans
    /// toward where ZIP codes are dense, not the centroid of the county's boundary. For a county no ZIP code lies in
    /// (<see cref="ZipCount"/> 0), the representative point the gazetteer gives it (its main village or island).
    /// </summary>
    public GeoPoint Centroid { get; }

    /// <summary>
    /// How many ZIP codes of the gazetteer lie in the county; 0 for a county-equivalent no postal code names (for
    /// example American Samoa's Manu'a District, whose mail goes to 96799 with the rest of the territory).
    /// </summary>
    public int ZipCount { get; }

    /// <summary>Returns FIPS, name and state, for example <c>36061 New York, NY</c>.</summary>
    public override string ToString() => $"{Fips} {Name}, {State.Code}";
}
