using System.Collections.Concurrent;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Fix.Tests.Codec;

namespace Exchange.Fix.Tests.Session;

/// <summary>A test application: answers NewOrderSingle (D) with an ExecutionReport (8) echoing ClOrdID, and records
/// what it sees.</summary>
internal sealed class EchoApplication : IFixApplication
{
    public ConcurrentQueue<string> Seen { get; } = new();

    public int Logons;

    public int Logouts;

    public string? OnLogon(FixSession session)
    {
        Interlocked.Increment(ref Logons);
        return null;
    }

    public void OnMessage(FixSession session, FixMessage message)
    {
        Seen.Enqueue(FixText.Show(message.Bytes));
        if (message.MsgType.SequenceEqual("D"u8) && message.TryGetSpan(FixTag.ClOrdId, out var clOrdId))
        {
            session.Send(new Report(clOrdId.ToArray()));
        }
    }

    public void OnLogout(FixSession session, bool graceful) => Interlocked.Increment(ref Logouts);

    private readonly struct Report(byte[] clOrdId) : IFixBody
    {
        public ReadOnlySpan<byte> MsgType => "8"u8;

        public void WriteBody(ref FixMessageWriter writer)
        {
            writer.Append(FixTag.ClOrdId, clOrdId);
            writer.Append(FixTag.ExecType, '0');
        }
    }
}
