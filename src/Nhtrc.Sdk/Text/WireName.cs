using System;
using System.Collections.Immutable;
using System.Linq;

namespace Nhtrc.Sdk.Text;

/// <summary>The cache behind <see cref="WireNames"/>: the camelCase JSON names of an enum's members (<c>WebForm</c> is <c>webForm</c>), matched case-sensitively.</summary>
internal static class WireName<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToArray();

    /// <summary>Every name, in declaration order.</summary>
    public static ImmutableArray<string> All { get; } = [.. Names];

    /// <summary>The accepted names, for messages: <c>phone, text, chat</c>.</summary>
    public static string Expected { get; } = string.Join(", ", Names);

    public static string Of(T value)
    {
        var i = Array.IndexOf(Values, value);
        return i >= 0 ? Names[i] : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined value.");
    }

    public static bool TryParse(string name, out T value) => TryParse(name.AsSpan(), out value);

    public static bool TryParse(ReadOnlySpan<char> name, out T value)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.Length == Names[i].Length && name.SequenceEqual(Names[i]))
            {
                value = Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}
