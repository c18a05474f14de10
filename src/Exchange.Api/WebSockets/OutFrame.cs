namespace Exchange.Api.WebSockets;

/// <summary>An encoded message, shared by every connection it is sent to (never modified after creation).</summary>
internal sealed class OutFrame(byte[] data, bool binary)
{
    public byte[] Data { get; } = data;

    public bool Binary { get; } = binary;
}
