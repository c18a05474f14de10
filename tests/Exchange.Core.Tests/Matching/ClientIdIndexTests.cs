using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

public class ClientIdIndexTests
{
    [Fact]
    public void ShouldMatchADictionaryUnderRandomAddsRenamesAndRemoves() =>
        RunAgainstReference<ClientIdHasher>(seed: 1, accounts: 50, ids: 400);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ShouldStayExactWhenEveryFingerprintCollides(int seed) =>
        RunAgainstReference<ConstantHasher>(seed, accounts: 5, ids: 60);

    [Fact]
    public void ShouldStayExactWhenFingerprintsDifferButFoldToTheSameSlotTag() =>
        RunAgainstReference<EqualHalvesHasher>(seed: 6, accounts: 20, ids: 200);

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void ShouldStayExactWhenFingerprintsCollideInGroups(int seed) =>
        RunAgainstReference<FewFingerprintsHasher>(seed, accounts: 20, ids: 200);

    [Fact]
    public void PrefaultShouldLeaveAnEmptyTableEmptyAndUsable()
    {
        var pool = new OrderPool(4);
        var index = new ClientIdIndex<ClientIdHasher>(pool, 100_000); // several pages
        index.Prefault();

        Assert.Equal(0, index.Count);
        for (int n = 1; n <= 1000; n++)
        {
            var clientId = ClientOrderId.FromNumber(n);
            Assert.Equal(0, index.Find(n % 7, in clientId));
        }
        int order = pool.Allocate();
        pool.Items[order].Account = 3;
        pool.Items[order].ClientId = ClientOrderId.FromNumber(42);
        index.Add(3, in pool.Items[order].ClientId, order);
        Assert.Equal(order, index.Find(3, in pool.Items[order].ClientId));
    }

    [Fact]
    public void RemoveByFoundFingerprintShouldRemoveOnlyThatOrder()
    {
        var pool = new OrderPool(4);
        var index = new ClientIdIndex<FewFingerprintsHasher>(pool, 16); // colliding fingerprints, several per slot run
        var orders = new List<int>();
        for (int n = 1; n <= 40; n++)
        {
            int order = pool.Allocate();
            pool.Items[order].Account = n % 3;
            pool.Items[order].ClientId = ClientOrderId.FromNumber(n);
            index.Add(n % 3, in pool.Items[order].ClientId, order);
            orders.Add(order);
        }
        foreach (int order in orders.Where((_, i) => i % 2 == 0))
        {
            int found = index.Find(pool.Items[order].Account, in pool.Items[order].ClientId, out ulong fingerprint);
            Assert.Equal(order, found);
            Assert.Equal(FewFingerprintsHasher.Fingerprint(pool.Items[order].Account, in pool.Items[order].ClientId), fingerprint);
            index.Remove(fingerprint, order);
        }

        Assert.Equal(20, index.Count);
        for (int i = 0; i < orders.Count; i++)
        {
            int order = orders[i];
            Assert.Equal(i % 2 == 0 ? 0 : order, index.Find(pool.Items[order].Account, in pool.Items[order].ClientId));
        }
    }

    [Fact]
    public void PrefaultShouldNotChangeATableThatHoldsKeys()
    {
        var pool = new OrderPool(4);
        var index = new ClientIdIndex<ConstantHasher>(pool, 2);
        var orders = new List<int>();
        for (int n = 1; n <= 20; n++)
        {
            int order = pool.Allocate();
            pool.Items[order].Account = n;
            pool.Items[order].ClientId = ClientOrderId.FromNumber(n);
            index.Add(n, in pool.Items[order].ClientId, order);
            orders.Add(order);
        }
        index.Prefault();

        Assert.Equal(20, index.Count);
        foreach (int order in orders)
        {
            Assert.Equal(order, index.Find(pool.Items[order].Account, in pool.Items[order].ClientId));
        }
    }

    /// <summary>Drives the index and a Dictionary with the same random operations, the way the engine uses the index
    /// (orders live in an <see cref="OrderPool"/>; a rename enters the new key before the order's id changes).</summary>
    private static void RunAgainstReference<THasher>(int seed, int accounts, int ids) where THasher : IClientIdHasher
    {
        var pool = new OrderPool(4);
        var index = new ClientIdIndex<THasher>(pool, 2);
        var reference = new Dictionary<(long, ClientOrderId), int>();
        var live = new List<int>();
        var random = new Random(seed);
        for (int step = 0; step < 20_000; step++)
        {
            long account = random.Next(1, accounts + 1);
            var clientId = ClientOrderId.FromNumber(random.Next(1, ids + 1));
            int op = random.Next(4);
            if (op == 0)
            {
                int order = pool.Allocate();
                pool.Items[order].Account = account;
                pool.Items[order].OrderId = step + 1;
                pool.Items[order].ClientId = clientId;
                bool added = index.TryAdd(account, in clientId, order);
                Assert.Equal(!reference.ContainsKey((account, clientId)), added);
                if (added)
                {
                    reference.Add((account, clientId), order);
                    live.Add(order);
                }
                else
                {
                    pool.Free(order);
                }
            }
            else if (op == 1 && live.Count > 0)
            {
                int order = live[random.Next(live.Count)];
                long owner = pool.Items[order].Account;
                var oldId = pool.Items[order].ClientId;
                if (random.Next(2) == 0)
                {
                    index.Remove(owner, in oldId, order);
                    reference.Remove((owner, oldId));
                    live.Remove(order);
                    pool.Free(order);
                }
                else if (index.TryAdd(owner, in clientId, order))
                {
                    Assert.False(reference.ContainsKey((owner, clientId)));
                    index.Remove(owner, in oldId, order);
                    pool.Items[order].ClientId = clientId;
                    reference.Remove((owner, oldId));
                    reference.Add((owner, clientId), order);
                }
                else
                {
                    Assert.True(reference.ContainsKey((owner, clientId)));
                }
            }
            else
            {
                int expected = reference.TryGetValue((account, clientId), out int order) ? order : 0;
                Assert.Equal(expected, index.Find(account, in clientId));
            }
            Assert.Equal(reference.Count, index.Count);
        }
        foreach (var ((account, clientId), order) in reference)
        {
            Assert.Equal(order, index.Find(account, in clientId));
        }
    }

    private readonly struct ConstantHasher : IClientIdHasher
    {
        public static ulong Fingerprint(long account, in ClientOrderId clientId) => 7;
    }

    /// <summary>Distinct fingerprints whose two halves are equal: the slots keep the halves XOR-ed, so every tag is 0.</summary>
    private readonly struct EqualHalvesHasher : IClientIdHasher
    {
        public static ulong Fingerprint(long account, in ClientOrderId clientId) =>
            (ClientIdHasher.Fingerprint(account, in clientId) & 0xFFFF_FFFFUL) * 0x1_0000_0001UL;
    }

    private readonly struct FewFingerprintsHasher : IClientIdHasher
    {
        public static ulong Fingerprint(long account, in ClientOrderId clientId) =>
            ClientIdHasher.Fingerprint(account, in clientId) % 5;
    }
}
