using System;

namespace Nhtrc.Cli;

/// <summary>
/// The camelCase id of an enum member, as the SDK's JSON documents spell it: <c>TwentyFourSevenLine</c> is
/// <c>twentyFourSevenLine</c>, <c>WarmTransfer</c> is <c>warmTransfer</c>.
/// </summary>
internal static class EnumIds
{
    /// <summary>Returns the member's name with its first letter in lower case.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
