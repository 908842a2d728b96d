using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Referrals.Json;

/// <summary>The referral directory document, read token by token (<see cref="DirectoryDocumentReader"/>) against one gazetteer.</summary>
internal sealed class DirectoryFormat : DocumentFormat<ReferralDirectory>
{
    private readonly Gazetteer _gazetteer;

    public DirectoryFormat(Gazetteer? gazetteer)
        : base(DirectoryDocumentReader.Subject)
    {
        _gazetteer = gazetteer ?? Gazetteer.Default;
    }

    /// <summary>The format against <see cref="Gazetteer.Default"/>.</summary>
    public static DirectoryFormat Default { get; } = new(null);

    public static DirectoryFormat For(Gazetteer? gazetteer) =>
        gazetteer is null || ReferenceEquals(gazetteer, Gazetteer.Default) ? Default : new DirectoryFormat(gazetteer);

    protected override ReferralDirectory ReadCore(ReadOnlySpan<byte> utf8Json, ReadLimits limits) =>
        Load(utf8Json, limits, static (bytes, gazetteer, limits) => DirectoryDocumentReader.Read(bytes, gazetteer, limits));

    // Bytes that can be shared with other threads: a large document's organizations are read in parallel.
    protected override ReferralDirectory ReadCore(ReadOnlyMemory<byte> utf8Json, ReadLimits limits) =>
        Load(utf8Json, limits, static (bytes, gazetteer, limits) => DirectoryDocumentReader.Read(bytes, gazetteer, limits));

    protected override void WriteCore(ReferralDirectory value, Stream utf8Json) =>
        JsonSerializer.Serialize(utf8Json, DirectoryDocumentWriter.ToDocument(value), DirectoryJsonContext.Default.DirectoryDocument);

    protected override string SerializeCore(ReferralDirectory value) =>
        JsonSerializer.Serialize(DirectoryDocumentWriter.ToDocument(value), DirectoryJsonContext.Default.DirectoryDocument);

    // Every verb of ReferralDirectoryJson reads through here, so each read is one nhtrc.directory.load span
    // (docs/telemetry.md) around parsing, validating and indexing; reading the stream or file comes before it.
    private ReferralDirectory Load<TBytes>(TBytes utf8Json, ReadLimits limits, Reader<TBytes> read)
        where TBytes : allows ref struct
    {
        using var span = NhtrcSpans.Start(NhtrcSpans.DirectoryLoad);
        try
        {
            return Loaded(span, new ReferralDirectory(read(utf8Json, _gazetteer, limits), _gazetteer));
        }
        catch (Exception e) when (Failed(span, e))
        {
            throw;
        }
    }

    private static ReferralDirectory Loaded(Activity? span, ReferralDirectory directory)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(NhtrcTags.OrganizationCount, directory.Organizations.Length);
            span.SetTag(NhtrcTags.ServiceCount, directory.ServiceCount);
        }

        return directory;
    }

    // An invalid document's span counts its problems; their messages stay out of telemetry.
    private static bool Failed(Activity? span, Exception e)
    {
        if (span is { IsAllDataRequested: true } && e is NhtrcValidationException invalid)
        {
            span.SetTag(NhtrcTags.ProblemCount, invalid.Problems.Length);
        }

        return NhtrcSpans.Fail(span, e);
    }

    private delegate ImmutableArray<Organization> Reader<TBytes>(TBytes utf8Json, Gazetteer gazetteer, ReadLimits limits)
        where TBytes : allows ref struct;
}
