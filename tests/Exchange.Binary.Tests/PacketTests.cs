using Exchange.Binary.Framing;

namespace Exchange.Binary.Tests;

public class PacketTests
{
    [Fact]
    public void ShouldFrameALittleEndianLengthThenTheTypeThenThePayload()
    {
        var buffer = new byte[16];
        int n = Packet.WriteHeader(buffer, PacketType.SequencedData, 4);
        Assert.Equal(7, n);
        Assert.Equal(new byte[] { 5, 0, (byte)'S' }, buffer[..3]);
    }

    [Fact]
    public void ShouldAskForMoreDataUntilThePacketIsComplete()
    {
        var buffer = new byte[] { 3, 0, (byte)'U', 1, 2, 9 };
        Assert.Equal(PacketStatus.NeedMoreData, Packet.TryRead(buffer.AsSpan(0, 1), out _, out _, out _));
        Assert.Equal(PacketStatus.NeedMoreData, Packet.TryRead(buffer.AsSpan(0, 4), out _, out _, out _));
        Assert.Equal(PacketStatus.Complete, Packet.TryRead(buffer, out var type, out var payload, out int consumed));
        Assert.Equal(PacketType.UnsequencedData, type);
        Assert.Equal(new byte[] { 1, 2 }, payload.ToArray());
        Assert.Equal(5, consumed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Packet.MaxLength + 1)]
    public void ShouldCallALengthOfZeroOrAboveTheMaximumInvalid(int length)
    {
        var buffer = new byte[] { (byte)length, (byte)(length >> 8), (byte)'U' };
        Assert.Equal(PacketStatus.Invalid, Packet.TryRead(buffer, out _, out _, out _));
    }

    [Fact]
    public void ShouldRoundTripTheLoginPackets()
    {
        var request = new LoginRequest("TRADER1", "demo", "lt-3", 42, LoginFlags.CancelOnDisconnect);
        var bytes = new byte[LoginRequest.Length];
        request.WriteTo(bytes);
        Assert.Equal((byte)'T', bytes[0]);
        Assert.Equal(0, bytes[7]);
        Assert.Equal(42, bytes[48]);
        Assert.True(LoginRequest.TryRead(bytes, out var read));
        Assert.Equal(request, read);
        Assert.False(LoginRequest.TryRead(bytes.AsSpan(1), out _));

        var accepted = new LoginAccepted(7, 100, 3);
        var a = new byte[LoginAccepted.Length];
        accepted.WriteTo(a);
        Assert.True(LoginAccepted.TryRead(a, out var back));
        Assert.Equal(accepted, back);
    }

    [Fact]
    public void ShouldRefuseLoginFieldsThatAreTooLongOrNotAscii()
    {
        var bytes = new byte[LoginRequest.Length];
        Assert.Throws<ArgumentException>(() => new LoginRequest(new string('x', 17), "p", "", 0, 0).WriteTo(bytes));
        Assert.Throws<ArgumentException>(() => new LoginRequest("é", "p", "", 0, 0).WriteTo(bytes));
    }
}
