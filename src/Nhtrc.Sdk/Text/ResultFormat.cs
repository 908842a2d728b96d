using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nhtrc.Sdk.Text;

/// <summary>
/// One result kind's JSON, written only (results are not read back): a kind supplies its source-generated
/// result document and how to map a value onto it, and gets every verb of its public <c>&lt;Result&gt;Json</c>
/// facade and its <c>JsonConverter</c> from here, with the same checks for every kind. Thread-safe.
/// </summary>
/// <typeparam name="T">The result.</typeparam>
/// <typeparam name="TDocument">Its wire shape.</typeparam>
internal sealed class ResultFormat<T, TDocument>
    where T : class
    where TDocument : class
{
    private readonly JsonTypeInfo<TDocument> _document;
    private readonly Func<T, TDocument> _toDocument;

    public ResultFormat(JsonTypeInfo<TDocument> document, Func<T, TDocument> toDocument)
    {
        _document = document;
        _toDocument = toDocument;
    }

    /// <summary>The wire shape of <paramref name="value"/>, for a bigger result document that embeds it.</summary>
    public TDocument ToDocument(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _toDocument(value);
    }

    public string Serialize(T value) => JsonSerializer.Serialize(ToDocument(value), _document);

    public void Write(T value, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, _toDocument(value), _document);
    }

    public void Write(T value, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, _toDocument(value), _document);
    }
}
