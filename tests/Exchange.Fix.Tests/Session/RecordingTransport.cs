using Exchange.Fix.Session;

namespace Exchange.Fix.Tests.Session;

/// <summary>A transport that keeps what the session sends, for tests without sockets.</summary>
internal sealed class RecordingTransport : IFixTransport
{
    public List<byte[]> Sent { get; } = [];

    public string? DisconnectReason { get; private set; }

    /// <summary>What <see cref="IFixTransport.IsDrained"/> answers: false plays a socket that pushed back.</summary>
    public bool IsDrained { get; set; } = true;

    public void Send(ReadOnlySpan<byte> message) => Sent.Add(message.ToArray());

    public void Disconnect(string reason) => DisconnectReason ??= reason;
}
