namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>The one place a <see cref="PlantedAssembly"/>'s planted type refers to the target namespace.</summary>
public enum PlantedReference
{
    BaseType,
    Interface,
    FieldType,
    FieldOfGenericInstance,
    ParameterType,
    ReturnType,
    GenericConstraint,
    TypeAttribute,
    AttributeTypeofArgument,
    ParameterAttribute,
    PropertyType,
    EventType,
    LocalVariable,
    CatchClause,
    BodyNewobj,
    BodyCall,
    BodyLdsfld,
    BodyCastclass,
    BodyIsinst,
    BodyNewarr,
    BodyLdtoken,
    BodyGenericMethodArgument,
    BodyMemberOfGenericInstance,
    BodyOfNestedType,
    BodyToNestedType,
}
