using Exchange.Server.Gateways;

namespace Exchange.Server.Tests.Gateways;

public class EntrySessionIdTests
{
    [Fact]
    public void ShouldGiveTheSameSessionTheSameIdAndOthersOtherIds()
    {
        Assert.Equal(EntrySessionId.ForFix("EXCHANGE", "TRADER1"), EntrySessionId.ForFix("EXCHANGE", "TRADER1"));
        long[] ids =
        [
            EntrySessionId.ForFix("EXCHANGE", "TRADER1"), EntrySessionId.ForFix("EXCHANGE", "TRADER2"),
            EntrySessionId.ForFix("TRADER1", "EXCHANGE"), EntrySessionId.ForBinary("EXCHANGE", "TRADER1"),
            EntrySessionId.ForBinary("TRADER1", ""), EntrySessionId.ForBinary("TRADER1", "lt-1"),
        ];
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.DoesNotContain(0L, ids);
    }

    [Fact]
    public void ShouldNeverChangeTheIdOfAnIdentity()
    {
        // Journals and snapshots hold these ids: a different hash would orphan every order entered before an upgrade.
        Assert.Equal(PinnedFix, EntrySessionId.ForFix("EXCHANGE", "TRADER1"));
        Assert.Equal(PinnedBinary, EntrySessionId.ForBinary("TRADER1", "lt-1"));
    }

    private const long PinnedFix = 5919687605751827400;
    private const long PinnedBinary = -7732849400233044748;
}
