using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Decodes a custom attribute's arguments into the named types they mention: the types of enum and boxed arguments,
/// and the types given to <see cref="Type"/> arguments (<c>typeof(X)</c>, stored as serialized names).
/// </summary>
/// <remarks>
/// Decoding an enum argument needs the enum's underlying type. Enums defined in the assembly being read are looked up
/// in it; others are loaded by reflection, and assumed to be <see cref="int"/> (as nearly all are) when that fails.
/// </remarks>
internal sealed class AttributeArgumentTypes : ICustomAttributeTypeProvider<AttributeArgumentTypes.ArgumentType>
{
    private static readonly ArgumentType SystemType = new([], IsSystemType: true, Definition: null, ReflectionName: null);

    private readonly MetadataReader _reader;
    private Dictionary<string, TypeDefinitionHandle>? _definitionsByName;

    public AttributeArgumentTypes(MetadataReader reader)
    {
        _reader = reader;
    }

    /// <summary>Every named type <paramref name="attribute"/>'s arguments mention.</summary>
    public ImmutableArray<NamedType> Of(CustomAttribute attribute)
    {
        var value = attribute.DecodeValue(this);
        var types = ImmutableArray.CreateBuilder<NamedType>();
        foreach (var argument in value.FixedArguments)
        {
            Add(types, argument);
        }

        foreach (var argument in value.NamedArguments)
        {
            Add(types, new CustomAttributeTypedArgument<ArgumentType>(argument.Type, argument.Value));
        }

        return types.ToImmutable();
    }

    public ArgumentType GetPrimitiveType(PrimitiveTypeCode typeCode) => new([], IsSystemType: false, Definition: null, ReflectionName: null);

    public ArgumentType GetSystemType() => SystemType;

    public bool IsSystemType(ArgumentType type) => type.IsSystemType;

    public ArgumentType GetSZArrayType(ArgumentType elementType) => elementType with { IsSystemType = false, Definition = null, ReflectionName = null };

    public ArgumentType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new([NamedType.Of(reader, handle)], IsSystemType: false, handle, ReflectionName: null);

    public ArgumentType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var type = NamedType.Of(reader, handle);
        if (type.FullName == "System.Type")
        {
            return SystemType;
        }

        return new([type], IsSystemType: false, Definition: null, ReflectionName: ReflectionNameOf(reader, handle, type));
    }

    public ArgumentType GetTypeFromSerializedName(string name)
    {
        if (!TypeName.TryParse(name, out var parsed))
        {
            return new([], IsSystemType: false, Definition: null, ReflectionName: null);
        }

        var types = ImmutableArray.CreateBuilder<NamedType>();
        AddParsed(types, parsed);
        var definition = IsThisAssembly(parsed.AssemblyName) && DefinitionsByName().TryGetValue(parsed.FullName, out var handle) ? handle : (TypeDefinitionHandle?)null;
        return new(types.ToImmutable(), IsSystemType: false, definition, ReflectionName: name);
    }

    public PrimitiveTypeCode GetUnderlyingEnumType(ArgumentType type)
    {
        if (type.Definition is { } definition)
        {
            foreach (var fieldHandle in _reader.GetTypeDefinition(definition).GetFields())
            {
                var field = _reader.GetFieldDefinition(fieldHandle);
                if ((field.Attributes & System.Reflection.FieldAttributes.Static) == 0)
                {
                    var signature = _reader.GetBlobReader(field.Signature);
                    signature.ReadSignatureHeader();
                    return (PrimitiveTypeCode)signature.ReadSignatureTypeCode();
                }
            }
        }

        var loaded = type.ReflectionName is null ? null : Type.GetType(type.ReflectionName, throwOnError: false);
        return loaded is { IsEnum: true } ? PrimitiveOf(Enum.GetUnderlyingType(loaded)) : PrimitiveTypeCode.Int32;
    }

    private static void Add(ImmutableArray<NamedType>.Builder types, CustomAttributeTypedArgument<ArgumentType> argument)
    {
        types.AddRange(argument.Type.Types);
        switch (argument.Value)
        {
            case ArgumentType type:
                types.AddRange(type.Types);
                break;
            case ImmutableArray<CustomAttributeTypedArgument<ArgumentType>> elements:
                foreach (var element in elements)
                {
                    Add(types, element);
                }

                break;
        }
    }

    private static void AddParsed(ImmutableArray<NamedType>.Builder types, TypeName name)
    {
        if (name.IsArray || name.IsPointer || name.IsByRef)
        {
            AddParsed(types, name.GetElementType());
            return;
        }

        if (name.IsConstructedGenericType)
        {
            AddParsed(types, name.GetGenericTypeDefinition());
            foreach (var argument in name.GetGenericArguments())
            {
                AddParsed(types, argument);
            }

            return;
        }

        var outermost = name;
        while (outermost.IsNested)
        {
            outermost = outermost.DeclaringType;
        }

        types.Add(new NamedType(outermost.Namespace, name.FullName));
    }

    private static string? ReflectionNameOf(MetadataReader reader, TypeReferenceHandle handle, NamedType type)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        if (scope.Kind != HandleKind.AssemblyReference)
        {
            return null;
        }

        var assembly = reader.GetAssemblyReference((AssemblyReferenceHandle)scope);
        return type.FullName + ", " + reader.GetString(assembly.Name);
    }

    private static PrimitiveTypeCode PrimitiveOf(Type underlying) => Type.GetTypeCode(underlying) switch
    {
        TypeCode.SByte => PrimitiveTypeCode.SByte,
        TypeCode.Byte => PrimitiveTypeCode.Byte,
        TypeCode.Int16 => PrimitiveTypeCode.Int16,
        TypeCode.UInt16 => PrimitiveTypeCode.UInt16,
        TypeCode.UInt32 => PrimitiveTypeCode.UInt32,
        TypeCode.Int64 => PrimitiveTypeCode.Int64,
        TypeCode.UInt64 => PrimitiveTypeCode.UInt64,
        _ => PrimitiveTypeCode.Int32,
    };

    private bool IsThisAssembly(AssemblyNameInfo? assembly) =>
        assembly is null
        || (_reader.IsAssembly && string.Equals(assembly.Name, _reader.GetString(_reader.GetAssemblyDefinition().Name), StringComparison.Ordinal));

    private Dictionary<string, TypeDefinitionHandle> DefinitionsByName()
    {
        if (_definitionsByName is null)
        {
            _definitionsByName = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);
            foreach (var handle in _reader.TypeDefinitions)
            {
                _definitionsByName[NamedType.Of(_reader, handle).FullName] = handle;
            }
        }

        return _definitionsByName;
    }

    /// <summary>A decoded argument type: the named types it mentions, and what decoding an enum of it needs.</summary>
    internal sealed record ArgumentType(
        ImmutableArray<NamedType> Types,
        bool IsSystemType,
        TypeDefinitionHandle? Definition,
        string? ReflectionName);
}
