using System.Text;

namespace Exchange.Fix.Tests.Codec;

/// <summary>Builds FIX test messages from readable text: '|' stands for SOH.</summary>
internal static class FixText
{
    /// <summary>Raw bytes of <paramref name="text"/> with '|' turned into SOH; nothing computed.</summary>
    public static byte[] Raw(string text) => Encoding.ASCII.GetBytes(text.Replace('|', '\u0001'));

    /// <summary>A complete message: BeginString, the BodyLength of <paramref name="body"/>, the body, the CheckSum.</summary>
    public static byte[] Message(string body)
    {
        byte[] bodyBytes = Raw(body);
        byte[] head = Raw($"8=FIX.4.4|9={bodyBytes.Length}|");
        byte[] withoutTrailer = [.. head, .. bodyBytes];
        int sum = 0;
        foreach (byte b in withoutTrailer)
        {
            sum += b;
        }
        return [.. withoutTrailer, .. Raw($"10={sum % 256:D3}|")];
    }

    /// <summary>Shows SOH as '|' for assertion messages.</summary>
    public static string Show(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes).Replace('\u0001', '|');
}
