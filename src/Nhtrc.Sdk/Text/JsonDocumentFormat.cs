using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// A document read and written through its source-generated document classes: deserialized into
/// <typeparamref name="TDocument"/>, then checked and turned into <typeparamref name="T"/> (every problem listed
/// with its path); written the other way. JSON that cannot be read at all is the one problem reported, with its
/// path, line and byte but never its text.
/// </summary>
internal sealed class JsonDocumentFormat<T, TDocument> : DocumentFormat<T>
    where T : class
    where TDocument : class
{
    private readonly JsonTypeInfo<TDocument> _document;
    private readonly Func<TDocument?, T> _toValue;
    private readonly Func<T, TDocument> _toDocument;

    public JsonDocumentFormat(string subject, JsonTypeInfo<TDocument> document, Func<TDocument?, T> toValue, Func<T, TDocument> toDocument)
        : base(subject)
    {
        _document = document;
        _toValue = toValue;
        _toDocument = toDocument;
    }

    protected override T ReadCore(ReadOnlySpan<byte> utf8Json)
    {
        TDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, _document);
        }
        catch (JsonException e)
        {
            throw DocumentFields.Malformed(Subject, e);
        }

        return _toValue(document);
    }

    protected override void WriteCore(T value, Stream utf8Json) => JsonSerializer.Serialize(utf8Json, _toDocument(value), _document);

    protected override string SerializeCore(T value) => JsonSerializer.Serialize(_toDocument(value), _document);
}
