namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>Where in a type definition a reference to another type was found.</summary>
internal enum ReferenceSite
{
    BaseType,
    Interface,
    GenericConstraint,
    Attribute,
    Field,
    MethodSignature,
    Property,
    Event,

    /// <summary>The IL of a method body, its local variables or its catch clauses.</summary>
    MethodBody,
}
