namespace Exchange.MarketData.Tests;

/// <summary>Hex strings with spaces for readable expected byte layouts.</summary>
internal static class Hex
{
    public static byte[] Parse(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
