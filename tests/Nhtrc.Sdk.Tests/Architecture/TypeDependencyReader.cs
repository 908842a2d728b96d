using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Reads a compiled assembly's metadata and IL and lists every reference from a type in one <c>Nhtrc.Sdk</c> node to a
/// type in another: base types, interfaces, generic constraints, custom attributes (constructors and arguments),
/// field, method, property and event signatures, and method bodies (local variables, catch clauses and every metadata
/// token in the IL). Types outside the <c>Nhtrc.Sdk</c> namespaces, such as the compiler's
/// <c>&lt;PrivateImplementationDetails&gt;</c> in the global namespace, are neither read from nor counted.
/// </summary>
/// <remarks>
/// Not read: assembly- and module-level attributes (they belong to no namespace), explicit-implementation records
/// (their interfaces are read as interfaces), and what the compiler leaves no trace of, such as constants and enum
/// members copied in as numbers, <c>nameof</c> and documentation comments.
/// </remarks>
internal sealed class TypeDependencyReader
{
    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly AttributeArgumentTypes _attributeArguments;
    private readonly HashSet<TypeDependency> _seen = [];
    private readonly List<TypeDependency> _dependencies = [];

    private TypeDependencyReader(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _attributeArguments = new AttributeArgumentTypes(_reader);
    }

    /// <summary>Every distinct cross-node reference in the assembly, in metadata order.</summary>
    public static IReadOnlyList<TypeDependency> Read(PEReader pe)
    {
        var reader = new TypeDependencyReader(pe);
        foreach (var handle in reader._reader.TypeDefinitions)
        {
            var type = NamedType.Of(reader._reader, handle);
            if (type.Node is not null)
            {
                reader.ReadType(type, reader._reader.GetTypeDefinition(handle));
            }
        }

        return reader._dependencies;
    }

    private void ReadType(NamedType from, TypeDefinition type)
    {
        if (!type.BaseType.IsNil)
        {
            Add(from, TypesOf(type.BaseType), ReferenceSite.BaseType, member: null);
        }

        foreach (var handle in type.GetInterfaceImplementations())
        {
            var implementation = _reader.GetInterfaceImplementation(handle);
            Add(from, TypesOf(implementation.Interface), ReferenceSite.Interface, member: null);
            ReadAttributes(from, implementation.GetCustomAttributes(), member: null);
        }

        ReadGenericParameters(from, type.GetGenericParameters(), member: null);
        ReadAttributes(from, type.GetCustomAttributes(), member: null);

        foreach (var handle in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(handle);
            var name = _reader.GetString(field.Name);
            Add(from, field.DecodeSignature(SignatureTypes.Instance, genericContext: null), ReferenceSite.Field, name);
            ReadAttributes(from, field.GetCustomAttributes(), name);
        }

        foreach (var handle in type.GetMethods())
        {
            ReadMethod(from, _reader.GetMethodDefinition(handle));
        }

        foreach (var handle in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(handle);
            var name = _reader.GetString(property.Name);
            Add(from, SignatureTypes.Of(property.DecodeSignature(SignatureTypes.Instance, genericContext: null)), ReferenceSite.Property, name);
            ReadAttributes(from, property.GetCustomAttributes(), name);
        }

        foreach (var handle in type.GetEvents())
        {
            var @event = _reader.GetEventDefinition(handle);
            var name = _reader.GetString(@event.Name);
            Add(from, TypesOf(@event.Type), ReferenceSite.Event, name);
            ReadAttributes(from, @event.GetCustomAttributes(), name);
        }
    }

    private void ReadMethod(NamedType from, MethodDefinition method)
    {
        var name = _reader.GetString(method.Name);
        Add(from, SignatureTypes.Of(method.DecodeSignature(SignatureTypes.Instance, genericContext: null)), ReferenceSite.MethodSignature, name);
        ReadGenericParameters(from, method.GetGenericParameters(), name);
        ReadAttributes(from, method.GetCustomAttributes(), name);
        foreach (var handle in method.GetParameters())
        {
            ReadAttributes(from, _reader.GetParameter(handle).GetCustomAttributes(), name);
        }

        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            foreach (var local in _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(SignatureTypes.Instance, genericContext: null))
            {
                Add(from, local, ReferenceSite.MethodBody, name);
            }
        }

        foreach (var region in body.ExceptionRegions)
        {
            if (region.Kind == ExceptionRegionKind.Catch)
            {
                Add(from, TypesOf(region.CatchType), ReferenceSite.MethodBody, name);
            }
        }

        foreach (var token in MethodBodyTokens.Read(body))
        {
            Add(from, TypesOf(token), ReferenceSite.MethodBody, name);
        }
    }

    private void ReadGenericParameters(NamedType from, GenericParameterHandleCollection parameters, string? member)
    {
        foreach (var handle in parameters)
        {
            var parameter = _reader.GetGenericParameter(handle);
            foreach (var constraintHandle in parameter.GetConstraints())
            {
                var constraint = _reader.GetGenericParameterConstraint(constraintHandle);
                Add(from, TypesOf(constraint.Type), ReferenceSite.GenericConstraint, member);
                ReadAttributes(from, constraint.GetCustomAttributes(), member);
            }

            ReadAttributes(from, parameter.GetCustomAttributes(), member);
        }
    }

    private void ReadAttributes(NamedType from, CustomAttributeHandleCollection attributes, string? member)
    {
        foreach (var handle in attributes)
        {
            var attribute = _reader.GetCustomAttribute(handle);
            Add(from, TypesOf(attribute.Constructor), ReferenceSite.Attribute, member);
            Add(from, _attributeArguments.Of(attribute), ReferenceSite.Attribute, member);
        }
    }

    /// <summary>
    /// The named types a token mentions: a type's own name, a type specification's parts, and for a member its
    /// declaring type and signature (calling a method depends on the types it takes and returns).
    /// </summary>
    private ImmutableArray<NamedType> TypesOf(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return [NamedType.Of(_reader, (TypeDefinitionHandle)handle)];
            case HandleKind.TypeReference:
                return [NamedType.Of(_reader, (TypeReferenceHandle)handle)];
            case HandleKind.TypeSpecification:
                return _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(SignatureTypes.Instance, genericContext: null);
            case HandleKind.MethodDefinition:
                var method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return TypesOf(method.GetDeclaringType()).AddRange(SignatureTypes.Of(method.DecodeSignature(SignatureTypes.Instance, genericContext: null)));
            case HandleKind.FieldDefinition:
                var field = _reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                return TypesOf(field.GetDeclaringType()).AddRange(field.DecodeSignature(SignatureTypes.Instance, genericContext: null));
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                var signature = member.GetKind() == MemberReferenceKind.Method
                    ? SignatureTypes.Of(member.DecodeMethodSignature(SignatureTypes.Instance, genericContext: null))
                    : member.DecodeFieldSignature(SignatureTypes.Instance, genericContext: null);
                return TypesOf(member.Parent).AddRange(signature);
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                var arguments = specification.DecodeSignature(SignatureTypes.Instance, genericContext: null);
                return TypesOf(specification.Method).AddRange(SignatureTypes.Flatten(arguments));
            case HandleKind.StandaloneSignature:
                var standalone = _reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                return standalone.GetKind() == StandaloneSignatureKind.Method
                    ? SignatureTypes.Of(standalone.DecodeMethodSignature(SignatureTypes.Instance, genericContext: null))
                    : SignatureTypes.Flatten(standalone.DecodeLocalSignature(SignatureTypes.Instance, genericContext: null));
            default:
                // Module references (the parent of a P/Invoke's member reference) and the nil handle name no type.
                return [];
        }
    }

    private void Add(NamedType from, ImmutableArray<NamedType> types, ReferenceSite site, string? member)
    {
        var fromNode = from.Node;
        foreach (var to in types)
        {
            var toNode = to.Node;
            if (toNode is null || string.Equals(toNode, fromNode, StringComparison.Ordinal))
            {
                continue;
            }

            var dependency = new TypeDependency(from, to, site, member);
            if (_seen.Add(dependency))
            {
                _dependencies.Add(dependency);
            }
        }
    }
}
