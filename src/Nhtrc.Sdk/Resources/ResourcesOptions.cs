namespace Nhtrc.Sdk.Resources;

/// <summary>
/// Options of the resource library (configuration section <c>Nhtrc:Resources</c>, docs/configuration.md). With no
/// property set, the library is the embedded sample (<see cref="ResourceLibrary.Sample"/>).
/// </summary>
public sealed class ResourcesOptions
{
    /// <summary>
    /// A resource library JSON file (docs/resources.md) to use instead of the sample; a relative path is resolved
    /// against the host's content root, and the file is read once, at startup.
    /// </summary>
    public string? LibraryFile { get; set; }
}
