using Exchange.Binary.Client;
using Exchange.Binary.Messages;
using Exchange.Core.Domain;

namespace Exchange.Server.Tests.Gateways.Binary;

/// <summary>The client and the gateway allocate nothing per message (alone in its collection: the runtime's
/// allocation samples cover the whole process).</summary>
[Collection(AllocationCollection.Name)]
public sealed class BinaryGatewayAllocationTests : IDisposable
{
    private readonly BinaryGatewayTests _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public void ShouldNotAllocatePerMessageInTheClientOrTheGateway()
    {
        var buyer = _gateway.Connect("TRADER1", "alloc");
        var h = new CountingHandler();
        // IOC orders that find nothing to trade: accepted, then cancelled; the book (and the engine's tables) stay empty.
        var buy = BinaryGatewayTests.Limit("x", Side.Buy, "189.00", 1) with { TimeInForce = TimeInForce.Ioc };
        var sell = BinaryGatewayTests.Limit("x", Side.Sell, "191.00", 1) with { TimeInForce = TimeInForce.Ioc };
        void Round(int from, int count)
        {
            for (int i = from; i < from + count; i++)
            {
                ref var order = ref i % 2 == 0 ? ref buy : ref sell;
                order.ClientOrderId = ClientOrderId.FromNumber(i);
                buyer.Send(in order, flush: i % 50 == 49);
                if (i % 500 == 499)
                {
                    // Stay well within the stream's 1024 messages.
                    while (h.Accepted < i + 1)
                    {
                        Assert.True(buyer.Receive(ref h) >= 0);
                    }
                }
            }
        }
        Round(0, 5_000);
        Assert.Equal(5_000, h.Accepted);
        using var sampler = new AllocationSampler();
        Round(5_000, 40_000);
        // 40k orders, 80k messages: anything the client, the gateway or their sockets allocated per message
        // (≥ 8 bytes) would be ≥ 640 KB, several samples. (The samples that do show up come from the pipeline
        // and the test runner.)
        var ours = sampler.Types.Keys.Where(t => t.StartsWith("Exchange.Binary", StringComparison.Ordinal) || t.Contains("Gateways.Binary", StringComparison.Ordinal)
            || t.Contains("Socket", StringComparison.Ordinal) || t.Contains("Task", StringComparison.Ordinal) || t.Contains("ThreadPool", StringComparison.Ordinal) || t.Contains("WorkItem", StringComparison.Ordinal)
            || t == "System.Byte[]").ToList();
        Assert.True(ours.Count == 0, string.Join(", ", sampler.Types.Select(kv => $"{kv.Key} ×{kv.Value}")));
    }

    private struct CountingHandler : IServerMessageHandler
    {
        public int Accepted;

        public void OnAccepted(ulong sequence, in OrderAccepted message) => Accepted++;

        public readonly void OnRejected(ulong sequence, in OrderRejected message) => throw new InvalidOperationException(message.Reason.ToString());

        public readonly void OnExecuted(ulong sequence, in OrderExecuted message)
        {
        }

        public readonly void OnCanceled(ulong sequence, in OrderCanceled message)
        {
        }

        public readonly void OnReplaced(ulong sequence, in OrderReplaced message)
        {
        }

        public readonly void OnRestated(ulong sequence, in OrderRestated message)
        {
        }

        public readonly void OnMassCanceled(ulong sequence, in MassCanceled message)
        {
        }
    }
}
