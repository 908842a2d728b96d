using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Streams the records of an HSDS 3.0 JSON text to an <see cref="HsdsImport"/> one at a time, so memory holds one
/// record, not the text: the elements of a paged list's <c>contents</c> (<c>$.contents[i]</c>), a single record at the
/// root (<c>$</c>), or, for newline-delimited JSON, each top-level value (<c>line N</c>, N its first line). The text
/// is scanned in chunks with <see cref="Utf8JsonReader"/>; each complete record is parsed alone with
/// <see cref="JsonDocument"/>. Limits: the whole text at most <see cref="Text.ReadLimits.MaxDocumentBytes"/>, one
/// record at most that too, at most <see cref="Text.ReadLimits.MaxListLength"/> records, nesting at most
/// <see cref="Text.ReadLimits.MaxDepth"/>. Malformed JSON, a root that is not an object, or a limit passed fails the
/// whole read; nothing is built until the caller builds the import.
/// </summary>
internal sealed class HsdsJsonRecords
{
    private const int InitialBuffer = 64 * 1024;

    private static readonly string[] ListMetadata = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"];

    private readonly string _source;
    private readonly HsdsImportOptions _options;
    private readonly HsdsImport _import;
    private readonly bool _ndjson;
    private readonly JsonReaderOptions _readerOptions;

    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private long _total;
    private bool _final;
    private JsonReaderState _state;
    private Mode _mode;
    private int _records;
    private int _line = 1;
    private int _counted;
    private int _lineAtCounted = 1;

    private HsdsJsonRecords(string source, HsdsImportOptions options, HsdsImport import, bool ndjson)
    {
        _source = source;
        _options = options;
        _import = import;
        _ndjson = ndjson;
        _readerOptions = new JsonReaderOptions { MaxDepth = options.Limits.MaxDepth, AllowMultipleValues = ndjson };
        _state = new JsonReaderState(_readerOptions);
    }

    private enum Mode
    {
        Root,
        RootProperties,
        Contents,
        AfterContents,
        WholeRoot,
        Done,
    }

    /// <summary>Reads every record of <paramref name="utf8"/> into <paramref name="import"/>.</summary>
    /// <returns>The largest buffer the read used, in bytes (what the streaming tests check).</returns>
    public static async ValueTask<int> ReadAsync(Stream utf8, string source, HsdsImportOptions options, HsdsImport import, bool ndjson, CancellationToken cancellationToken)
    {
        var reader = new HsdsJsonRecords(source, options, import, ndjson);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await reader.FillAsync(utf8, cancellationToken).ConfigureAwait(false);
            reader.Scan();
            if (reader._final)
            {
                reader.Finish();
                return reader._buffer.Length;
            }
        }
    }

    private async ValueTask FillAsync(Stream utf8, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One record fills the buffer: grow it, up to the record limit.
            var max = _options.Limits.MaxDocumentBytes;
            if (_buffer.Length >= max)
            {
                throw Invalid(_source, _ndjson ? $"line {Format(_line)}" : _mode == Mode.Contents ? $"$.contents[{Format(_records)}]" : "$", $"is one record longer than {Format(max)} bytes (ReadLimits.MaxDocumentBytes).");
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
            _start = 3;
        }

        _end += read;
        _total += read;
        if (_total > _options.Limits.MaxDocumentBytes)
        {
            throw Invalid(_source, "$", $"is longer than {Format(_options.Limits.MaxDocumentBytes)} bytes (ReadLimits.MaxDocumentBytes).");
        }
    }

    private void Scan()
    {
        if (_mode == Mode.Done)
        {
            // Only whitespace may follow the root.
            if (_buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                throw Invalid(_source, "$", $"is not well-formed JSON (text follows the root, line {Format(LineAt(_end - _start))}).");
            }

            _start = _end;
            _counted = 0;
            _lineAtCounted = _line;
            return;
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var committed = 0;
        var committedState = _state;
        try
        {
            while (_mode != Mode.Done && Step(ref reader))
            {
                // Before the list's contents begin nothing is committed: the root may yet turn out to be one record.
                if (_mode is not (Mode.Root or Mode.RootProperties or Mode.WholeRoot) || _ndjson)
                {
                    committed = (int)reader.BytesConsumed;
                    committedState = reader.CurrentState;
                }
            }
        }
        catch (JsonException e)
        {
            throw Invalid(_source, "$", $"is not well-formed JSON (line {Format((int)(e.LineNumber ?? 0) + 1)}).");
        }

        if (_mode == Mode.RootProperties)
        {
            _mode = Mode.Root;
        }

        _state = committedState;
        _line = LineAt(committed);
        _start += committed;
        _counted = 0;
        _lineAtCounted = _line;
    }

    /// <summary>Reads one token or one whole record; false when the text so far ends first.</summary>
    private bool Step(ref Utf8JsonReader reader)
    {
        if (_mode == Mode.WholeRoot)
        {
            return reader.Read() && Record(ref reader, "$");
        }

        if (!reader.Read())
        {
            return false;
        }

        switch (_mode)
        {
            case Mode.Root when _ndjson:
                return Record(ref reader, $"line {Format(LineAt((int)reader.TokenStartIndex))}");
            case Mode.Root:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw NotHsds3(_source, "$", "the root must be an object (a record, or a paged list with contents).");
                }

                _mode = Mode.RootProperties;
                return true;
            case Mode.RootProperties or Mode.AfterContents when reader.TokenType == JsonTokenType.EndObject:
                _mode = Mode.Done;
                return true;
            case Mode.RootProperties when reader.ValueTextEquals("contents"u8):
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw NotHsds3(_source, "$.contents", "a paged list's contents must be an array.");
                }

                _mode = Mode.Contents;
                return true;
            case Mode.RootProperties when !IsListMetadata(ref reader):
                // A root property no paged list has: the root is one record. Read it again from its start, whole.
                _mode = Mode.WholeRoot;
                reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, new JsonReaderState(_readerOptions));
                return true;
            case Mode.RootProperties or Mode.AfterContents:
                return reader.Read() && reader.TrySkip();
            case Mode.Contents when reader.TokenType == JsonTokenType.EndArray:
                _mode = Mode.AfterContents;
                return true;
            case Mode.Contents:
                return Record(ref reader, $"$.contents[{Format(_records)}]");
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Adds the record whose first token the reader is on; false when the text so far ends inside it.</summary>
    private bool Record(ref Utf8JsonReader reader, string path)
    {
        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        if (++_records > _options.Limits.MaxListLength)
        {
            throw Invalid(_source, "$", $"has more than {Format(_options.Limits.MaxListLength)} records (ReadLimits.MaxListLength).");
        }

        var length = (int)reader.BytesConsumed - start;
        using (var document = JsonDocument.Parse(_buffer.AsMemory(_start + start, length), new JsonDocumentOptions { MaxDepth = _options.Limits.MaxDepth }))
        {
            var record = document.RootElement;
            if (_mode == Mode.WholeRoot && record.TryGetProperty("contents", out var contents))
            {
                // A paged list with a property lists do not have: read from the parsed text (not streamed).
                if (contents.ValueKind != JsonValueKind.Array)
                {
                    throw NotHsds3(_source, "$.contents", "a paged list's contents must be an array.");
                }

                var i = 0;
                foreach (var item in contents.EnumerateArray())
                {
                    _import.Add(item, $"$.contents[{Format(i++)}]");
                }
            }
            else
            {
                _import.Add(record, path);
            }
        }

        if (_mode == Mode.WholeRoot)
        {
            _mode = Mode.Done;
        }

        return true;
    }

    private void Finish()
    {
        if (_mode != Mode.Done && !(_ndjson && _mode == Mode.Root))
        {
            throw Invalid(_source, "$", $"is not well-formed JSON (it ends early, at line {Format(_line)}).");
        }
    }

    /// <summary>The line of the byte at <paramref name="offset"/> of the unread text (<see cref="_line"/> is the line of its start).</summary>
    private int LineAt(int offset)
    {
        if (offset < _counted)
        {
            _counted = 0;
            _lineAtCounted = _line;
        }

        _lineAtCounted += _buffer.AsSpan(_start + _counted, offset - _counted).Count((byte)'\n');
        _counted = offset;
        return _lineAtCounted;
    }

    private static bool IsListMetadata(ref Utf8JsonReader reader)
    {
        foreach (var name in ListMetadata)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }
}
