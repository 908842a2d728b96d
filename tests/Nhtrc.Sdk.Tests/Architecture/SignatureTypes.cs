using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Decodes a signature (field, method, local variables, type specification) into every named type it mentions:
/// element types of arrays, pointers and references, generic type definitions and their arguments, custom modifiers
/// and the parts of function pointers. Generic parameters and primitives mention no named type.
/// </summary>
internal sealed class SignatureTypes : ISignatureTypeProvider<ImmutableArray<NamedType>, object?>
{
    public static readonly SignatureTypes Instance = new();

    private SignatureTypes()
    {
    }

    public static ImmutableArray<NamedType> Of(MethodSignature<ImmutableArray<NamedType>> signature) =>
        signature.ReturnType.AddRange(Flatten(signature.ParameterTypes));

    public static ImmutableArray<NamedType> Flatten(ImmutableArray<ImmutableArray<NamedType>> types)
    {
        var flat = ImmutableArray.CreateBuilder<NamedType>();
        foreach (var type in types)
        {
            flat.AddRange(type);
        }

        return flat.ToImmutable();
    }

    public ImmutableArray<NamedType> GetArrayType(ImmutableArray<NamedType> elementType, ArrayShape shape) => elementType;

    public ImmutableArray<NamedType> GetByReferenceType(ImmutableArray<NamedType> elementType) => elementType;

    public ImmutableArray<NamedType> GetFunctionPointerType(MethodSignature<ImmutableArray<NamedType>> signature) => Of(signature);

    public ImmutableArray<NamedType> GetGenericInstantiation(ImmutableArray<NamedType> genericType, ImmutableArray<ImmutableArray<NamedType>> typeArguments) =>
        genericType.AddRange(Flatten(typeArguments));

    public ImmutableArray<NamedType> GetGenericMethodParameter(object? genericContext, int index) => [];

    public ImmutableArray<NamedType> GetGenericTypeParameter(object? genericContext, int index) => [];

    public ImmutableArray<NamedType> GetModifiedType(ImmutableArray<NamedType> modifier, ImmutableArray<NamedType> unmodifiedType, bool isRequired) =>
        unmodifiedType.AddRange(modifier);

    public ImmutableArray<NamedType> GetPinnedType(ImmutableArray<NamedType> elementType) => elementType;

    public ImmutableArray<NamedType> GetPointerType(ImmutableArray<NamedType> elementType) => elementType;

    public ImmutableArray<NamedType> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

    public ImmutableArray<NamedType> GetSZArrayType(ImmutableArray<NamedType> elementType) => elementType;

    public ImmutableArray<NamedType> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        [NamedType.Of(reader, handle)];

    public ImmutableArray<NamedType> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        [NamedType.Of(reader, handle)];

    public ImmutableArray<NamedType> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
}
