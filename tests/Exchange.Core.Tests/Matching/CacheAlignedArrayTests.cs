using System.Runtime.CompilerServices;
using Exchange.Core.Domain;
using Exchange.Core.Matching;

namespace Exchange.Core.Tests.Matching;

/// <summary>The cache-line layout of order entries and price levels (<see cref="OrderEntry"/>, <see cref="PriceLevel"/>, <see cref="CacheAlignedArray{T}"/>): what the
/// prefetch and the field grouping rely on. Speed is not asserted, only the placement.</summary>
public class CacheAlignedArrayTests
{
    [Fact]
    public void EveryEntryShouldStartOnACacheLine()
    {
        var entries = new CacheAlignedArray<OrderEntry>(100);
        Assert.Equal(192, Unsafe.SizeOf<OrderEntry>());
        for (int i = 0; i < entries.Length; i++)
        {
            Assert.Equal(0, AddressOf(ref entries[i]) % 64);
        }
    }

    [Fact]
    public void QueueAndMatchingFieldsShouldShareTheFirstLineAndTheEventFieldsTheSecond()
    {
        var entries = new CacheAlignedArray<OrderEntry>(2);
        ref var e = ref entries[1];
        foreach (long offset in new[]
        {
            Offset(ref e, ref e.Price), Offset(ref e, ref e.Visible), Offset(ref e, ref e.Hidden), Offset(ref e, ref e.Filled),
            Offset(ref e, ref e.Account), Offset(ref e, ref e.Level), Offset(ref e, ref e.Prev), Offset(ref e, ref e.Next),
            Offset(ref e, ref e.Instrument), Offset(ref e, ref e.Side), Offset(ref e, ref e.Stp), Offset(ref e, ref e.OnStopBook),
        })
        {
            Assert.InRange(offset, 0, 63);
        }
        Assert.Equal(64, Offset(ref e, ref e.ClientId));
        Assert.InRange(Offset(ref e, ref e.Display), 64, 128 - sizeof(long));
        Assert.InRange(Offset(ref e, ref e.OcoPartner), 128, 191);
    }

    [Fact]
    public void EveryPriceLevelShouldFillExactlyOneCacheLine()
    {
        var levels = new CacheAlignedArray<PriceLevel>(100);
        Assert.Equal(64, Unsafe.SizeOf<PriceLevel>());
        for (int i = 0; i < levels.Length; i++)
        {
            Assert.Equal(0, Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<PriceLevel, byte>(ref levels[i])) % 64);
        }
    }

    [Fact]
    public void AStructThatIsNotWholeCacheLinesShouldBeRefused() =>
        Assert.Throws<ArgumentException>(() => new CacheAlignedArray<long>(4));

    [Fact]
    public void ALargeArrayAskedForHugePagesShouldStartOnAHugePageBoundaryAndBeZeroed()
    {
        var levels = new CacheAlignedArray<PriceLevel>(200_000, hugePages: true); // 12.8 MB
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(0, Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<PriceLevel, byte>(ref levels[0])) % (2 * 1024 * 1024));
        }
        Assert.Equal(0, levels[123_456].Price);
        levels[199_999].Price = 7;
        Assert.Equal(7, levels.Resized(200_001)[199_999].Price);
    }

    [Fact]
    public void ResizedShouldKeepTheEntriesAndAddZeroedOnes()
    {
        var entries = new CacheAlignedArray<OrderEntry>(3);
        entries[2].OrderId = 7;
        entries[2].ClientId = ClientOrderId.FromNumber(42);
        entries[2].TakerFeeBps = 5;

        var larger = entries.Resized(6);

        Assert.Equal(6, larger.Length);
        Assert.Equal(7, larger[2].OrderId);
        Assert.Equal(ClientOrderId.FromNumber(42), larger[2].ClientId);
        Assert.Equal(5, larger[2].TakerFeeBps);
        Assert.Equal(0, larger[5].OrderId);
        Assert.Equal(0, AddressOf(ref larger[5]) % 64);
    }

    [Fact]
    public void AnIndexOutsideTheArrayShouldThrow()
    {
        var entries = new CacheAlignedArray<OrderEntry>(3);
        Assert.Throws<IndexOutOfRangeException>(() => entries[3].OrderId = 1);
        Assert.Throws<IndexOutOfRangeException>(() => entries[-1].OrderId = 1);
    }

    /// <summary>The entry's address (its offset from address 0); the buffer is native memory and never moves, so it stays valid.</summary>
    private static long AddressOf(ref OrderEntry entry) =>
        Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<OrderEntry, byte>(ref entry));

    private static long Offset<T>(ref OrderEntry entry, ref T field) =>
        Unsafe.ByteOffset(ref Unsafe.As<OrderEntry, byte>(ref entry), ref Unsafe.As<T, byte>(ref field));
}
