using System;
using System.IO;

namespace Nhtrc.Sdk.Tests.Text;

/// <summary>The hostile-input check of a prepared data image's reader: truncations and changed bytes.</summary>
internal static class PreparedImageMutations
{
    /// <summary>
    /// Every truncation of <paramref name="image"/> makes <paramref name="read"/> throw an <see cref="InvalidDataException"/>;
    /// with any one byte changed (to 0, 1, 0x7F, 0x80, 0xFF or with its low bit flipped) it either reads, and
    /// <paramref name="read"/> checks what it read, or throws an <see cref="InvalidDataException"/>, and nothing else.
    /// </summary>
    public static void Check(byte[] image, Action<byte[]> read)
    {
        for (var length = 0; length < image.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => read(image[..length]));
        }

        for (var i = 0; i < image.Length; i++)
        {
            foreach (var value in new byte[] { 0, 1, 0x7F, 0x80, 0xFF, (byte)(image[i] ^ 1) })
            {
                var changed = (byte[])image.Clone();
                changed[i] = value;
                try
                {
                    read(changed);
                }
                catch (InvalidDataException)
                {
                    // The one way a bad image may fail.
                }
            }
        }
    }
}
