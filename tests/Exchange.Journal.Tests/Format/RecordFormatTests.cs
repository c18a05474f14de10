using Exchange.Journal.Format;

namespace Exchange.Journal.Tests.Format;

public class RecordFormatTests
{
    [Fact]
    public void ShouldNotTakeZeroedBytesOrAnUnknownVersionForARecord()
    {
        // Zeroes are what a pre-allocated segment holds past its data: length 0, type 0, version 0.
        Assert.False(RecordFormat.IsIntact(new byte[RecordLayout.CommandRecordLength * 2], out _));

        var record = JournalFiles.ForgeRecord(1, 0, out _);
        Assert.True(RecordFormat.IsIntact(record, out int length));
        Assert.Equal(RecordLayout.CommandRecordLength, length);
        record[RecordLayout.VersionOffset] = 3;
        Assert.False(RecordFormat.IsIntact(record, out _));
    }
}
