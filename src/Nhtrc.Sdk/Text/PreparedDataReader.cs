using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// Reads a prepared data image written by <see cref="PreparedDataWriter"/>. Every read is bounds-checked: an image
/// that is truncated, has the wrong magic or version, or holds a count or string position out of range throws an
/// <see cref="InvalidDataException"/> naming the byte, never reads past its end.
/// </summary>
internal ref struct PreparedDataReader
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _image;
    private readonly string[] _strings;
    private int _position;

    /// <summary>Checks the header and reads the string table; the reader is then at the body.</summary>
    public PreparedDataReader(ReadOnlySpan<byte> image, ReadOnlySpan<byte> magic, int version)
    {
        _image = image;
        _strings = [];
        if (!image.StartsWith(magic))
        {
            throw new InvalidDataException("The prepared data does not start with its magic bytes.");
        }

        _position = magic.Length;
        if (ReadCount() != version)
        {
            throw new InvalidDataException($"The prepared data is not version {version} of its format.");
        }

        var strings = new string[ReadCount(_image.Length - _position)];
        for (var i = 0; i < strings.Length; i++)
        {
            var length = ReadCount(_image.Length - _position);
            if (length > _image.Length - _position)
            {
                throw Corrupt();
            }

            try
            {
                strings[i] = Utf8.GetString(_image.Slice(_position, length));
            }
            catch (DecoderFallbackException)
            {
                throw Corrupt();
            }

            _position += length;
        }

        _strings = strings;
    }

    /// <summary>True when the whole image has been read.</summary>
    public readonly bool AtEnd => _position == _image.Length;

    /// <summary>A count or number from 0 to <see cref="int.MaxValue"/>.</summary>
    public int ReadCount() => ReadCount(int.MaxValue);

    /// <summary>A count or number from 0 to <paramref name="max"/>; a larger one means the image is corrupt.</summary>
    public int ReadCount(int max)
    {
        var value = ReadLeb128();
        return max >= 0 && value <= (uint)max ? (int)value : throw Corrupt();
    }

    /// <summary>How many items follow, each at least a byte long: at most the bytes left, so a corrupt count never allocates much.</summary>
    public int ReadLength() => ReadCount(_image.Length - _position);

    /// <summary>Like <see cref="ReadLength"/> for a list that may be absent.</summary>
    public int? ReadOptionalLength() => ReadOptionalCount(_image.Length - _position);

    /// <summary>A number that may be absent, at most <paramref name="max"/>.</summary>
    public int? ReadOptionalCount(int max)
    {
        var value = ReadLeb128();
        return value == 0 ? null : max >= 0 && value - 1 <= (uint)max ? (int)(value - 1) : throw Corrupt();
    }

    public bool ReadBoolean() => ReadCount(1) == 1;

    public double ReadDouble()
    {
        if (_image.Length - _position < sizeof(double))
        {
            throw Corrupt();
        }

        var value = BinaryPrimitives.ReadDoubleLittleEndian(_image.Slice(_position, sizeof(double)));
        _position += sizeof(double);
        return value;
    }

    public string ReadString() => _strings[ReadCount(_strings.Length - 1)];

    public string? ReadOptionalString()
    {
        var index = ReadOptionalCount(_strings.Length - 1);
        return index is { } i ? _strings[i] : null;
    }

    /// <summary>The error for an image that is truncated or holds a value out of range, at the current byte.</summary>
    public readonly InvalidDataException Corrupt() => new($"The prepared data is truncated or corrupt at byte {_position}.");

    private uint ReadLeb128()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _image.Length)
            {
                throw Corrupt();
            }

            var b = _image[_position++];
            if (shift == 28 && b > 0x0F)
            {
                throw Corrupt();
            }

            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Corrupt();
    }
}
