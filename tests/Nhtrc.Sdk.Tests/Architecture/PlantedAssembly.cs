using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Emits a small assembly in which <c>{from}.Planted</c> refers to types of <c>{to}</c> (<c>Target</c>, <c>ITarget</c>,
/// <c>TargetAttribute</c>, <c>TargetException</c>, <c>Target+Nested</c>) in exactly one way, and otherwise only to
/// <c>System</c> types; the target types refer to nothing outside <c>System</c>.
/// </summary>
internal static class PlantedAssembly
{
    public const string PlantedName = "Planted";

    public static byte[] Emit(string from, string to, PlantedReference reference)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName("Nhtrc.Sdk.Planted"), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule("Nhtrc.Sdk.Planted.dll");
        var targets = new Targets(module, to);

        var planted = module.DefineType(
            $"{from}.{PlantedName}",
            TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Class,
            reference == PlantedReference.BaseType ? targets.Target : typeof(object));
        var created = new List<TypeBuilder> { planted };
        Plant(planted, targets, reference, created);

        targets.Create();
        foreach (var type in created)
        {
            type.CreateType();
        }

        using var image = new MemoryStream();
        assembly.Save(image);
        return image.ToArray();
    }

    private static void Plant(TypeBuilder planted, Targets targets, PlantedReference reference, List<TypeBuilder> created)
    {
        switch (reference)
        {
            case PlantedReference.BaseType:
                break;
            case PlantedReference.Interface:
                planted.AddInterfaceImplementation(targets.Interface);
                break;
            case PlantedReference.FieldType:
                planted.DefineField("Value", targets.Target, FieldAttributes.Public);
                break;
            case PlantedReference.FieldOfGenericInstance:
                planted.DefineField("Values", typeof(List<>).MakeGenericType(targets.Target), FieldAttributes.Public);
                break;
            case PlantedReference.ParameterType:
                Returns(planted.DefineMethod("Plant", PlantMethod, typeof(void), [targets.Target]));
                break;
            case PlantedReference.ReturnType:
                ReturnsNull(planted.DefineMethod("Plant", PlantMethod, targets.Target, Type.EmptyTypes));
                break;
            case PlantedReference.GenericConstraint:
                var generic = planted.DefineMethod("Plant", PlantMethod);
                generic.DefineGenericParameters("T")[0].SetBaseTypeConstraint(targets.Target);
                Returns(generic);
                break;
            case PlantedReference.TypeAttribute:
                planted.SetCustomAttribute(new CustomAttributeBuilder(targets.AttributeConstructor, []));
                break;
            case PlantedReference.AttributeTypeofArgument:
                planted.SetCustomAttribute(new CustomAttributeBuilder(
                    typeof(DebuggerTypeProxyAttribute).GetConstructor([typeof(Type)])!,
                    [targets.Target]));
                break;
            case PlantedReference.ParameterAttribute:
                var withParameter = planted.DefineMethod("Plant", PlantMethod, typeof(void), [typeof(object)]);
                withParameter.DefineParameter(1, ParameterAttributes.None, "value")
                    .SetCustomAttribute(new CustomAttributeBuilder(targets.AttributeConstructor, []));
                Returns(withParameter);
                break;
            case PlantedReference.PropertyType:
                planted.DefineProperty("Value", PropertyAttributes.None, targets.Target, Type.EmptyTypes);
                break;
            case PlantedReference.EventType:
                planted.DefineEvent("Changed", EventAttributes.None, targets.Target);
                break;
            case PlantedReference.LocalVariable:
                Body(planted, il => il.DeclareLocal(targets.Target));
                break;
            case PlantedReference.CatchClause:
                Body(planted, il =>
                {
                    il.BeginExceptionBlock();
                    il.Emit(OpCodes.Nop);
                    il.BeginCatchBlock(targets.Exception);
                    il.Emit(OpCodes.Pop);
                    il.EndExceptionBlock();
                });
                break;
            case PlantedReference.BodyNewobj:
                Body(planted, il => Discard(il, OpCodes.Newobj, targets.Constructor));
                break;
            case PlantedReference.BodyCall:
                Body(planted, il => Discard(il, OpCodes.Call, targets.Make));
                break;
            case PlantedReference.BodyLdsfld:
                Body(planted, il => Discard(il, OpCodes.Ldsfld, targets.Shared));
                break;
            case PlantedReference.BodyCastclass:
                Body(planted, il => Discard(il, OpCodes.Ldnull, OpCodes.Castclass, targets.Target));
                break;
            case PlantedReference.BodyIsinst:
                Body(planted, il => Discard(il, OpCodes.Ldnull, OpCodes.Isinst, targets.Target));
                break;
            case PlantedReference.BodyNewarr:
                Body(planted, il => Discard(il, OpCodes.Ldc_I4_0, OpCodes.Newarr, targets.Target));
                break;
            case PlantedReference.BodyLdtoken:
                Body(planted, il =>
                {
                    il.Emit(OpCodes.Ldtoken, targets.Target);
                    il.Emit(OpCodes.Pop);
                });
                break;
            case PlantedReference.BodyGenericMethodArgument:
                var empty = typeof(Array).GetMethod(nameof(Array.Empty))!.MakeGenericMethod(targets.Target);
                Body(planted, il => Discard(il, OpCodes.Call, empty));
                break;
            case PlantedReference.BodyMemberOfGenericInstance:
                var list = typeof(List<>).MakeGenericType(targets.Target);
                var listConstructor = TypeBuilder.GetConstructor(list, typeof(List<>).GetConstructor(Type.EmptyTypes)!);
                Body(planted, il => Discard(il, OpCodes.Newobj, listConstructor));
                break;
            case PlantedReference.BodyOfNestedType:
                var nested = planted.DefineNestedType("Inner", TypeAttributes.NestedPublic | TypeAttributes.Abstract | TypeAttributes.Class);
                Body(nested, il => Discard(il, OpCodes.Newobj, targets.Constructor));
                created.Add(nested);
                break;
            case PlantedReference.BodyToNestedType:
                Body(planted, il => Discard(il, OpCodes.Ldnull, OpCodes.Castclass, targets.Nested));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reference), reference, null);
        }
    }

    private const MethodAttributes PlantMethod = MethodAttributes.Public | MethodAttributes.Static;

    /// <summary>
    /// A static <c>Plant</c> method whose body is <paramref name="emit"/>'s, after instructions with operands of many
    /// sizes (8-byte constants, a string token, a switch table, a short form) that the IL walker must step over. The
    /// method is never run.
    /// </summary>
    private static void Body(TypeBuilder type, Action<ILGenerator> emit)
    {
        var method = type.DefineMethod("Plant", PlantMethod, typeof(void), Type.EmptyTypes);
        var il = method.GetILGenerator();
        var start = il.DefineLabel();
        var next = il.DefineLabel();
        il.MarkLabel(start);
        il.Emit(OpCodes.Ldc_I8, long.MaxValue);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldc_R8, 1.5);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldstr, "planted");
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldc_I4_S, (sbyte)1);

        // A backward target is a negative offset, whose 0xFF bytes are no opcode: misreading the table cannot go unseen.
        il.Emit(OpCodes.Switch, [start, next]);
        il.MarkLabel(next);
        emit(il);
        il.Emit(OpCodes.Ret);
    }

    private static void Discard(ILGenerator il, OpCode opCode, MethodInfo method)
    {
        il.Emit(opCode, method);
        il.Emit(OpCodes.Pop);
    }

    private static void Discard(ILGenerator il, OpCode opCode, ConstructorInfo constructor)
    {
        il.Emit(opCode, constructor);
        il.Emit(OpCodes.Pop);
    }

    private static void Discard(ILGenerator il, OpCode opCode, FieldInfo field)
    {
        il.Emit(opCode, field);
        il.Emit(OpCodes.Pop);
    }

    private static void Discard(ILGenerator il, OpCode load, OpCode opCode, Type type)
    {
        il.Emit(load);
        il.Emit(opCode, type);
        il.Emit(OpCodes.Pop);
    }

    private static void Returns(MethodBuilder method) => method.GetILGenerator().Emit(OpCodes.Ret);

    private static void ReturnsNull(MethodBuilder method)
    {
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldnull);
        il.Emit(OpCodes.Ret);
    }

    /// <summary>The stand-in types of the target namespace.</summary>
    private sealed class Targets
    {
        private readonly TypeBuilder[] _types;

        public Targets(ModuleBuilder module, string @namespace)
        {
            Target = module.DefineType($"{@namespace}.Target", TypeAttributes.Public | TypeAttributes.Class);
            Constructor = Target.DefineDefaultConstructor(MethodAttributes.Public);
            Shared = Target.DefineField("Shared", typeof(object), FieldAttributes.Public | FieldAttributes.Static);
            Make = Target.DefineMethod("Make", PlantMethod, typeof(object), Type.EmptyTypes);
            ReturnsNull(Make);
            Nested = Target.DefineNestedType("Nested", TypeAttributes.NestedPublic | TypeAttributes.Class);
            Interface = module.DefineType($"{@namespace}.ITarget", TypeAttributes.Public | TypeAttributes.Interface | TypeAttributes.Abstract);
            var attribute = module.DefineType($"{@namespace}.TargetAttribute", TypeAttributes.Public | TypeAttributes.Class, typeof(Attribute));
            AttributeConstructor = attribute.DefineDefaultConstructor(MethodAttributes.Public);
            Exception = module.DefineType($"{@namespace}.TargetException", TypeAttributes.Public | TypeAttributes.Class, typeof(Exception));
            Exception.DefineDefaultConstructor(MethodAttributes.Public);
            _types = [Target, Nested, Interface, attribute, Exception];
        }

        public TypeBuilder Target { get; }

        public ConstructorBuilder Constructor { get; }

        public FieldBuilder Shared { get; }

        public MethodBuilder Make { get; }

        public TypeBuilder Nested { get; }

        public TypeBuilder Interface { get; }

        public ConstructorBuilder AttributeConstructor { get; }

        public TypeBuilder Exception { get; }

        public void Create()
        {
            foreach (var type in _types)
            {
                type.CreateType();
            }
        }
    }
}
