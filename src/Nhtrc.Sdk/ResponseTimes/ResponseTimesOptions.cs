namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Options of the response-time services registered by
/// <see cref="NhtrcServiceCollectionExtensions.AddNhtrcResponseTimes(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>.
/// With neither property set, the policy is <see cref="ResponsePolicy.NhtrcDefault"/>.
/// </summary>
public sealed class ResponseTimesOptions
{
    /// <summary>
    /// A response policy JSON file (docs/deadlines.md) to use instead of the default. It is read and validated
    /// when the options are validated, at startup; an invalid file fails the host with every problem listed.
    /// </summary>
    public string? PolicyFile { get; set; }

    /// <summary>A policy built in code; takes precedence over <see cref="PolicyFile"/>. Not bindable from configuration.</summary>
    public ResponsePolicy? Policy { get; set; }
}
