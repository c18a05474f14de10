namespace Exchange.Core.Domain;

/// <summary>Packing of short printable-ASCII strings into fixed zero-padded byte blocks.</summary>
internal static class InlineAscii
{
    /// <summary>Copies printable ASCII (0x21..0x7E) into <paramref name="destination"/>, zero padded.
    /// False if the text is longer than the block or holds any other character.</summary>
    public static bool TryPack(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length > destination.Length)
        {
            return false;
        }
        destination.Clear();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < '!' || c > '~')
            {
                return false;
            }
            destination[i] = (byte)c;
        }
        return true;
    }

    /// <summary>Length of the text in a zero-padded block.</summary>
    public static int Length(ReadOnlySpan<byte> block)
    {
        int n = block.IndexOf((byte)0);
        return n < 0 ? block.Length : n;
    }

    /// <summary>A cheap, well-mixing combination of two 64-bit words (deterministic across runs, unlike HashCode).</summary>
    public static ulong Mix(ulong a, ulong b)
    {
        ulong h = (a ^ (b * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL;
        return h ^ (h >> 31);
    }
}
