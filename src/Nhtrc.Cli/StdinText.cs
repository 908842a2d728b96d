using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace Nhtrc.Cli;

/// <summary>
/// Standard input as text without losing invalid UTF-8. A decoder that replaces bad bytes with U+FFFD would change
/// a document silently (a contact's narrative, a field <c>nhtrc deadline</c> copies through); one that throws would
/// end a stream at its first bad line. Instead each byte that is not UTF-8 becomes a lone low surrogate, U+DC00 plus
/// the byte (as Python's <c>surrogateescape</c> does), which no valid UTF-8 can decode to. A command then reports the
/// bytes as invalid where they are (a line of <c>deadline</c>), or turns the text back into its exact bytes for the
/// SDK's reader, which names the JSON path (<c>triage</c>).
/// </summary>
internal static class StdinText
{
    private const char FirstEscape = '\uDC00';
    private const char LastEscape = '\uDCFF';

    /// <summary>A reader of <paramref name="stdin"/> as UTF-8, skipping one leading byte order mark, escaping invalid bytes.</summary>
    public static TextReader Open(Stream stdin) => new Reader(stdin);

    /// <summary>All of <paramref name="reader"/>'s text, or null when it holds more than <paramref name="maxChars"/> characters.</summary>
    public static string? ReadAll(TextReader reader, int maxChars)
    {
        var text = new StringBuilder();
        var block = new char[1 << 16];
        int read;
        while ((read = reader.Read(block, 0, block.Length)) > 0)
        {
            if (text.Length + read > maxChars)
            {
                return null;
            }

            text.Append(block, 0, read);
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds an escaped invalid byte (a low surrogate with no high one before it).</summary>
    public static bool HasInvalidBytes(ReadOnlySpan<char> text)
    {
        // Most text has no surrogate at all: one vectorized search says so.
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        for (var i = Math.Max(first, 0); first >= 0 && i < text.Length; i++)
        {
            if (IsEscape(text, i))
            {
                return true;
            }
        }

        return false;
    }

    // An escaped byte: a low surrogate in the escape range that is not the second half of a pair.
    private static bool IsEscape(ReadOnlySpan<char> text, int i) =>
        text[i] is >= FirstEscape and <= LastEscape && (i == 0 || !char.IsHighSurrogate(text[i - 1]));

    /// <summary>The bytes <paramref name="text"/> was decoded from: UTF-8, with each escaped byte restored.</summary>
    public static byte[] ToBytes(string text)
    {
        var bytes = new ArrayBufferWriter<byte>(text.Length + 16);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var escaped = i < text.Length && IsEscape(text, i);
            if (i < text.Length && !escaped)
            {
                continue;
            }

            var run = text.AsSpan(start, i - start);
            bytes.Advance(Encoding.UTF8.GetBytes(run, bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(run.Length))));
            if (escaped)
            {
                bytes.GetSpan(1)[0] = (byte)(text[i] - FirstEscape);
                bytes.Advance(1);
            }

            start = i + 1;
        }

        return bytes.WrittenSpan.ToArray();
    }

    // .NET checks what a DecoderFallback returns and refuses lone surrogates, so the decoding is done here.
    private sealed class Reader(Stream stream) : TextReader
    {
        private readonly byte[] _bytes = new byte[1 << 16];
        private readonly char[] _chars = new char[(1 << 16) + 4];
        private int _start;
        private int _end;
        private int _charStart;
        private int _charEnd;
        private bool _atStart = true;
        private bool _ended;

        public override int Peek() => Fill() ? _chars[_charStart] : -1;

        public override int Read() => Fill() ? _chars[_charStart++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || !Fill())
            {
                return 0;
            }

            var n = Math.Min(buffer.Length, _charEnd - _charStart);
            _chars.AsSpan(_charStart, n).CopyTo(buffer);
            _charStart += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                stream.Dispose();
            }

            base.Dispose(disposing);
        }

        // True when decoded characters are waiting, reading and decoding more bytes when none are.
        private bool Fill()
        {
            while (_charStart == _charEnd)
            {
                if (_ended && _start == _end)
                {
                    return false;
                }

                if (!_ended && _end - _start < 4)
                {
                    // Keep an incomplete sequence at the end of the last block, and read more after it.
                    Array.Copy(_bytes, _start, _bytes, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                    var read = stream.Read(_bytes, _end, _bytes.Length - _end);
                    _ended = read == 0;
                    _end += read;
                }

                if (_atStart)
                {
                    // A leading byte order mark is skipped once its three bytes are in; bytes that cannot begin one end the wait.
                    var first = _bytes.AsSpan(_start, _end - _start);
                    if (first.Length < 3 && !_ended && "\uFEFF"u8.StartsWith(first))
                    {
                        continue;
                    }

                    _atStart = false;
                    if (first.StartsWith("\uFEFF"u8))
                    {
                        _start += 3;
                    }
                }

                Decode();
            }

            return true;
        }

        private void Decode()
        {
            _charStart = 0;
            _charEnd = 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), _chars.AsSpan(0, _chars.Length - 4), out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _ended);
            _start += read;
            _charEnd = written;
            if (status == OperationStatus.InvalidData)
            {
                // One escape per byte of the invalid sequence (1 to 3 bytes): room for them was kept in _chars.
                Rune.DecodeFromUtf8(_bytes.AsSpan(_start, _end - _start), out _, out var invalid);
                for (var k = 0; k < invalid; k++)
                {
                    _chars[_charEnd++] = (char)(FirstEscape + _bytes[_start++]);
                }
            }
            else if (status == OperationStatus.NeedMoreData && _ended)
            {
                // isFinalBlock was true, so this does not happen; kept so the loop always moves on.
                _chars[_charEnd++] = (char)(FirstEscape + _bytes[_start++]);
            }
        }
    }
}
