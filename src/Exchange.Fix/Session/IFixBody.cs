using Exchange.Fix.Codec;

namespace Exchange.Fix.Session;

/// <summary>An outbound application message's type and body; the session writes the standard header around it.
/// Implement it on a struct so sending does not allocate.</summary>
public interface IFixBody
{
    /// <summary>MsgType (35).</summary>
    ReadOnlySpan<byte> MsgType { get; }

    /// <summary>Appends the body fields, in order, after the header the session has written.</summary>
    void WriteBody(ref FixMessageWriter writer);
}
