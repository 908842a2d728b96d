namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// A reference from a type in one node to a type in another. <see cref="Member"/> names the field, method, property
/// or event the reference was found in, or is null for the type's own base type, interfaces, constraints and attributes.
/// </summary>
internal sealed record TypeDependency(NamedType FromType, NamedType ToType, ReferenceSite Site, string? Member)
{
    public string FromNode => FromType.Node!;

    public string ToNode => ToType.Node!;

    public override string ToString() => $"{FromType} -> {ToType} ({Describe()})";

    private string Describe() => (Site, Member) switch
    {
        (ReferenceSite.BaseType, _) => "base type",
        (ReferenceSite.Interface, _) => "interface",
        (ReferenceSite.GenericConstraint, null) => "generic constraint",
        (ReferenceSite.GenericConstraint, _) => $"generic constraint of {Member}",
        (ReferenceSite.Attribute, null) => "attribute",
        (ReferenceSite.Attribute, _) => $"attribute of {Member}",
        (ReferenceSite.Field, _) => $"field {Member}",
        (ReferenceSite.MethodSignature, _) => $"signature of {Member}",
        (ReferenceSite.Property, _) => $"property {Member}",
        (ReferenceSite.Event, _) => $"event {Member}",
        (ReferenceSite.MethodBody, _) => $"body of {Member}",
        _ => Site.ToString(),
    };
}
