namespace Nhtrc.DataGen.Fixtures;

/// <summary>One fixture file: its name inside its kind's folder (ending in <c>.json</c>) and its text as today's writer wrote it.</summary>
internal sealed record FixtureDocument(string Name, string Text);
