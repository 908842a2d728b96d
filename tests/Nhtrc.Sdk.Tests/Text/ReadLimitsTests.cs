using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>
/// Each <see cref="ReadLimits"/> bound, set small, rejects a document that the defaults accept, naming the bound;
/// an endless stream and a gzip bomb stop at the size bound; non-positive bounds are refused.
/// </summary>
public sealed class ReadLimitsTests
{
    private const int Small = 1 << 16;

    [Property(MaxTest = 60)]
    public Property EachLimitSetSmall_RejectsADocumentTheDefaultsAccept(NonNegativeInt k, NonNegativeInt d)
    {
        var (kind, document) = TextConsistencyTests.Pick(k, d);
        var accepted = TextConsistencyTests.ProblemsOf(kind, document).Length == 0;
        var strings = Token.Of(document).Where(t => t.Type == System.Text.Json.JsonTokenType.String).ToList();
        var longest = strings.Count == 0 ? 0 : strings.Max(t => t.End - t.Start - 2);
        var list = Token.LongestList(document);
        return accepted.Label("accepted by default")
            .And(Named(kind, document, new ReadLimits { MaxDepth = Token.Deepest(document) - 1 }, "ReadLimits.MaxDepth").Label("depth"))
            .And((list < 2 || Named(kind, document, new ReadLimits { MaxListLength = list - 1 }, "ReadLimits.MaxListLength")).Label("list"))
            .And((longest < 2 || Named(kind, document, new ReadLimits { MaxStringLength = longest - 1 }, "ReadLimits.MaxStringLength")).Label("string"))
            .And(Named(kind, document, new ReadLimits { MaxDocumentBytes = document.Length - 1 }, "ReadLimits.MaxDocumentBytes").Label("size"))
            .And(TooLargeText(kind, System.Text.Encoding.UTF8.GetString(document), document.Length - 1).Label("size of text"))
            .Label(kind.Name);
    }

    [Property(MaxTest = 30)]
    public Property MoreProblemsThanTheLimit_AreCountedInOneClosingProblem(NonNegativeInt k, NonNegativeInt d)
    {
        var (kind, document) = TextConsistencyTests.Pick(k, d);
        var strings = Token.Of(document).Where(t => t.Type == System.Text.Json.JsonTokenType.String).Select(t => t.Start).Take(3).ToArray();
        if (strings.Length < 3)
        {
            return true.ToProperty();
        }

        var broken = document.ToList();
        foreach (var start in strings.Reverse())
        {
            broken.Insert(start + 1, 0x80);
        }

        var all = TextConsistencyTests.ProblemsOf(kind, [.. broken]);
        var capped = TextConsistencyTests.ProblemsOf(kind, [.. broken], new ReadLimits { MaxProblems = 1 });
        return (all.Length >= 3 && capped.Length == 2 && capped[0] == all[0]
                && capped[1] == new ValidationProblem("$", $"has {all.Length - 1} more problems, not listed: ReadLimits.MaxProblems is 1."))
            .Label($"{kind.Name}: {string.Join("; ", capped)}");
    }

    [Fact]
    public void AnEndlessStream_StopsAtTheSizeLimit()
    {
        var limits = new ReadLimits { MaxDocumentBytes = Small };
        foreach (var kind in TextKind.All)
        {
            using var endless = new EndlessStream();
            AssertTooLarge(kind, () => kind.Load(endless, limits));
            Assert.True(endless.Consumed < Small + (2 << 16), $"{kind}: read {endless.Consumed} bytes");
            using var endlessAsync = new EndlessStream();
            AssertTooLarge(kind, () => kind.LoadAsync(endlessAsync, limits, CancellationToken.None).GetAwaiter().GetResult());
        }
    }

    [Fact]
    public void AGzipBomb_StopsAtTheSizeLimit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nhtrc-bomb-{Guid.NewGuid():N}.json.gz");
        try
        {
            using (var gzip = new GZipStream(File.Create(path), CompressionLevel.SmallestSize))
            {
                var spaces = Enumerable.Repeat((byte)' ', 1 << 20).ToArray();
                for (var i = 0; i < 64; i++)
                {
                    gzip.Write(spaces);
                }
            }

            Assert.True(new FileInfo(path).Length < 1 << 20);
            var limits = new ReadLimits { MaxDocumentBytes = 1 << 20 };
            foreach (var kind in TextKind.All)
            {
                AssertTooLarge(kind, () => kind.LoadFile(path, limits));
                AssertTooLarge(kind, () => kind.LoadFileAsync(path, limits, CancellationToken.None).GetAwaiter().GetResult());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ALargeDirectory_ReadInParallel_ReportsTextAndLimitsAsASmallOne()
    {
        // Over 256 KiB the directory's organizations are read on several threads.
        var document = Nhtrc.Sdk.Testing.SyntheticDirectory.ToUtf8Json(
            new Nhtrc.Sdk.Testing.SyntheticDirectoryOptions { Seed = 11, Services = 3_000 });
        Assert.True(document.Length > 1 << 20);
        var kind = TextKind.All.Single(k => k.Name == "directory");
        Assert.Empty(TextConsistencyTests.ProblemsOf(kind, document));

        var target = Token.Of(document).Where(t => t.Type == System.Text.Json.JsonTokenType.String).ElementAt(5_000);
        byte[] broken = [.. document[..(target.Start + 1)], 0x80, .. document[(target.Start + 1)..]];
        Assert.Equal([new ValidationProblem(target.Path, "is not valid UTF-8 text.")], TextConsistencyTests.ProblemsOf(kind, broken));

        Assert.True(Named(kind, document, new ReadLimits { MaxDepth = Token.Deepest(document) - 1 }, "ReadLimits.MaxDepth"));
        Assert.True(Named(kind, document, new ReadLimits { MaxListLength = Token.LongestList(document) - 1 }, "ReadLimits.MaxListLength"));
        Assert.True(Named(kind, document, new ReadLimits { MaxStringLength = 8 }, "ReadLimits.MaxStringLength"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NonPositiveValues_AreRefused(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadLimits { MaxDocumentBytes = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadLimits { MaxDepth = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadLimits { MaxListLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadLimits { MaxStringLength = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadLimits { MaxProblems = value });
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var limits = ReadLimits.Default;
        Assert.Equal((512 << 20, 64, 1_000_000, 1 << 20, 1_000), (limits.MaxDocumentBytes, limits.MaxDepth, limits.MaxListLength, limits.MaxStringLength, limits.MaxProblems));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReadLimits { MaxDocumentBytes = int.MaxValue });
    }

    private static bool Named(TextKind kind, byte[] document, ReadLimits limits, string property)
    {
        var problems = TextConsistencyTests.ProblemsOf(kind, document, limits);
        return problems.Length > 0 && problems[^1].Message.Contains(property, StringComparison.Ordinal);
    }

    private static bool TooLargeText(TextKind kind, string json, int limit)
    {
        try
        {
            kind.ParseText(json, new ReadLimits { MaxDocumentBytes = limit });
            return false;
        }
        catch (NhtrcValidationException e)
        {
            return e.Problems.Length == 1 && e.Problems[0].Message.Contains("ReadLimits.MaxDocumentBytes", StringComparison.Ordinal);
        }
    }

    private static void AssertTooLarge(TextKind kind, Action read)
    {
        var e = Assert.Throws<NhtrcValidationException>(read);
        Assert.Equal(new ValidationProblem("$", "is larger than 65536 bytes, past ReadLimits.MaxDocumentBytes.").Location, e.Problems.Single().Location);
        Assert.Contains("ReadLimits.MaxDocumentBytes", e.Problems.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>Spaces forever (valid JSON whitespace), counting what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Consumed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Consumed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Consumed += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)' ');
            Consumed += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
