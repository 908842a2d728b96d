namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Options of the response-time services (configuration section <c>Nhtrc:ResponseTimes</c>, docs/configuration.md).
/// Without a file, the policy is <see cref="ResponsePolicy.NhtrcDefault"/>;
/// a policy built in code is registered as a <see cref="ResponsePolicy"/> singleton, which replaces the one these options choose.
/// </summary>
public sealed class ResponseTimesOptions
{
    /// <summary>
    /// A response policy JSON file (docs/deadlines.md) to use instead of the default; a relative path is resolved
    /// against the host's content root. It is read once, when the options are validated at startup; a missing or
    /// invalid file fails the host with every problem listed.
    /// </summary>
    public string? PolicyFile { get; set; }
}
