using Exchange.Core.Snapshots;

namespace Exchange.Core.Tests.Snapshots;

public class OrderSlotMapTests
{
    [Fact]
    public void ShouldFindEveryOrderOfADenseRangeWithGapsAndNothingElse()
    {
        long[] ids = [100, 101, 103, 110, 111, 150];
        int[] slots = [1, 2, 3, 4, 5, 6];
        var map = new OrderSlotMap(ids, slots, ids.Length);

        Assert.True(map.IsDense);
        for (int n = 0; n < ids.Length; n++)
        {
            Assert.Equal(slots[n], map.SlotOf(ids[n]));
        }
        foreach (long missing in new long[] { 0, 99, 102, 104, 149, 151, long.MinValue, long.MaxValue, -100 })
        {
            Assert.Equal(0, map.SlotOf(missing));
        }
    }

    [Fact]
    public void ShouldSearchWhenIdsAreTooSparseForATable()
    {
        long[] ids = [5, 1_000_000, 2_000_000, 1L << 40, long.MaxValue, 0];
        int[] slots = [7, 3, 9, 2, 4, 0];
        var map = new OrderSlotMap(ids, slots, 5); // the last entry is outside the count

        Assert.False(map.IsDense);
        for (int n = 0; n < 5; n++)
        {
            Assert.Equal(slots[n], map.SlotOf(ids[n]));
        }
        Assert.Equal(0, map.SlotOf(6));
        Assert.Equal(0, map.SlotOf(long.MaxValue - 1));
        Assert.Equal(0, map.SlotOf(long.MinValue));
    }

    [Fact]
    public void ShouldKeepATableUpToItsSizeLimit()
    {
        // 10 orders spread over 1,064 ids: within 4 entries per order plus 1,024.
        long[] ids = Enumerable.Range(0, 10).Select(n => 1 + n * 118L).ToArray();
        int[] slots = Enumerable.Range(1, 10).ToArray();
        Assert.True(ids[^1] - ids[0] + 1 <= 10 * OrderSlotMap.MaxTableFactor + 1024);
        var map = new OrderSlotMap(ids, slots, ids.Length);

        Assert.True(map.IsDense);
        Assert.Equal(10, map.SlotOf(ids[^1]));
        Assert.Equal(0, map.SlotOf(ids[^1] + 1));
    }

    [Fact]
    public void ShouldFindNothingWhenEmpty()
    {
        var map = new OrderSlotMap([], [], 0);

        Assert.Equal(0, map.SlotOf(0));
        Assert.Equal(0, map.SlotOf(1));
    }
}
