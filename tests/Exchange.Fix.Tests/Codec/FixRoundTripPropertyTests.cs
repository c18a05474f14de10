using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

/// <summary>Seeded random messages written by <see cref="FixMessageWriter"/> always read back, field for field.</summary>
public class FixRoundTripPropertyTests
{
    private const long LatestTimestamp = 9_223_372_036_000_000_000; // early 2262, inside the supported range

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void RandomMessagesWrittenByTheWriterReadBackExactly(int seed)
    {
        var random = new Random(seed);
        var buffer = new byte[4096];
        var reader = new FixMessageReader();
        var message = new FixMessage(reader.MaxMessageLength);
        for (int round = 0; round < 2000; round++)
        {
            int seqNum = random.Next(1, int.MaxValue);
            long sendingTime = random.NextInt64(0, LatestTimestamp);
            long quantity = random.NextInt64(long.MinValue, long.MaxValue);
            long price = random.NextInt64(long.MinValue + 1, long.MaxValue);
            char side = (char)random.Next('!', '~' + 1);
            bool flag = random.Next(2) == 0;
            string text = RandomAscii(random);

            var writer = new FixMessageWriter(buffer);
            writer.Begin("D"u8);
            writer.Append(FixTag.MsgSeqNum, seqNum);
            writer.AppendString(FixTag.SenderCompId, "S");
            writer.AppendUtcTimestamp(FixTag.SendingTime, sendingTime);
            writer.AppendString(FixTag.TargetCompId, "T");
            writer.Append(FixTag.OrderQty, quantity);
            writer.AppendFixedPoint(FixTag.Price, price);
            writer.Append(FixTag.Side, side);
            writer.Append(FixTag.PossDupFlag, flag);
            writer.AppendString(FixTag.Text, text);
            int length = writer.Finish();

            Assert.Equal(FixReadResult.Complete(length), reader.Read(buffer.AsSpan(0, length)));
            Assert.Equal(FixParseResult.Valid, message.Parse(buffer.AsSpan(0, length)));
            Assert.Equal(seqNum, message.MsgSeqNum);
            Assert.Equal(sendingTime - sendingTime % 1_000_000, message.SendingTime);
            Assert.Equal(flag, message.PossDupFlag);
            Assert.True(message.TryGetLong(FixTag.OrderQty, out long q) && q == quantity);
            Assert.True(message.TryGetDecimalAsFixedPoint(FixTag.Price, out long p) && p == price);
            Assert.True(message.TryGetChar(FixTag.Side, out char s) && s == side);
            Assert.True(message.TryGetString(FixTag.Text, out string? t) && t == text);
        }
    }

    private static string RandomAscii(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(2, 128);
        }
        return new string(chars);
    }
}
