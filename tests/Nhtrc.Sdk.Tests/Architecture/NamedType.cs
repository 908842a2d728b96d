using System.Reflection.Metadata;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// A type definition or reference by name. <see cref="Namespace"/> is that of the outermost declaring type, so a
/// nested type belongs to its declaring type's namespace; <see cref="FullName"/> writes nesting with <c>+</c>.
/// </summary>
internal readonly record struct NamedType(string Namespace, string FullName)
{
    /// <summary>The type's node in the allowed graph, or null when it is outside <c>Nhtrc.Sdk</c>.</summary>
    public string? Node => NamespaceNode.Of(Namespace);

    public static NamedType Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var definition = reader.GetTypeDefinition(handle);
        var name = reader.GetString(definition.Name);
        var declaring = definition.GetDeclaringType();
        if (!declaring.IsNil)
        {
            var outer = Of(reader, declaring);
            return new NamedType(outer.Namespace, outer.FullName + "+" + name);
        }

        return Create(reader.GetString(definition.Namespace), name);
    }

    public static NamedType Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            var outer = Of(reader, (TypeReferenceHandle)reference.ResolutionScope);
            return new NamedType(outer.Namespace, outer.FullName + "+" + name);
        }

        return Create(reader.GetString(reference.Namespace), name);
    }

    public override string ToString() => FullName;

    private static NamedType Create(string @namespace, string name) =>
        new(@namespace, @namespace.Length == 0 ? name : @namespace + "." + name);
}
