using System;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;

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
        new(DirectoryDocumentReader.Read(utf8Json, _gazetteer, limits), _gazetteer);

    // Bytes that can be shared with other threads: a large document's organizations are read in parallel.
    protected override ReferralDirectory ReadCore(ReadOnlyMemory<byte> utf8Json, ReadLimits limits) =>
        new(DirectoryDocumentReader.Read(utf8Json, _gazetteer, limits), _gazetteer);

    protected override void WriteCore(ReferralDirectory value, Stream utf8Json) =>
        JsonSerializer.Serialize(utf8Json, DirectoryDocumentWriter.ToDocument(value), DirectoryJsonContext.Default.DirectoryDocument);

    protected override string SerializeCore(ReferralDirectory value) =>
        JsonSerializer.Serialize(DirectoryDocumentWriter.ToDocument(value), DirectoryJsonContext.Default.DirectoryDocument);
}
