namespace Exchange.Binary.Messages;

/// <summary>First byte of a client message (inside an unsequenced-data packet).</summary>
public enum ClientMessageType : byte
{
    EnterOrder = (byte)'O',
    CancelOrder = (byte)'X',
    ReplaceOrder = (byte)'U',
    MassCancel = (byte)'M',
}
