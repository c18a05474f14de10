using Exchange.Core.Domain;

namespace Exchange.Server.LoadTest;

/// <summary>One logged-in load-generating connection, binary or FIX. <see cref="Send"/> and <see cref="Flush"/>
/// are called by the sending thread, <see cref="Receive"/> by the connection's own receiving thread.</summary>
internal interface ILoadConnection : IDisposable
{
    /// <summary>Buffers an order; it goes out at the next <see cref="Flush"/> (or when the buffer fills).</summary>
    void Send(in LoadOrder order, ClientOrderId id);

    void Flush();

    /// <summary>Waits for the server and reports every acknowledgement of this connection's orders to its
    /// <see cref="LoadConnectionStats"/>. False once the connection has ended.</summary>
    bool Receive();

    /// <summary>Ends the session politely (logout), without waiting.</summary>
    void Logout();

    /// <summary>A name for a reject reason code this protocol reported.</summary>
    string RejectReasonName(int code);
}
