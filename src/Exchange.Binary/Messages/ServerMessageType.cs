namespace Exchange.Binary.Messages;

/// <summary>First byte of a server message (inside a sequenced-data packet).</summary>
public enum ServerMessageType : byte
{
    OrderAccepted = (byte)'A',
    OrderRejected = (byte)'J',
    OrderExecuted = (byte)'E',
    OrderCanceled = (byte)'C',
    OrderReplaced = (byte)'U',
    OrderRestated = (byte)'R',
    MassCanceled = (byte)'K',
}
