using System.Text;

namespace Exchange.Binary.Framing;

/// <summary>Fixed-width ASCII text fields of the login packets: left-aligned, padded with zero bytes.</summary>
internal static class AsciiField
{
    public static void Write(Span<byte> field, string value)
    {
        field.Clear();
        if (value.Length > field.Length || !Ascii.IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not ASCII of at most {field.Length} characters.", nameof(value));
        }
        Encoding.ASCII.GetBytes(value, field);
    }

    /// <summary>The text up to the first zero byte (trailing spaces are trimmed too, as SoupBinTCP pads with spaces).</summary>
    public static string Read(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        if (end < 0)
        {
            end = field.Length;
        }
        return Encoding.ASCII.GetString(field[..end]).TrimEnd(' ');
    }
}
