using System;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Maps a namespace to its node in the allowed graph: the first segment after <c>Nhtrc.Sdk.</c>
/// (<c>Nhtrc.Sdk.Contacts.Json</c> is <c>Contacts</c>), or <see cref="Root"/> for <c>Nhtrc.Sdk</c> itself.
/// </summary>
internal static class NamespaceNode
{
    public const string Root = "Nhtrc.Sdk";

    private const string Prefix = Root + ".";

    /// <summary>The node of <paramref name="namespace"/>, or null when it is not an <c>Nhtrc.Sdk</c> namespace.</summary>
    public static string? Of(string @namespace)
    {
        if (string.Equals(@namespace, Root, StringComparison.Ordinal))
        {
            return Root;
        }

        if (!@namespace.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = @namespace.AsSpan(Prefix.Length);
        var dot = rest.IndexOf('.');
        return (dot < 0 ? rest : rest[..dot]).ToString();
    }
}
