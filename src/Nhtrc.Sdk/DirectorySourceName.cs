namespace Nhtrc.Sdk;

/// <summary>A directory source name registered in a service collection, for the startup validation to list and check.</summary>
internal sealed record DirectorySourceName(string Name);
