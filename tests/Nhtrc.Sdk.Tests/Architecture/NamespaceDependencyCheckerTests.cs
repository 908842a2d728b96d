using System;
using System.Collections.Generic;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// The checker against assemblies emitted here, each with one planted reference, so that every way a type can refer to
/// another is shown to be seen, attributed to the right place, and judged against the graph.
/// </summary>
public sealed class NamespaceDependencyCheckerTests
{
    private const string Geography = "Nhtrc.Sdk.Geography";
    private const string Referrals = "Nhtrc.Sdk.Referrals";

    private static readonly DependencyGraph Graph = new(new Dictionary<string, string[]>
    {
        ["Validation"] = [],
        ["Text"] = ["Validation"],
        ["Geography"] = ["Validation", "Text"],
        ["Contacts"] = ["Geography", "Validation", "Text"],
        ["Referrals"] = ["Contacts", "Geography", "Validation", "Text"],
        [NamespaceNode.Root] = ["Validation", "Text", "Geography", "Contacts", "Referrals"],
    });

    public static TheoryData<PlantedReference> EveryPlantedReference => new(Enum.GetValues<PlantedReference>());

    [Theory]
    [MemberData(nameof(EveryPlantedReference))]
    public void Read_EachWayOfReferring_IsSeenOnceWhereItWasPlanted(PlantedReference reference)
    {
        var image = PlantedAssembly.Emit(Geography, Referrals, reference);

        var dependencies = NamespaceDependencyChecker.Read(image);

        Assert.Equal(Expected(Geography, Referrals, reference), dependencies);
    }

    [Theory]
    [MemberData(nameof(EveryPlantedReference))]
    public void Check_PlantedBackEdge_IsReportedAsExactlyGeographyToReferrals(PlantedReference reference)
    {
        var image = PlantedAssembly.Emit(Geography, Referrals, reference);

        var violations = NamespaceDependencyChecker.Check(image, Graph);

        var violation = Assert.Single(violations);
        Assert.Equal(("Geography", "Referrals"), (violation.From, violation.To));
        Assert.Equal("Geography may depend on Validation, Text", violation.Reason);
        Assert.Equal(Expected(Geography, Referrals, reference), violation.References);
    }

    [Theory]
    [MemberData(nameof(EveryPlantedReference))]
    public void Check_AllowedEdge_IsSeenButNotReported(PlantedReference reference)
    {
        var image = PlantedAssembly.Emit("Nhtrc.Sdk.Contacts", Geography, reference);

        Assert.Equal(Expected("Nhtrc.Sdk.Contacts", Geography, reference), NamespaceDependencyChecker.Read(image));
        Assert.Empty(NamespaceDependencyChecker.Check(image, Graph));
    }

    [Fact]
    public void Check_SubNamespaces_FoldIntoTheirFirstSegment()
    {
        var image = PlantedAssembly.Emit("Nhtrc.Sdk.Geography.Data", "Nhtrc.Sdk.Referrals.Json", PlantedReference.BodyNewobj);

        var violation = Assert.Single(NamespaceDependencyChecker.Check(image, Graph));

        Assert.Equal(("Geography", "Referrals"), (violation.From, violation.To));
        Assert.Equal("Nhtrc.Sdk.Geography.Data.Planted -> Nhtrc.Sdk.Referrals.Json.Target (body of Plant)", Assert.Single(violation.References).ToString());
    }

    [Fact]
    public void Check_RootMayUseEveryNode_ButNoNodeMayUseTheRoot()
    {
        var down = PlantedAssembly.Emit(NamespaceNode.Root, Referrals, PlantedReference.FieldType);
        var up = PlantedAssembly.Emit(Referrals, NamespaceNode.Root, PlantedReference.FieldType);

        Assert.Empty(NamespaceDependencyChecker.Check(down, Graph));
        var violation = Assert.Single(NamespaceDependencyChecker.Check(up, Graph));
        Assert.Equal(("Referrals", NamespaceNode.Root), (violation.From, violation.To));
    }

    [Fact]
    public void Check_NamespaceWithNoRow_IsReportedWhicheverSideItIsOn()
    {
        var toNew = PlantedAssembly.Emit(Geography, "Nhtrc.Sdk.Serialization", PlantedReference.BodyCall);
        var fromNew = PlantedAssembly.Emit("Nhtrc.Sdk.Serialization", Geography, PlantedReference.BodyCall);

        var to = Assert.Single(NamespaceDependencyChecker.Check(toNew, Graph));
        var from = Assert.Single(NamespaceDependencyChecker.Check(fromNew, Graph));

        Assert.Equal(("Geography", "Serialization", "Serialization is not in the graph"), (to.From, to.To, to.Reason));
        Assert.Equal(("Serialization", "Geography", "Serialization is not in the graph"), (from.From, from.To, from.Reason));
    }

    [Theory]
    [InlineData("Nhtrc.SdkExtras.Geography", Referrals)]
    [InlineData(Geography, "Nhtrc.SdkExtras.Referrals")]
    [InlineData("Planted", Referrals)]
    [InlineData(Geography, "Other")]
    public void Read_TypesOutsideNhtrcSdk_AreNeitherReadNorCounted(string from, string to)
    {
        var image = PlantedAssembly.Emit(from, to, PlantedReference.BodyNewobj);

        Assert.Empty(NamespaceDependencyChecker.Read(image));
    }

    [Fact]
    public void Describe_NamesEachEdgeWhyItIsForbiddenAndTheReferencesThatMakeIt()
    {
        var image = PlantedAssembly.Emit(Geography, Referrals, PlantedReference.BodyOfNestedType);

        var message = NamespaceDependencyChecker.Describe(NamespaceDependencyChecker.Check(image, Graph), "the test graph");

        Assert.Equal(
            """
            1 namespace dependency is not allowed by the test graph: Geography -> Referrals.

            Geography -> Referrals: Geography may depend on Validation, Text; 1 type pair (1 references), e.g.
                Nhtrc.Sdk.Geography.Planted+Inner -> Nhtrc.Sdk.Referrals.Target (body of Plant)
            """.ReplaceLineEndings(),
            message);
    }

    /// <summary>What the reader must find for a plant: the one reference, and for a base type also the constructor's call to the base constructor.</summary>
    private static TypeDependency[] Expected(string from, string to, PlantedReference reference)
    {
        var planted = Type(from, PlantedAssembly.PlantedName);
        var target = Type(to, "Target");
        return reference switch
        {
            PlantedReference.BaseType => [new(planted, target, ReferenceSite.BaseType, null), new(planted, target, ReferenceSite.MethodBody, ".ctor")],
            PlantedReference.Interface => [new(planted, Type(to, "ITarget"), ReferenceSite.Interface, null)],
            PlantedReference.FieldType => [new(planted, target, ReferenceSite.Field, "Value")],
            PlantedReference.FieldOfGenericInstance => [new(planted, target, ReferenceSite.Field, "Values")],
            PlantedReference.ParameterType or PlantedReference.ReturnType => [new(planted, target, ReferenceSite.MethodSignature, "Plant")],
            PlantedReference.GenericConstraint => [new(planted, target, ReferenceSite.GenericConstraint, "Plant")],
            PlantedReference.TypeAttribute => [new(planted, Type(to, "TargetAttribute"), ReferenceSite.Attribute, null)],
            PlantedReference.AttributeTypeofArgument => [new(planted, target, ReferenceSite.Attribute, null)],
            PlantedReference.ParameterAttribute => [new(planted, Type(to, "TargetAttribute"), ReferenceSite.Attribute, "Plant")],
            PlantedReference.PropertyType => [new(planted, target, ReferenceSite.Property, "Value")],
            PlantedReference.EventType => [new(planted, target, ReferenceSite.Event, "Changed")],
            PlantedReference.CatchClause => [new(planted, Type(to, "TargetException"), ReferenceSite.MethodBody, "Plant")],
            PlantedReference.BodyOfNestedType => [new(planted with { FullName = planted.FullName + "+Inner" }, target, ReferenceSite.MethodBody, "Plant")],
            PlantedReference.BodyToNestedType => [new(planted, target with { FullName = target.FullName + "+Nested" }, ReferenceSite.MethodBody, "Plant")],
            _ => [new(planted, target, ReferenceSite.MethodBody, "Plant")],
        };
    }

    private static NamedType Type(string @namespace, string name) => new(@namespace, $"{@namespace}.{name}");
}
