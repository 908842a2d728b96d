using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Tasks;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>
/// Reads a referral directory document (docs/referrals.md) from UTF-8 straight into the model, token by
/// token, collecting every problem with its JSON path: unknown properties, properties given twice, values of
/// the wrong JSON type and invalid values are all listed and reading goes on; only malformed JSON stops it.
/// Organizations and services are always built (with what was valid) so that the semantic checks of
/// <see cref="DirectoryValidator"/> see the document's indices; nothing is returned unless both passes are clean.
/// </summary>
/// <remarks>
/// Why not the source-generated <see cref="DirectoryJsonContext"/> for the whole document: its metadata-driven
/// deserializer builds a throwaway tree of strings, lists and objects several times the size of the model,
/// which on 100,000 services cost 0.7 s by itself and made the garbage collector copy the growing model out
/// of that garbage again and again (docs/performance.md). This reader allocates what the model keeps and
/// almost nothing else: names are matched as UTF-8, codes and enum tokens are decoded into a reused buffer,
/// lists are gathered in reused lists, and a JSON path is only formatted for a problem. It is still
/// System.Text.Json (<see cref="Utf8JsonReader"/>): reflection-free and AOT-safe. Calendars, few and shared,
/// are read by the source-generated context: each distinct calendar text is deserialized and built once.
/// </remarks>
internal static class DirectoryDocumentReader
{
    public const string Subject = "referral directory";
    public const int FormatVersion = 1;

    // Below this size a document is read on one thread: the extra pass that finds each organization's
    // bytes, and starting workers, cost more than they save.
    private const int ParallelMinimumBytes = 256 * 1024;
    private const int OrganizationsPerChunk = 512;

    private static readonly PropertyNames RootProperties = PropertyNames.Of(
        DirectoryJsonContext.Default.DirectoryDocument, nameof(DirectoryDocument.FormatVersion), nameof(DirectoryDocument.Organizations));

    /// <summary>Reads UTF-8 JSON on one thread.</summary>
    public static ImmutableArray<Organization> Read(ReadOnlySpan<byte> utf8Json, Gazetteer gazetteer, ReadLimits limits) =>
        Read(utf8Json, default, gazetteer, limits, parallel: false);

    /// <summary>
    /// Reads UTF-8 JSON like <see cref="Read(ReadOnlySpan{byte}, Gazetteer, ReadLimits)"/>, with the same result and the
    /// same problems in the same order, but reads the organizations of a large document on several threads:
    /// one pass finds each organization's bytes, then contiguous runs of organizations are read in parallel,
    /// each with its own problem list, and the results are joined in document order. Malformed JSON makes it
    /// read the whole document again on one thread, so that error is reported exactly as before.
    /// </summary>
    public static ImmutableArray<Organization> Read(ReadOnlyMemory<byte> utf8Json, Gazetteer gazetteer, ReadLimits limits)
    {
        if (utf8Json.Length >= ParallelMinimumBytes && Environment.ProcessorCount > 1)
        {
            var result = Read(utf8Json.Span, utf8Json, gazetteer, limits, parallel: true);
            if (!result.IsDefault)
            {
                return result;
            }
        }

        return Read(utf8Json.Span, default, gazetteer, limits, parallel: false);
    }

    // Returns a default array (only when parallel) if the organizations must be read again on one thread.
    private static ImmutableArray<Organization> Read(ReadOnlySpan<byte> utf8Json, ReadOnlyMemory<byte> memory, Gazetteer gazetteer, ReadLimits limits, bool parallel)
    {
        var calendars = new ConcurrentDictionary<string, ServiceAvailability>(StringComparer.Ordinal);
        var reader = new DirectoryObjectReader(gazetteer, calendars, limits);
        var organizations = ImmutableArray.CreateBuilder<Organization>();
        var json = new Utf8JsonReader(utf8Json, JsonTextCheck.Options(limits));
        int? version = null;
        uint seen = 0;
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                reader.Problem(json.TokenType == JsonTokenType.Null ? "must be a JSON object, not null." : "must be a JSON object.");
                reader.Skip(ref json);
            }
            else
            {
                reader.Enter(ref json);
                reader.Path.EnterObject();
                int p;
                while ((p = reader.NextProperty(ref json, RootProperties, ref seen)) >= 0)
                {
                    if (p == 0)
                    {
                        version = reader.Integer(ref json);
                    }
                    else if (!reader.IsArray(ref json, "an array of organizations"))
                    {
                        seen &= ~(1u << p);
                    }
                    else if (parallel)
                    {
                        if (!ReadOrganizationsInParallel(ref json, memory, reader, organizations, gazetteer, calendars, limits))
                        {
                            return default;
                        }
                    }
                    else
                    {
                        for (var i = 0; json.Read() && json.TokenType != JsonTokenType.EndArray; i++)
                        {
                            reader.Item(i);
                            reader.Path.PushIndex(i);
                            organizations.Add(reader.Organization(ref json, utf8Json));
                            reader.Path.Pop();
                        }
                    }
                }
            }

            if (json.Read())
            {
                reader.Problem("must hold one JSON object and nothing after it.");
            }
        }
        catch (JsonException e)
        {
            // Past the limit only inside a value skipped whole (a calendar): the reader's own depth error.
            if (json.CurrentDepth > limits.MaxDepth)
            {
                reader.Problems.Add(reader.Path.Format(), JsonTextCheck.TooDeep(limits));
                reader.Problems.ThrowIfAny(Subject);
            }

            throw Malformed(reader.Path.Format(), e);
        }
        catch (ReadLimitException e)
        {
            // Reading stops: the problems found so far and the limit, nothing half-loaded.
            reader.Problems.Add(e.Problem.Location, e.Problem.Message);
            reader.Problems.ThrowIfAny(Subject);
        }

        if (version is null)
        {
            reader.Require(false, "formatVersion", 0);
        }
        else if (version != FormatVersion)
        {
            reader.Problems.Add("$.formatVersion", $"must be {FormatVersion}.");
        }

        if ((seen & 2) == 0)
        {
            reader.Problems.Add("$.organizations", "is required.");
        }

        var result = organizations.ToImmutable();

        // Text that could not be read leaves a value out (an id, a reference), and the cross-checks would only
        // report what follows from that: as the other readers do, text problems are reported before them.
        if (!HasTextProblem(reader.Problems))
        {
            Validate(reader.Problems, result);
        }

        reader.Problems.ThrowIfAny(Subject);
        return result;
    }

    /// <summary>
    /// Adds the semantic problems of <see cref="DirectoryValidator"/>, except those at a value this reader
    /// already reported or inside which it reported something: those follow from the value the reader had
    /// to leave out (an unknown ZIP code leaves an area that lists nothing), so they would only repeat it.
    /// </summary>
    private static void Validate(ProblemList problems, ImmutableArray<Organization> organizations)
    {
        var semantic = new ProblemList();
        DirectoryValidator.Validate(semantic, organizations, "$.organizations");
        if (problems.IsEmpty)
        {
            problems.AddRange(semantic);
            return;
        }

        var reported = new List<string>(problems.Count);
        foreach (var problem in problems.Items)
        {
            reported.Add(problem.Location);
        }

        foreach (var problem in semantic.Items)
        {
            if (!reported.Exists(location => IsAtOrInside(location, problem.Location)))
            {
                problems.Add(problem.Location, problem.Message);
            }
        }
    }

    private static bool HasTextProblem(ProblemList problems)
    {
        foreach (var problem in problems.Items)
        {
            if (problem.Message is JsonTextCheck.InvalidText or JsonTextCheck.InvalidName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAtOrInside(string location, string container) =>
        location.StartsWith(container, StringComparison.Ordinal)
        && (location.Length == container.Length || location[container.Length] is '.' or '[');

    // The reader is on the organizations' '['; on success it is on the ']' and every organization has been
    // added, with its problems added to the reader's list in document order. On false (malformed JSON)
    // nothing has been added and the caller starts again on one thread.
    private static bool ReadOrganizationsInParallel(ref Utf8JsonReader json, ReadOnlyMemory<byte> memory, DirectoryObjectReader reader,
        ImmutableArray<Organization>.Builder organizations, Gazetteer gazetteer, ConcurrentDictionary<string, ServiceAvailability> calendars, ReadLimits limits)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        try
        {
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                if (starts.Count == limits.MaxListLength)
                {
                    return false;
                }

                starts.Add(checked((int)json.TokenStartIndex));
                json.Skip();
                ends.Add(checked((int)json.BytesConsumed));
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var count = starts.Count;
        var chunks = Math.Max(1, Math.Min(count / OrganizationsPerChunk, Environment.ProcessorCount * 4));
        var results = new Organization[count];
        var readers = new DirectoryObjectReader[chunks];
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
            {
                var part = new DirectoryObjectReader(gazetteer, calendars, limits) { DepthOffset = 2 };
                readers[chunk] = part;
                part.Path.EnterObject();
                part.Path.SetProperty("organizations");
                var first = (int)((long)count * chunk / chunks);
                var last = (int)((long)count * (chunk + 1) / chunks);
                for (var i = first; i < last; i++)
                {
                    var bytes = memory.Span[starts[i]..ends[i]];
                    var element = new Utf8JsonReader(bytes, JsonTextCheck.Options(limits, 2));
                    element.Read();
                    part.Path.PushIndex(i);
                    results[i] = part.Organization(ref element, bytes);
                    part.Path.Pop();
                }
            });
        }
#pragma warning disable CA1031 // Any failure is reproduced, and reported as before, by the read on one thread.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }

        foreach (var part in readers)
        {
            reader.Problems.AddRange(part.Problems);
        }

        organizations.Capacity = Math.Max(organizations.Capacity, count);
        organizations.AddRange(results);
        return true;
    }

    // The reader's message can quote document text, so it is replaced by the path and position only.
    private static NhtrcValidationException Malformed(string path, JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" : "";
        return new NhtrcValidationException(Subject, [new ValidationProblem(path, $"is not valid JSON{where}.")]);
    }
}
