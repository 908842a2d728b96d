using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nhtrc.Sdk.Validation;

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

    protected override T ReadCore(ReadOnlySpan<byte> utf8Json, ReadLimits limits)
    {
        Check(utf8Json, limits);
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

    // One pass before deserializing: invalid text, properties given twice (System.Text.Json would keep the last
    // silently) and the limits, reported with their paths exactly as the directory reader reports them. Malformed
    // JSON is left to the deserializer, which reports it with its path.
    private void Check(ReadOnlySpan<byte> utf8Json, ReadLimits limits)
    {
        var problems = new ProblemList();
        var path = new JsonPathStack();
        var json = new Utf8JsonReader(utf8Json, JsonTextCheck.Options(limits));
        try
        {
            if (json.Read())
            {
                JsonTextCheck.Value(ref json, path, problems, limits, depthOffset: 0);
            }
        }
        catch (JsonException)
        {
            return;
        }
        catch (ReadLimitException e)
        {
            problems.Add(e.Problem.Location, e.Problem.Message);
        }

        problems.ThrowIfAny(Subject);
    }

    protected override void WriteCore(T value, Stream utf8Json) => JsonSerializer.Serialize(utf8Json, _toDocument(value), _document);

    protected override string SerializeCore(T value) => JsonSerializer.Serialize(_toDocument(value), _document);
}
