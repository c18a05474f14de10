using Exchange.Journal.Format;
using Exchange.Journal.Storage;

namespace Exchange.Journal.Tests;

/// <summary>Damage anywhere but a torn tail would lose or alter acknowledged history: recovery must stop and
/// say where (TigerBeetle's fail-stop), never repair it silently.</summary>
public class CorruptionTests
{
    private static readonly string First = SegmentName.Format(1);
    private readonly MemoryJournalStorage _storage = new();

    [Fact]
    public void ShouldStopAtAByteFlippedAnywhereInAnEarlierRecord()
    {
        JournalFiles.Write(_storage, 1, 10);
        long offset = JournalFiles.RecordOffset(3);
        var original = JournalFiles.Bytes(_storage, First);

        for (int i = 0; i < JournalFiles.RecordLength; i++)
        {
            JournalFiles.FlipByte(_storage, First, offset + i);

            var error = Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage));
            Assert.Equal(First, error.Segment);
            Assert.Equal(offset, error.Offset);
            Assert.Contains(First, error.Message, StringComparison.Ordinal);
            Assert.Equal(original.Length, JournalFiles.Bytes(_storage, First).Length);

            JournalFiles.FlipByte(_storage, First, offset + i);
        }
    }

    [Fact]
    public void ShouldRepairNothingWhenItFindsCorruption()
    {
        JournalFiles.Write(_storage, 1, 10);
        JournalFiles.FlipByte(_storage, First, JournalFiles.RecordOffset(2) + 50);
        var damaged = JournalFiles.Bytes(_storage, First);

        Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage));
        Assert.Equal(damaged, JournalFiles.Bytes(_storage, First));
    }

    [Fact]
    public void ShouldDetectASequenceGapInRecordsWithValidCrcs()
    {
        JournalFiles.Write(_storage, 1, 4);
        ulong chain = JournalFiles.ChainHashAt(_storage, First, JournalFiles.RecordOffset(3));
        JournalFiles.Overwrite(_storage, First, JournalFiles.RecordOffset(4), JournalFiles.ForgeRecord(6, chain, out _));

        var error = Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage));
        Assert.Equal(JournalFiles.RecordOffset(4), error.Offset);
        Assert.Contains("expected 5, found 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldDetectARecordThatDoesNotContinueTheChain()
    {
        JournalFiles.Write(_storage, 1, 6);
        JournalFiles.Overwrite(_storage, First, JournalFiles.RecordOffset(2), JournalFiles.ForgeRecord(3, 12345, out _));

        var error = Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage));
        Assert.Equal(JournalFiles.RecordOffset(2), error.Offset);
        Assert.Contains("chain hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldDetectADamagedSegmentHeader()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 9, options);

        foreach (var segment in _storage.ListSegments())
        {
            JournalFiles.FlipByte(_storage, segment, 20);
            var error = Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage, options));
            Assert.Equal(segment, error.Segment);
            Assert.Equal(0, error.Offset);
            JournalFiles.FlipByte(_storage, segment, 20);
        }
    }

    [Fact]
    public void ShouldDetectASegmentThatEndsEarly()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 9, options);
        string middle = SegmentName.Format(4);
        JournalFiles.Overwrite(_storage, middle, JournalFiles.RecordOffset(2), new byte[JournalFiles.RecordLength]);

        var error = Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage, options));
        Assert.Equal(middle, error.Segment);
        Assert.Equal(JournalFiles.RecordOffset(2), error.Offset);
    }

    [Fact]
    public void ShouldDetectAMissingSegment()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 9, options);
        _storage.Delete(SegmentName.Format(4));

        var error = Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage, options));
        Assert.Equal(First, error.Segment);
        Assert.Contains("starts at 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldDetectThatTheFirstSegmentIsMissing()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 9, options);
        _storage.Delete(First);

        var error = Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage, options));
        Assert.Equal(SegmentName.Format(4), error.Segment);
        Assert.Equal(24, error.Offset);
    }

    [Fact]
    public void ShouldDetectASegmentHeaderThatDoesNotLinkToThePreviousSegment()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 6, options);
        var header = new byte[SegmentHeader.Size];
        new SegmentHeader(4, 999).WriteTo(header);
        JournalFiles.Overwrite(_storage, SegmentName.Format(4), 0, header);

        var error = Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage));
        Assert.Equal(SegmentName.Format(4), error.Segment);
        Assert.Equal(24, error.Offset);
    }

    [Fact]
    public void ShouldDetectDamageInTheLastRecordOfASegmentThatIsNotTheLast()
    {
        var options = new JournalOptions { SegmentBytes = JournalFiles.SegmentFor(3) };
        JournalFiles.Write(_storage, 1, 6, options);
        JournalFiles.FlipByte(_storage, First, JournalFiles.RecordOffset(2) + 100);

        var error = Assert.Throws<JournalCorruptedException>(() => JournalWriter.Open(_storage, options));
        Assert.Equal(First, error.Segment);
        Assert.Equal(JournalFiles.RecordOffset(2), error.Offset);
    }

    [Fact]
    public void ShouldDetectASegmentWhoseNameDisagreesWithItsHeader()
    {
        JournalFiles.Write(_storage, 1, 3);
        var bytes = JournalFiles.Bytes(_storage, First);
        _storage.Delete(First);
        using (var renamed = _storage.Create(SegmentName.Format(2), bytes.Length))
        {
            renamed.Write(0, bytes);
        }

        var error = Assert.Throws<JournalCorruptedException>(() => JournalFiles.ReadAll(_storage));
        Assert.Equal(16, error.Offset);
    }
}
