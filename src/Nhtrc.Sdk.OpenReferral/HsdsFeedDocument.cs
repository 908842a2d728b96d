using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Splits an HSDS JSON text into its records for the feed check, one at a time, so memory holds one record: the
/// elements of a page's <c>contents</c> (<c>$.contents[i]</c>), of a root array (<c>$[i]</c>), a root record
/// (<c>$</c>), or in NDJSON each non-blank line (<c>line N</c>; a line that is not JSON is handed over as an undefined
/// element and the next line is read). A page's other properties are handed over at the end as one small object, the
/// envelope, with <c>contents</c> written as <c>[]</c> when it was an array. The text is scanned in chunks with
/// <see cref="Utf8JsonReader"/> and each record parsed alone with <see cref="JsonDocument"/>; an element handed to a
/// callback lives only during the call. Malformed JSON or a limit passed stops the read with a
/// <see cref="HsdsFeedStop"/> naming the line; what was handed over stays. The import's <see cref="HsdsJsonRecords"/>
/// scans the same way but feeds an <see cref="HsdsImport"/> and fails whole; a check also needs the envelope, root
/// arrays and NDJSON that goes on past a bad line. Not thread-safe; one per read.
/// </summary>
internal sealed class HsdsFeedDocument : IDisposable
{
    private const int InitialBuffer = 64 * 1024;

    private static readonly string[] PageProperties = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"];

    private readonly ReadLimits _limits;
    private readonly Action<JsonElement, string> _record;
    private readonly JsonReaderOptions _readerOptions;
    private readonly JsonDocumentOptions _documentOptions;
    private readonly ArrayBufferWriter<byte> _envelope = new(256);
    private Utf8JsonWriter? _envelopeWriter;

    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private long _total;
    private bool _final;
    private JsonReaderState _state;
    private Mode _mode;
    private int _rootStart = -1;
    private JsonReaderState _rootState;
    private int _records;
    private bool _contents;
    private bool _objectRoot;

    private HsdsFeedDocument(ReadLimits limits, Action<JsonElement, string> record)
    {
        _limits = limits;
        _record = record;
        _readerOptions = new JsonReaderOptions { MaxDepth = limits.MaxDepth };
        _documentOptions = new JsonDocumentOptions { MaxDepth = limits.MaxDepth };
        _state = new JsonReaderState(_readerOptions);
    }

    /// <summary>What the root of the text was.</summary>
    public enum Shape
    {
        /// <summary>A page: an object with <c>contents</c>, or with only the page's properties.</summary>
        Page,

        /// <summary>A root array of records.</summary>
        Array,

        /// <summary>One record.</summary>
        Record,

        /// <summary>Newline-delimited JSON.</summary>
        Lines,
    }

    private enum Mode
    {
        Root,
        RootProperties,
        Contents,
        AfterContents,
        Array,
        WholeRoot,
        Done,
    }

    /// <summary>
    /// Reads every record of <paramref name="utf8"/>, handing each to <paramref name="record"/> with its path, and the
    /// envelope of a page to <paramref name="envelope"/> at the end.
    /// </summary>
    /// <returns>What the root was, and the largest buffer the read used, in bytes (what the streaming test checks).</returns>
    /// <exception cref="HsdsFeedStop">The text is not well-formed JSON, or passed a limit.</exception>
    public static async ValueTask<(Shape Shape, int BufferBytes)> ReadAsync(Stream utf8, ReadLimits limits, bool ndjson, Action<JsonElement, string> record, Action<JsonElement>? envelope, CancellationToken cancellationToken)
    {
        using var reader = new HsdsFeedDocument(limits, record);
        if (ndjson)
        {
            await reader.ReadLinesAsync(utf8, cancellationToken).ConfigureAwait(false);
            return (Shape.Lines, reader._buffer.Length);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await reader.FillAsync(utf8, cancellationToken).ConfigureAwait(false);
            while (reader.Scan())
            {
            }

            if (reader._final)
            {
                return (reader.Finish(envelope), reader._buffer.Length);
            }
        }
    }

    /// <summary>Disposes the envelope's writer.</summary>
    public void Dispose() => _envelopeWriter?.Dispose();

    private async ValueTask ReadLinesAsync(Stream utf8, CancellationToken cancellationToken)
    {
        var line = 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await FillAsync(utf8, cancellationToken, lines: true).ConfigureAwait(false);
            while (true)
            {
                var rest = _buffer.AsSpan(_start, _end - _start);
                var newline = rest.IndexOf((byte)'\n');
                if (newline < 0 && !_final)
                {
                    break;
                }

                var length = newline < 0 ? rest.Length : newline;
                Line(_buffer.AsMemory(_start, length), line);
                _start += newline < 0 ? length : length + 1;
                line++;
                if (newline < 0)
                {
                    return;
                }
            }
        }
    }

    private void Line(ReadOnlyMemory<byte> text, int line)
    {
        var trimmed = text.Span.Trim(" \t\r"u8);
        if (trimmed.IsEmpty)
        {
            return;
        }

        Count($"line {Format(line)}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, _documentOptions);
        }
        catch (JsonException)
        {
            // One line is one record: the next line is read on.
            _record(default, $"line {Format(line)}");
            return;
        }

        using (document)
        {
            _record(document.RootElement, $"line {Format(line)}");
        }
    }

    private async ValueTask FillAsync(Stream utf8, CancellationToken cancellationToken, bool lines = false)
    {
        var keep = _rootStart >= 0 && _mode is Mode.RootProperties or Mode.WholeRoot ? Math.Min(_rootStart, _start) : _start;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _end -= keep;
            _start -= keep;
            if (_rootStart >= 0)
            {
                _rootStart -= keep;
            }
        }

        if (_end == _buffer.Length)
        {
            // One record (or line) fills the buffer: grow it, up to the limit.
            var max = _limits.MaxDocumentBytes;
            if (_buffer.Length >= max)
            {
                throw new HsdsFeedStop(lines ? "$" : Where(), "limit", $"is one record longer than {Format(max)} bytes (ReadLimits.MaxDocumentBytes).");
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, max));
        }

        var read = await utf8.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _final = true;
            return;
        }

        if (_total == 0 && read >= 3 && _buffer[_end] == 0xEF && _buffer[_end + 1] == 0xBB && _buffer[_end + 2] == 0xBF)
        {
            _start += 3;
        }

        _end += read;
        _total += read;
        if (_total > _limits.MaxDocumentBytes)
        {
            throw new HsdsFeedStop("$", "limit", $"is longer than {Format(_limits.MaxDocumentBytes)} bytes (ReadLimits.MaxDocumentBytes).");
        }
    }

    /// <summary>Reads what the buffer holds; true when it must be read again at once (the root is to be read whole).</summary>
    private bool Scan()
    {
        if (_mode == Mode.Done)
        {
            if (_buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                throw new HsdsFeedStop("$", "json", "is not well-formed JSON (text follows the root).");
            }

            _start = _end;
            return false;
        }

        if (_mode == Mode.Root && _final && _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new HsdsFeedStop("$", "json", "is empty: no JSON.");
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var committed = 0;
        var committedState = _state;
        try
        {
            while (_mode != Mode.Done)
            {
                var mode = _mode;
                if (!Step(ref reader))
                {
                    break;
                }

                if (_mode == Mode.WholeRoot && mode != Mode.WholeRoot)
                {
                    // Read again from the root's first byte, whole.
                    _start = _rootStart;
                    _state = _rootState;
                    return true;
                }

                committed = (int)reader.BytesConsumed;
                committedState = reader.CurrentState;
            }
        }
        catch (JsonException e)
        {
            throw new HsdsFeedStop(Where(), "json", $"is not well-formed JSON (line {Format((int)(e.LineNumber ?? 0) + 1)}).");
        }

        _start += committed;
        _state = committedState;
        return _mode == Mode.Done && _start < _end;
    }

    /// <summary>Reads one token, property or record; false when the text so far ends inside it.</summary>
    private bool Step(ref Utf8JsonReader reader)
    {
        if (_mode == Mode.WholeRoot)
        {
            return reader.Read() && WholeRoot(ref reader);
        }

        var state = reader.CurrentState;
        if (!reader.Read())
        {
            return false;
        }

        switch (_mode)
        {
            case Mode.Root when reader.TokenType == JsonTokenType.StartObject:
                _rootStart = _start + (int)reader.TokenStartIndex;
                _rootState = state;
                _objectRoot = true;
                _mode = Mode.RootProperties;
                _envelopeWriter = new Utf8JsonWriter(_envelope);
                _envelopeWriter.WriteStartObject();
                return true;
            case Mode.Root when reader.TokenType == JsonTokenType.StartArray:
                _mode = Mode.Array;
                return true;
            case Mode.Root:
                throw new HsdsFeedStop("$", "type", "must be an object (a record, or a page with contents) or an array of records.");
            case Mode.RootProperties or Mode.AfterContents when reader.TokenType == JsonTokenType.EndObject:
                _mode = Mode.Done;
                return true;
            case Mode.RootProperties when reader.ValueTextEquals("contents"u8):
                if (!reader.Read())
                {
                    return false;
                }

                _contents = true;
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    _envelopeWriter!.WritePropertyName("contents");
                    _envelopeWriter.WriteStartArray();
                    _envelopeWriter.WriteEndArray();
                    _mode = Mode.Contents;
                    return true;
                }

                // Not an array: the page schema says so.
                return Envelope(ref reader, "contents", Mode.AfterContents);
            case Mode.RootProperties when !IsPageProperty(ref reader):
                // A property no page has, before any contents: the root is one record (or a page with more): read it whole.
                _mode = Mode.WholeRoot;
                return true;
            case Mode.RootProperties or Mode.AfterContents:
                var name = reader.GetString()!;
                return reader.Read() && Envelope(ref reader, name, _mode);
            case Mode.Contents or Mode.Array when reader.TokenType == JsonTokenType.EndArray:
                _mode = _mode == Mode.Contents ? Mode.AfterContents : Mode.Done;
                return true;
            case Mode.Contents or Mode.Array:
                return Record(ref reader, _mode == Mode.Contents ? $"$.contents[{Format(_records)}]" : $"$[{Format(_records)}]");
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Copies the value the reader is on into the envelope; false when the text so far ends inside it.</summary>
    private bool Envelope(ref Utf8JsonReader reader, string name, Mode next)
    {
        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        var length = (int)reader.BytesConsumed - start;
        _envelopeWriter!.WritePropertyName(name);
        _envelopeWriter.WriteRawValue(_buffer.AsSpan(_start + start, length), skipInputValidation: true);
        _mode = next;
        return true;
    }

    /// <summary>Hands over the record whose first token the reader is on; false when the text so far ends inside it.</summary>
    private bool Record(ref Utf8JsonReader reader, string path)
    {
        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        Count(path);
        var length = (int)reader.BytesConsumed - start;
        using var document = JsonDocument.Parse(_buffer.AsMemory(_start + start, length), _documentOptions);
        _record(document.RootElement, path);
        return true;
    }

    /// <summary>The root, read whole: a page with properties pages do not have, or one record.</summary>
    private bool WholeRoot(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        var length = (int)reader.BytesConsumed - start;
        using var document = JsonDocument.Parse(_buffer.AsMemory(_start + start, length), _documentOptions);
        var root = document.RootElement;
        _envelopeWriter?.Dispose();
        _envelope.ResetWrittenCount();
        _envelopeWriter = new Utf8JsonWriter(_envelope);
        _envelopeWriter.WriteStartObject();
        if (root.TryGetProperty("contents", out var contents))
        {
            _contents = true;
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals("contents") && contents.ValueKind == JsonValueKind.Array)
                {
                    _envelopeWriter.WritePropertyName("contents");
                    _envelopeWriter.WriteStartArray();
                    _envelopeWriter.WriteEndArray();
                }
                else
                {
                    property.WriteTo(_envelopeWriter);
                }
            }

            if (contents.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in contents.EnumerateArray())
                {
                    var path = $"$.contents[{Format(_records)}]";
                    Count(path);
                    _record(item, path);
                }
            }
        }
        else
        {
            _envelopeWriter.Dispose();
            _envelopeWriter = null;
            Count("$");
            _record(root, "$");
        }

        _mode = Mode.Done;
        return true;
    }

    private Shape Finish(Action<JsonElement>? envelope)
    {
        if (_mode != Mode.Done)
        {
            throw new HsdsFeedStop(Where(), "json", "is not well-formed JSON (it ends early).");
        }

        if (_envelopeWriter is null)
        {
            return _objectRoot ? Shape.Record : Shape.Array;
        }

        _envelopeWriter.WriteEndObject();
        _envelopeWriter.Dispose();
        using var document = JsonDocument.Parse(_envelope.WrittenMemory);
        if (!_contents)
        {
            // Only properties a page has, but no contents: the envelope is the whole root, one record.
            Count("$");
            _record(document.RootElement, "$");
            return Shape.Record;
        }

        envelope?.Invoke(document.RootElement);
        return Shape.Page;
    }

    private void Count(string path)
    {
        if (++_records > _limits.MaxListLength)
        {
            throw new HsdsFeedStop(path, "limit", $"is past the {Format(_limits.MaxListLength)}th record (ReadLimits.MaxListLength).");
        }
    }

    private string Where() => _mode switch
    {
        Mode.Contents => $"$.contents[{Format(_records)}]",
        Mode.Array => $"$[{Format(_records)}]",
        _ => "$",
    };

    private static bool IsPageProperty(ref Utf8JsonReader reader)
    {
        foreach (var name in PageProperties)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Stops a feed document's read: the text is not well-formed JSON or passed a limit. Becomes one problem.</summary>
internal sealed class HsdsFeedStop(string path, string keyword, string message) : Exception(message)
{
    public string Path { get; } = path;

    public string Keyword { get; } = keyword;
}
