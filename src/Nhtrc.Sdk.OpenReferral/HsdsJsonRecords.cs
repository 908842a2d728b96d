using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Streams the records of an HSDS 3.0 JSON text to an <see cref="HsdsImport"/>, so memory holds a few records, not
/// the text: the elements of a paged list's <c>contents</c> (<c>$.contents[i]</c>), a single record at the
/// root (<c>$</c>), or, for newline-delimited JSON, each top-level value (<c>line N</c>, N its first line). The text
/// is scanned in chunks with <see cref="Utf8JsonReader"/>; each complete record is copied into a batch of records,
/// and batches are parsed (<see cref="JsonDocument"/>, one record at a time) and mapped (<see cref="HsdsImport.Map"/>)
/// on the thread pool, up to one batch per processor at once, while the scan goes on; the mapped records are merged
/// on the reading thread in document order, so the result and the report are those of adding each record in turn.
/// Memory holds the scan buffer (the size of the largest record, at least 64 KiB) and at most one batch per
/// processor (at most 8) and the one being filled, each <see cref="BatchBytes"/> or one record when larger. When the
/// read fails (malformed text, a limit, the stream), the records scanned before the failure are mapped and merged
/// first, so a record that is not HSDS 3.0 is reported as if mapped at once. Limits: the whole text at most
/// <see cref="Text.ReadLimits.MaxDocumentBytes"/>, one record at most that too, at most
/// <see cref="Text.ReadLimits.MaxListLength"/> records, nesting at most <see cref="Text.ReadLimits.MaxDepth"/>. Malformed JSON, a root that is not an object, or a limit passed fails the
/// whole read; nothing is built until the caller builds the import.
/// </summary>
internal sealed class HsdsJsonRecords
{
    private const int InitialBuffer = 64 * 1024;

    /// <summary>The bytes of records a batch collects before it is mapped (a larger record makes a batch alone).</summary>
    private const int BatchBytes = 1024 * 1024;

    private static readonly int MaxInFlight = Math.Clamp(Environment.ProcessorCount, 1, 8);

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
    private Batch? _filling;
    private readonly List<Batch> _ready = [];
    private readonly Queue<Task<Batch>> _mapping = new();
    private bool _broken;

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
    /// <returns>The largest scan buffer the read used, in bytes (what the streaming tests check); batches come on top (see the type).</returns>
    public static async ValueTask<int> ReadAsync(Stream utf8, string source, HsdsImportOptions options, HsdsImport import, bool ndjson, CancellationToken cancellationToken)
    {
        var reader = new HsdsJsonRecords(source, options, import, ndjson);
        try
        {
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await reader.FillAsync(utf8, cancellationToken).ConfigureAwait(false);
                    reader.Scan();
                    if (reader._final)
                    {
                        reader.Finish();
                        await reader.MergeAllAsync().ConfigureAwait(false);
                        return reader._buffer.Length;
                    }

                    await reader.DispatchAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && !reader._broken)
            {
                // What was scanned before the failure is merged first: an earlier record's own error wins, as in line.
                await reader.MergeAllAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            await reader.AbandonAsync().ConfigureAwait(false);
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
        if (_mode != Mode.WholeRoot)
        {
            Collect(_buffer.AsSpan(_start + start, length), path);
            return true;
        }

        using (var document = JsonDocument.Parse(_buffer.AsMemory(_start + start, length), new JsonDocumentOptions { MaxDepth = _options.Limits.MaxDepth }))
        {
            var record = document.RootElement;
            if (record.TryGetProperty("contents", out var contents))
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

        _mode = Mode.Done;
        return true;
    }

    /// <summary>Copies a scanned record into the batch being filled; a full batch is ready to be mapped.</summary>
    private void Collect(ReadOnlySpan<byte> record, string path)
    {
        if (_filling is { } full && full.Length + record.Length > full.Bytes.Length)
        {
            _ready.Add(full);
            _filling = null;
        }

        var batch = _filling ??= new Batch(Math.Max(BatchBytes, record.Length));
        record.CopyTo(batch.Bytes.AsSpan(batch.Length));
        batch.Records.Add((batch.Length, record.Length, path));
        batch.Length += record.Length;
    }

    /// <summary>Starts mapping the batches that are ready, first merging the oldest still mapping when as many as allowed are.</summary>
    private async ValueTask DispatchAsync()
    {
        foreach (var batch in _ready)
        {
            if (_mapping.Count >= MaxInFlight)
            {
                Merge(await _mapping.Dequeue().ConfigureAwait(false));
            }

            _mapping.Enqueue(MaxInFlight == 1 ? Task.FromResult(Map(batch)) : Task.Run(() => Map(batch)));
        }

        _ready.Clear();
    }

    /// <summary>Maps every record scanned so far and merges them in document order.</summary>
    private async ValueTask MergeAllAsync()
    {
        if (_filling is { } last)
        {
            _ready.Add(last);
            _filling = null;
        }

        await DispatchAsync().ConfigureAwait(false);
        while (_mapping.Count > 0)
        {
            Merge(await _mapping.Dequeue().ConfigureAwait(false));
        }
    }

    /// <summary>Waits for batches still mapping after a failure, without merging them.</summary>
    private async ValueTask AbandonAsync()
    {
        while (_mapping.Count > 0)
        {
            var batch = await _mapping.Dequeue().ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(batch.Bytes);
        }
    }

    /// <summary>Parses and maps a batch's records in order, on any thread, stopping at the first that fails.</summary>
    private Batch Map(Batch batch)
    {
        var documentOptions = new JsonDocumentOptions { MaxDepth = _options.Limits.MaxDepth };
        foreach (var (offset, length, path) in batch.Records)
        {
#pragma warning disable CA1031 // Any failure is the record's own, rethrown where the record is merged, in document order.
            try
            {
                using var document = JsonDocument.Parse(batch.Bytes.AsMemory(offset, length), documentOptions);
                batch.Mapped.Add(_import.Map(document.RootElement, path));
            }
            catch (Exception e)
            {
                batch.Failure = ExceptionDispatchInfo.Capture(e);
                break;
            }
#pragma warning restore CA1031
        }

        return batch;
    }

    /// <summary>Merges a mapped batch; the failure of one of its records is thrown after the records before it.</summary>
    private void Merge(Batch batch)
    {
        foreach (var record in batch.Mapped)
        {
            _import.Merge(record);
        }

        ArrayPool<byte>.Shared.Return(batch.Bytes);
        if (batch.Failure is { } failure)
        {
            _broken = true;
            failure.Throw();
        }
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

    /// <summary>Records copied out of the scan buffer, to be parsed and mapped together, with what their mapping gave.</summary>
    private sealed class Batch(int capacity)
    {
        public byte[] Bytes { get; } = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; set; }

        public List<(int Offset, int Length, string Path)> Records { get; } = [];

        public List<HsdsMappedRecord> Mapped { get; } = [];

        public ExceptionDispatchInfo? Failure { get; set; }
    }
}
