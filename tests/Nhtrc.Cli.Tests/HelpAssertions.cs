using System;

namespace Nhtrc.Cli.Tests;

/// <summary>What every command's help looks like: System.CommandLine's description, usage and options, then the command's details.</summary>
internal static class HelpAssertions
{
    public static void AssertGeneratedHelp(string help, string usage, string details)
    {
        Assert.StartsWith("Description:\n  ", help, StringComparison.Ordinal);
        Assert.Contains($"\nUsage:\n  {usage}\n", help, StringComparison.Ordinal);
        Assert.Contains("\nOptions:\n", help, StringComparison.Ordinal);
        Assert.Contains("  -?, -h, --help", help, StringComparison.Ordinal);
        Assert.EndsWith("\n" + details + "\n", help, StringComparison.Ordinal);
    }
}
