using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// A read-only stream over one page's body that notes, as the bytes pass to the record reader, the paged list's
/// metadata (<c>page_number</c>, <c>total_pages</c>, <c>total_items</c>, <c>last_page</c>) and the <c>id</c> of each
/// element of <c>contents</c>: what the paging checks and the page-naming of issue paths need, without a second
/// read of the body or a hook in <see cref="HsdsJsonRecords"/>. It keeps only the bytes of one unfinished token.
/// Malformed JSON stops the noting silently: the record reader reports it.
/// </summary>
internal sealed class HsdsApiPageStream(Stream inner, int maxDepth) : Stream
{
    private byte[] _pending = new byte[256];
    private int _pendingLength;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = maxDepth });
    private bool _broken;
    private Expect _expect;
    private bool _inContents;

    private enum Expect
    {
        None,
        PageNumber,
        TotalPages,
        TotalItems,
        LastPage,
        Contents,
        Id,
    }

    /// <summary>The list's <c>page_number</c>, when given as an integer.</summary>
    public long? PageNumber { get; private set; }

    /// <summary>The list's <c>total_pages</c>, when given as an integer.</summary>
    public long? TotalPages { get; private set; }

    /// <summary>The list's <c>total_items</c>, when given as an integer.</summary>
    public long? TotalItems { get; private set; }

    /// <summary>The list's <c>last_page</c>, when given as a Boolean.</summary>
    public bool? LastPage { get; private set; }

    /// <summary>The <c>id</c> of each element of <c>contents</c>, in order (null when it has none as a string).</summary>
    public List<string?> Ids { get; } = [];

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Note(buffer.Span[..read], read == 0);
        return read;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Note(buffer.AsSpan(offset, read), read == 0);
        return read;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Notes the tokens of the text read so far; keeps the bytes of an unfinished token for the next read.</summary>
    private void Note(ReadOnlySpan<byte> data, bool final)
    {
        if (_broken || (data.IsEmpty && !final))
        {
            return;
        }

        if (_pendingLength + data.Length > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _pendingLength + data.Length));
        }

        data.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += data.Length;
        var reader = new Utf8JsonReader(_pending.AsSpan(0, _pendingLength), final, _state);
        try
        {
            while (reader.Read())
            {
                Token(ref reader);
            }
        }
        catch (JsonException)
        {
            _broken = true;
            return;
        }

        var consumed = (int)reader.BytesConsumed;
        _pending.AsSpan(consumed, _pendingLength - consumed).CopyTo(_pending);
        _pendingLength -= consumed;
        _state = reader.CurrentState;
    }

    private void Token(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var expect = _expect;
        _expect = Expect.None;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when depth == 1:
                _expect = reader.ValueTextEquals("page_number"u8) ? Expect.PageNumber
                    : reader.ValueTextEquals("total_pages"u8) ? Expect.TotalPages
                    : reader.ValueTextEquals("total_items"u8) ? Expect.TotalItems
                    : reader.ValueTextEquals("last_page"u8) ? Expect.LastPage
                    : reader.ValueTextEquals("contents"u8) ? Expect.Contents
                    : Expect.None;
                break;
            case JsonTokenType.PropertyName when depth == 3 && _inContents && reader.ValueTextEquals("id"u8):
                _expect = Expect.Id;
                break;
            case JsonTokenType.StartArray when depth == 1 && expect == Expect.Contents:
                _inContents = true;
                break;
            case JsonTokenType.EndArray when depth == 1 && _inContents:
                _inContents = false;
                break;
            case JsonTokenType.StartObject when depth == 2 && _inContents:
                Ids.Add(null);
                break;
            case JsonTokenType.String when expect == Expect.Id:
                Ids[^1] = reader.GetString();
                break;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                switch (expect)
                {
                    case Expect.PageNumber:
                        PageNumber = number;
                        break;
                    case Expect.TotalPages:
                        TotalPages = number;
                        break;
                    case Expect.TotalItems:
                        TotalItems = number;
                        break;
                }

                break;
            case JsonTokenType.True or JsonTokenType.False when expect == Expect.LastPage:
                LastPage = reader.TokenType == JsonTokenType.True;
                break;
        }
    }
}
