using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Journal.Encoding;

namespace Exchange.Journal.Tests.Encoding;

public class CommandCodecTests
{
    [Fact]
    public void ShouldRoundTripVariedCommands()
    {
        var buffer = new byte[CommandCodec.Size];
        for (long i = 1; i <= 1_000; i++)
        {
            var command = CommandSamples.For(i);
            CommandCodec.Encode(in command, buffer);
            CommandCodec.Decode(buffer, out var decoded);
            Assert.Equal(command, decoded);
        }
    }

    [Fact]
    public void ShouldRoundTripMaximumValuesInEveryField()
    {
        var command = new Command
        {
            Type = (CommandType)255,
            Side = (Side)255,
            OrderType = (OrderType)255,
            TimeInForce = (TimeInForce)255,
            SelfTradePrevention = (SelfTradePrevention)255,
            Flags = (OrderFlags)255,
            Status = (TradingStatus)255,
            Timestamp = long.MaxValue,
            Account = long.MaxValue,
            Symbol = Symbol.Parse(new string('~', Symbol.MaxLength)),
            ClientId = ClientOrderId.Parse(new string('~', ClientOrderId.MaxLength)),
            OrigClientId = ClientOrderId.Parse(new string('!', ClientOrderId.MaxLength)),
            Price = long.MaxValue,
            StopPrice = long.MaxValue,
            Quantity = long.MaxValue,
            DisplayQuantity = long.MaxValue,
            ExpireTime = long.MaxValue,
            TickSize = long.MaxValue,
            LotSize = long.MaxValue,
            MinQuantity = long.MaxValue,
            MaxQuantity = long.MaxValue,
            CollarBasisPoints = int.MaxValue,
            Limit = (RiskLimit)255,
            Currency = Currency.FromValue(uint.MaxValue),
            EntrySession = long.MaxValue,
        };

        Assert.Equal(command, RoundTrip(command));
    }

    [Fact]
    public void ShouldPutTheEntrySessionAfterTheVersion1Layout()
    {
        var command = CommandSamples.For(3) with { EntrySession = 0x0102_0304_0506_0708 };
        var bytes = new byte[CommandCodec.Size];
        CommandCodec.Encode(in command, bytes);

        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], bytes[184..192]);
        // A version 1 payload is the first 184 bytes: everything but the session.
        CommandCodec.DecodeVersion1(bytes.AsSpan(0, CommandCodec.SizeVersion1), out var old);
        Assert.Equal(command with { EntrySession = 0 }, old);
        Assert.Throws<ArgumentException>(() => CommandCodec.DecodeVersion1(new byte[CommandCodec.SizeVersion1 - 1], out _));
    }

    [Fact]
    public void ShouldRoundTripMinimumValuesInEveryField()
    {
        var command = new Command
        {
            Timestamp = long.MinValue,
            Account = long.MinValue,
            Price = long.MinValue,
            StopPrice = long.MinValue,
            Quantity = long.MinValue,
            DisplayQuantity = long.MinValue,
            ExpireTime = long.MinValue,
            TickSize = long.MinValue,
            LotSize = long.MinValue,
            MinQuantity = long.MinValue,
            MaxQuantity = long.MinValue,
            CollarBasisPoints = int.MinValue,
        };

        Assert.Equal(command, RoundTrip(command));
        Assert.Equal(default(Command), RoundTrip(default));
    }

    [Fact]
    public void ShouldPutEachFieldAtItsDocumentedOffset()
    {
        var command = new Command
        {
            Type = CommandType.Replace,
            Status = TradingStatus.Closed,
            Timestamp = 0x0102030405060708,
            Symbol = Symbol.Parse("XYZ"),
            ClientId = ClientOrderId.Parse("C1"),
            OrigClientId = ClientOrderId.Parse("O1"),
            Price = 7,
            MaxQuantity = 9,
            CollarBasisPoints = -2,
        };
        var bytes = new byte[CommandCodec.Size];
        CommandCodec.Encode(in command, bytes);

        Assert.Equal((byte)CommandType.Replace, bytes[0]);
        Assert.Equal((byte)TradingStatus.Closed, bytes[6]);
        Assert.Equal(0x08, bytes[8]);
        Assert.Equal(0x01, bytes[15]);
        Assert.Equal((byte)'X', bytes[24]);
        Assert.Equal((byte)'C', bytes[40]);
        Assert.Equal((byte)'O', bytes[72]);
        Assert.Equal(7, bytes[104]);
        Assert.Equal(9, bytes[168]);
        Assert.Equal([0xFE, 0xFF, 0xFF, 0xFF], bytes[176..180]);
        Assert.Equal([0, 0, 0, 0], bytes[180..184]); // no currency
        Assert.Equal(0, bytes[7]); // no limit
    }

    [Fact]
    public void ShouldPutTheRiskFieldsInTheFormerlyReservedBytes()
    {
        var command = new Command
        {
            Type = CommandType.Deposit,
            Limit = RiskLimit.AccountCreditLimit,
            Currency = Currency.Parse("EUR"),
        };
        var bytes = new byte[CommandCodec.Size];
        CommandCodec.Encode(in command, bytes);

        Assert.Equal((byte)RiskLimit.AccountCreditLimit, bytes[7]);
        Assert.Equal("EUR\0"u8.ToArray(), bytes[180..184]);
        Assert.Equal(command, RoundTrip(command));
    }

    [Fact]
    public void ShouldRefuseBuffersShorterThanTheEncodedSize()
    {
        var command = CommandSamples.For(1);
        var shortBuffer = new byte[CommandCodec.Size - 1];

        Assert.Throws<ArgumentException>(() => CommandCodec.Encode(in command, shortBuffer));
        Assert.Throws<ArgumentException>(() => CommandCodec.Decode(shortBuffer, out _));
    }

    [Fact]
    public void ShouldNotAllocateWhenEncodingOrDecoding()
    {
        var buffer = new byte[CommandCodec.Size];
        var command = CommandSamples.For(42);
        long checksum = 0;

        long allocated = AllocationMeter.SteadyStateBytes(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                CommandCodec.Encode(in command, buffer);
                CommandCodec.Decode(buffer, out var decoded);
                checksum += decoded.Quantity;
            }
        });

        Assert.Equal(0L, allocated);
        Assert.True(checksum > 0);
    }

    private static Command RoundTrip(Command command)
    {
        var buffer = new byte[CommandCodec.Size];
        CommandCodec.Encode(in command, buffer);
        CommandCodec.Decode(buffer, out var decoded);
        return decoded;
    }
}
