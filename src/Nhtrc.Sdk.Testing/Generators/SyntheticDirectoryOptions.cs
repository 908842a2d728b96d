using System;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// What <see cref="SyntheticDirectory"/> generates: the seed, the size (organizations, services or both), how the
/// providers spread over the country and the gazetteer its places come from. Equal options always give the same directory, byte for byte. The default is the
/// embedded sample's size from seed 0; <see cref="Sample"/> is the sample itself.
/// </summary>
public sealed record SyntheticDirectoryOptions
{
    private readonly int? organizations;
    private readonly int? services;
    private readonly Gazetteer gazetteer = Gazetteer.Default;
    private readonly SyntheticDirectorySpread spread;

    /// <summary>The options of the SDK's embedded sample directory: seed 2026 and <see cref="SyntheticDirectory.SampleOrganizations"/> organizations.</summary>
    public static SyntheticDirectoryOptions Sample { get; } = new() { Seed = SyntheticDirectory.SampleSeed, Organizations = SyntheticDirectory.SampleOrganizations };

    /// <summary>The seed of the random choices; any value.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Generation stops once the directory has this many organizations (or <see cref="Services"/> services, whichever
    /// comes first). Null, the default, sets no limit of organizations; with <see cref="Services"/> null too, the
    /// sample's <see cref="SyntheticDirectory.SampleOrganizations"/>.
    /// </summary>
    /// <remarks>
    /// Every directory holds the national organizations, metro coalitions and task forces, four providers in each
    /// state and the territories' planned organizations, about 390 organizations and 500 services in all, so a smaller
    /// limit gives that core.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int? Organizations
    {
        get => organizations;
        init => organizations = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Organizations), value, "The number of organizations must be positive.");
    }

    /// <summary>
    /// Generation stops once the directory has at least this many services (or <see cref="Organizations"/>
    /// organizations, whichever comes first), for example 100,000 for the benchmarks' national directory. Null, the
    /// default, sets no limit of services.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int? Services
    {
        get => services;
        init => services = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Services), value, "The number of services must be positive.");
    }

    /// <summary>
    /// How the providers drawn after the fixed core spread over the country: <see cref="SyntheticDirectorySpread.Uniform"/>
    /// (the default, and the sample's) or <see cref="SyntheticDirectorySpread.ByPopulation"/>, as people live.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not one of the enum's.</exception>
    public SyntheticDirectorySpread Spread
    {
        get => spread;
        init => spread = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Spread), value, "The spread must be Uniform or ByPopulation.");
    }

    /// <summary>
    /// Where the places come from: <see cref="Gazetteer.Default"/> unless set. It must have ZIP codes in every state and
    /// DC; the territories' planned organizations are added when it has Puerto Rico, and then need the ZIP codes and
    /// counties they name, as <see cref="Gazetteer.Default"/> has them.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Gazetteer Gazetteer
    {
        get => gazetteer;
        init => gazetteer = value ?? throw new ArgumentNullException(nameof(Gazetteer));
    }
}
