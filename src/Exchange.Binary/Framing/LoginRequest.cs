using System.Buffers.Binary;

namespace Exchange.Binary.Framing;

/// <summary>The payload of a <see cref="PacketType.LoginRequest"/> (64 bytes). Layout (offsets in bytes):
/// 0 username[16], 16 password[16], 32 stream name[16] (ASCII, zero-padded), 48 requested sequence number u64
/// (0 = only new messages; n = replay from n), 56 flags u8 (bit 0: cancel the account's orders when this
/// connection ends), 57..63 reserved (0).</summary>
public readonly record struct LoginRequest(string Username, string Password, string StreamName, ulong RequestedSequence, LoginFlags Flags)
{
    public const int Length = 64;
    public const int FieldLength = 16;

    public int WriteTo(Span<byte> destination)
    {
        var p = destination[..Length];
        p.Clear();
        AsciiField.Write(p[..16], Username);
        AsciiField.Write(p.Slice(16, 16), Password);
        AsciiField.Write(p.Slice(32, 16), StreamName);
        BinaryPrimitives.WriteUInt64LittleEndian(p[48..], RequestedSequence);
        p[56] = (byte)Flags;
        return Length;
    }

    /// <summary>Reads a payload; false if it is not exactly <see cref="Length"/> bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out LoginRequest request)
    {
        if (payload.Length != Length)
        {
            request = default;
            return false;
        }
        request = new LoginRequest(AsciiField.Read(payload[..16]), AsciiField.Read(payload.Slice(16, 16)), AsciiField.Read(payload.Slice(32, 16)),
            BinaryPrimitives.ReadUInt64LittleEndian(payload[48..]), (LoginFlags)payload[56]);
        return true;
    }
}
