namespace Nhtrc.Sdk.Testing;

/// <summary>How <see cref="SyntheticDirectory"/> spreads the providers it draws over the country.</summary>
public enum SyntheticDirectorySpread
{
    /// <summary>
    /// The default and the embedded sample's: states (and DC) in proportion to their ZIP codes, any ZIP code of a state
    /// as likely as another; the territories get only their planned organizations.
    /// </summary>
    Uniform = 0,

    /// <summary>
    /// As people live: the states, DC and the five territories in proportion to their 2020 census population, and within
    /// each a ZIP code in proportion to the density of ZIP codes around it, so metro areas are dense and the
    /// countryside sparse. The territories' planned organizations are added as well.
    /// </summary>
    ByPopulation = 1,
}
