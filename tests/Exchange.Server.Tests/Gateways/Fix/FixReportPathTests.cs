using System.Globalization;
using System.Text;
using Exchange.Core.Domain;
using Exchange.Core.Events;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;
using Exchange.Fix.Store;
using Exchange.Server.Configuration;
using Exchange.Server.Gateways;
using Exchange.Server.Gateways.Fix;
using Exchange.Server.Pipeline;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>Where a FIX session's reports are written: on the responder thread at the end of its batch while the
/// client keeps up; by the session's own task, in order and without ever holding the responder, once its socket pushes
/// back. The test thread plays the responder (events, then the hub's batch end).</summary>
public sealed class FixReportPathTests : IDisposable
{
    private readonly OrderEntryHub _hub = new();
    private readonly GatedTransport _transport = new();
    private readonly MemoryFixMessageStore _store = new();
    private readonly FixOrderEntrySession _application;
    private readonly FixSession _session;

    public FixReportPathTests()
    {
        _application = new FixOrderEntrySession(_hub, new FixOrderProjection(), new AccountConfig("TRADER1", 1, "demo"), cancelOnDisconnect: false);
        var settings = new FixSessionSettings { SenderCompId = "EXCHANGE", TargetCompId = "TRADER1", Password = "demo" };
        _session = new FixSession(settings, _store, _application);
        _application.Session = _session;
        Assert.True(_session.TryConnect(_transport));
        var logon = new FixMessage(4096);
        string now = DateTime.UtcNow.ToString("yyyyMMdd-HH:mm:ss.fff", CultureInfo.InvariantCulture);
        _session.OnMessage(_transport, logon, logon.Parse(Message($"35=A|49=TRADER1|56=EXCHANGE|34=1|52={now}|98=0|108=30|554=demo|")));
        Assert.True(_session.IsLoggedOn);
        _transport.Clear(); // the Logon reply
    }

    public void Dispose() => _application.StopAsync().GetAwaiter().GetResult();

    [Fact]
    public void ShouldWriteTheBatchsReportsOnTheRespondersThreadAtItsEnd()
    {
        _application.OnExchangeEvent(Accepted(1), ownCommand: false);
        _application.OnExchangeEvent(Accepted(2), ownCommand: false);
        Assert.Empty(_transport.Writes);

        _hub.OnBatchEnd();

        var write = Assert.Single(_transport.Writes);
        Assert.Equal(Environment.CurrentManagedThreadId, write.Thread);
        Assert.Equal([(2, "1"), (3, "2")], Reports(write.Bytes));
    }

    [Fact]
    public void ShouldQueueBehindASlowClientWithoutWaitingAndKeepTheOrder()
    {
        _transport.IsDrained = false; // the socket pushed back: the next write waits for room
        _transport.Gate.Reset();
        _application.OnExchangeEvent(Accepted(1), ownCommand: false);
        _hub.OnBatchEnd();
        _transport.WaitForBlockedWriter(); // the session's task holds the session while it waits

        // The socket drains meanwhile, but a report is still queued: the next one goes behind it, and the responder
        // neither waits for the blocked writer nor reports out of turn.
        _transport.IsDrained = true;
        _application.OnExchangeEvent(Accepted(2), ownCommand: false);
        _hub.OnBatchEnd();
        Assert.Empty(_transport.Writes);

        _transport.Gate.Set();
        _transport.WaitForReports(2);
        Assert.All(_transport.Writes, w => Assert.NotEqual(Environment.CurrentManagedThreadId, w.Thread));
        Assert.Equal([(2, "1"), (3, "2")], _transport.Writes.SelectMany(w => Reports(w.Bytes)));

        // Caught up: direct again.
        Assert.True(SpinWait.SpinUntil(() => _application.QueuedReports == 0, TimeSpan.FromSeconds(10)));
        _application.OnExchangeEvent(Accepted(3), ownCommand: false);
        _hub.OnBatchEnd();
        Assert.Equal(Environment.CurrentManagedThreadId, _transport.Writes[^1].Thread);
        Assert.Equal([(4, "3")], Reports(_transport.Writes[^1].Bytes));
    }

    private static OutboundSlot Accepted(long orderId) => new()
    {
        Event = new EngineEvent
        {
            Type = EventType.Accepted, Account = 1, OrderId = orderId, ClientId = ClientOrderId.Parse($"c{orderId}"),
            Symbol = Symbol.Parse("AAPL"), Side = Side.Buy, Quantity = 10, LeavesQuantity = 10, Price = 1_900_000,
        },
        LastOfCommand = true,
    };

    /// <summary>(MsgSeqNum, OrderID) of each ExecutionReport in one write.</summary>
    private static List<(int, string)> Reports(byte[] write)
    {
        var found = new List<(int, string)>();
        var message = new FixMessage(4096);
        int offset = 0;
        while (offset < write.Length)
        {
            int end = offset + write.AsSpan(offset).IndexOf("\u000110="u8) + 8;
            Assert.True(message.Parse(write.AsSpan(offset, end - offset)).IsValid);
            Assert.True(message.TryGetString(37, out var orderId));
            found.Add((message.MsgSeqNum, orderId!));
            offset = end;
        }
        return found;
    }

    private static byte[] Message(string fields)
    {
        string body = fields.Replace('|', '\u0001');
        string head = $"8=FIX.4.4\u00019={Encoding.ASCII.GetByteCount(body)}\u0001";
        int sum = Encoding.ASCII.GetBytes(head + body).Sum(b => b) % 256;
        return Encoding.ASCII.GetBytes($"{head}{body}10={sum:D3}\u0001");
    }

    /// <summary>A connection whose drained state the test sets; with <see cref="Gate"/> reset, a write waits for it,
    /// like a sender waiting for room in a full outbound buffer.</summary>
    private sealed class GatedTransport : IFixTransport
    {
        private readonly Lock _lock = new();
        private readonly List<(int Thread, byte[] Bytes)> _writes = [];
        private volatile bool _drained = true;
        private volatile bool _blocked;

        public ManualResetEventSlim Gate { get; } = new(true);

        public List<(int Thread, byte[] Bytes)> Writes
        {
            get
            {
                lock (_lock)
                {
                    return [.. _writes];
                }
            }
        }

        public bool IsDrained
        {
            get => _drained;
            set => _drained = value;
        }

        public void Send(ReadOnlySpan<byte> message)
        {
            _blocked = !Gate.IsSet;
            Assert.True(Gate.Wait(TimeSpan.FromSeconds(10)));
            lock (_lock)
            {
                _writes.Add((Environment.CurrentManagedThreadId, message.ToArray()));
            }
        }

        public void Disconnect(string reason)
        {
        }

        public void Clear()
        {
            lock (_lock)
            {
                _writes.Clear();
            }
        }

        public void WaitForBlockedWriter() => Assert.True(SpinWait.SpinUntil(() => _blocked, TimeSpan.FromSeconds(10)));

        public void WaitForReports(int count) =>
            Assert.True(SpinWait.SpinUntil(() => Writes.Sum(w => Reports(w.Bytes).Count) >= count, TimeSpan.FromSeconds(10)));
    }
}
