using System;
using System.IO;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Tests.Text;

public class PreparedDataTests
{
    private static ReadOnlySpan<byte> Magic => "test\n"u8;

    [Property(MaxTest = 300)]
    public Property Values_ReadBackAsWritten() =>
        Prop.ForAll(
            Gen.OneOf(Gen.Elements(0, 1, 127, 128, 16_383, 16_384, int.MaxValue - 1, int.MaxValue), Gen.Choose(0, int.MaxValue)).ArrayOf().ToArbitrary(),
            Gen.Elements(0.0, -0.0, double.Epsilon, 40.8154, -73.0451, double.MaxValue, double.NaN).ToArbitrary(),
            Gen.Elements("", "a", "Houston", "Nada (fictional)", "Señora", "東京", "emoji 😀").ArrayOf().ToArbitrary(),
            (counts, number, texts) =>
            {
                var strings = texts;
                var w = new PreparedDataWriter();
                foreach (var count in counts)
                {
                    w.WriteCount(count);
                }

                w.WriteDouble(number);
                w.WriteOptionalCount(null);
                w.WriteOptionalCount(counts.Length);
                w.WriteBoolean(true);
                foreach (var s in strings)
                {
                    w.WriteString(s);
                    w.WriteOptionalString(s.Length % 2 == 0 ? null : s);
                }

                var r = new PreparedDataReader(w.ToArray(Magic, 3), Magic, 3);
                foreach (var count in counts)
                {
                    Assert.Equal(count, r.ReadCount());
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(number), BitConverter.DoubleToInt64Bits(r.ReadDouble()));
                Assert.Null(r.ReadOptionalCount(int.MaxValue));
                Assert.Equal(counts.Length, r.ReadOptionalCount(int.MaxValue));
                Assert.True(r.ReadBoolean());
                foreach (var s in strings)
                {
                    Assert.Equal(s, r.ReadString());
                    Assert.Equal(s.Length % 2 == 0 ? null : s, r.ReadOptionalString());
                }

                Assert.True(r.AtEnd);
            });

    [Fact]
    public void Strings_AreStoredOnce()
    {
        var once = new PreparedDataWriter();
        once.WriteString("Houston");
        var thrice = new PreparedDataWriter();
        thrice.WriteString("Houston");
        thrice.WriteString("Houston");
        thrice.WriteString("Houston");

        Assert.Equal(once.ToArray(Magic, 1).Length + 2, thrice.ToArray(Magic, 1).Length);
    }

    [Fact]
    public void WrongMagicOrVersion_Throws()
    {
        var image = new PreparedDataWriter().ToArray(Magic, 1);

        Assert.Throws<InvalidDataException>(() => new PreparedDataReader(image, "tost\n"u8, 1));
        Assert.Throws<InvalidDataException>(() => new PreparedDataReader(image, Magic, 2));
    }

    [Fact]
    public void CountAboveItsBound_AndReadingPastTheEnd_Throw()
    {
        var w = new PreparedDataWriter();
        w.WriteCount(51);
        w.WriteString("a");
        var image = w.ToArray(Magic, 1);

        Assert.Throws<InvalidDataException>(() => new PreparedDataReader(image, Magic, 1).ReadCount(50));
        Assert.Throws<InvalidDataException>(() =>
        {
            var r = new PreparedDataReader(image, Magic, 1);
            r.ReadCount();
            r.ReadString();
            r.ReadDouble();
        });
    }

    [Fact]
    public void StringThatCannotRoundTrip_IsRefusedWhenWritten()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PreparedDataWriter().WriteString("lone \ud800 surrogate"));
    }
}
