using Exchange.MarketData.Feed;

namespace Exchange.MarketData.Tests.Feed;

public class MessageStoreTests
{
    [Fact]
    public void EveryMessageIsReadBackByItsSequenceAcrossIndexChunksAndPages()
    {
        var store = new MessageStore();
        const int messages = 60_000; // several 8,192-entry index chunks; 1 MiB pages of 2 + 36 bytes a message
        var message = new byte[36];
        for (int i = 1; i <= messages; i++)
        {
            BitConverter.TryWriteBytes(message, i);
            Assert.Equal(i, store.Append(message));
        }
        Assert.Equal(messages, store.Count);

        foreach (long first in new long[] { 1, 8_191, 8_192, 8_193, 27_590, 59_990 })
        {
            var seen = new List<(long Sequence, int Payload)>();
            int visited = store.Read(first, 20, (seq, data) =>
            {
                seen.Add((seq, BitConverter.ToInt32(data.Span)));
                Assert.Equal(36, data.Length);
                return true;
            });
            int expected = (int)Math.Min(20, messages - first + 1);
            Assert.Equal(expected, visited);
            Assert.All(seen, m => Assert.Equal(m.Sequence, m.Payload));
            Assert.Equal(first, seen[0].Sequence);
        }
        Assert.Equal(0, store.Read(messages + 1, 5, (_, _) => true));
        Assert.Equal(0, store.Read(0, 5, (_, _) => true));
    }
}
