using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// Writes a prepared data image, the compact binary form of embedded data that <see cref="PreparedDataReader"/>
/// reads back without parsing text: a magic and a version, a table of every distinct string, then the body.
/// In the body, counts and small numbers are unsigned LEB128, doubles are their 8 little-endian bytes (exact, so a
/// value reads back bit for bit), and a string is its position in the table. Images are made by src/Nhtrc.DataGen
/// from the data's text source; they are never read from anywhere but this assembly's own resources.
/// </summary>
internal sealed class PreparedDataWriter
{
    // Strict: a string that is not valid UTF-16 (a lone surrogate) would not read back the same, so it fails here.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _body = new(1 << 16);
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    /// <summary>A count or other number from 0 to <see cref="int.MaxValue"/>.</summary>
    public void WriteCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        WriteLeb128(_body, (uint)value);
    }

    /// <summary>A number that may be absent: 0 for null, else the value plus one.</summary>
    public void WriteOptionalCount(int? value)
    {
        if (value is { } v)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(v);
            ArgumentOutOfRangeException.ThrowIfEqual(v, int.MaxValue);
            WriteLeb128(_body, (uint)v + 1);
        }
        else
        {
            WriteLeb128(_body, 0);
        }
    }

    public void WriteBoolean(bool value) => WriteLeb128(_body, value ? 1u : 0u);

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_body.GetSpan(sizeof(double)), value);
        _body.Advance(sizeof(double));
    }

    /// <summary>A string, as its position in the string table; each distinct string is stored once.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteLeb128(_body, (uint)Intern(value));
    }

    /// <summary>A string that may be absent: 0 for null, else its position in the table plus one.</summary>
    public void WriteOptionalString(string? value) =>
        WriteLeb128(_body, value is null ? 0u : (uint)Intern(value) + 1);

    /// <summary>The image: <paramref name="magic"/>, <paramref name="version"/>, the string table and the body.</summary>
    public byte[] ToArray(ReadOnlySpan<byte> magic, int version)
    {
        var image = new ArrayBufferWriter<byte>(_body.WrittenCount + (_strings.Count * 16) + 64);
        image.Write(magic);
        WriteLeb128(image, (uint)version);
        WriteLeb128(image, (uint)_strings.Count);
        foreach (var s in _strings)
        {
            var bytes = Utf8.GetBytes(s);
            WriteLeb128(image, (uint)bytes.Length);
            image.Write(bytes);
        }

        image.Write(_body.WrittenSpan);
        return image.WrittenSpan.ToArray();
    }

    private int Intern(string value)
    {
        if (!_stringIndex.TryGetValue(value, out var index))
        {
            _ = Utf8.GetByteCount(value); // Throws now, at the string's first use, for text that cannot round-trip.
            index = _strings.Count;
            _strings.Add(value);
            _stringIndex.Add(value, index);
        }

        return index;
    }

    private static void WriteLeb128(ArrayBufferWriter<byte> output, uint value)
    {
        var span = output.GetSpan(5);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = unchecked((byte)(value | 0x80));
            value >>= 7;
        }

        span[n++] = (byte)value;
        output.Advance(n);
    }
}
