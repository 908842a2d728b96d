using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Nhtrc.Sdk.Tests.Architecture;

/// <summary>
/// Walks a method's IL with the opcode table of <see cref="OpCodes"/> and returns the metadata token of every
/// instruction whose operand is one (methods, fields, types, <c>ldtoken</c> and <c>calli</c> signatures); every other
/// operand is skipped by its size. An opcode the table does not know is an error rather than a silent gap.
/// </summary>
internal static class MethodBodyTokens
{
    private const byte TwoBytePrefix = 0xFE;

    private static readonly OperandType?[] OneByte = new OperandType?[256];
    private static readonly OperandType?[] TwoByte = new OperandType?[256];

    static MethodBodyTokens()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            // The prefix entries (Prefix1 to Prefixref) are the table's own bookkeeping, not instructions.
            if (field.GetValue(null) is not OpCode opCode || opCode.OpCodeType == OpCodeType.Nternal)
            {
                continue;
            }

            var value = unchecked((ushort)opCode.Value);
            if (opCode.Size == 1)
            {
                OneByte[value] = opCode.OperandType;
            }
            else
            {
                TwoByte[value & 0xFF] = opCode.OperandType;
            }
        }
    }

    public static List<EntityHandle> Read(MethodBodyBlock body)
    {
        var tokens = new List<EntityHandle>();
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            var first = il.ReadByte();
            var operand = first == TwoBytePrefix ? TwoByte[il.ReadByte()] : OneByte[first];
            switch (operand)
            {
                case null:
                    throw new BadImageFormatException($"Unknown IL opcode 0x{first:X2} at offset {offset}.");
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                case OperandType.InlineSig:
                    tokens.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += checked(targets * 4);
                    break;
                default:
                    il.Offset += OperandSize(operand.Value);
                    break;
            }
        }

        return tokens;
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineString or OperandType.ShortInlineR => 4,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => throw new BadImageFormatException($"IL operand type {operand} is not expected in a method body."),
    };
}
