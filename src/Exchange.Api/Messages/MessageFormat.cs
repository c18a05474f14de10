namespace Exchange.Api.Messages;

/// <summary>Encoding of a subscription's messages: JSON text frames (default) or Protocol Buffers binary frames.</summary>
public enum MessageFormat : byte
{
    Json = 0,
    Protobuf = 1,
}
