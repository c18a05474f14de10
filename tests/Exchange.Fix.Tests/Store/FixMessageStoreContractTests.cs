using System.Buffers.Binary;
using Exchange.Fix.Store;

namespace Exchange.Fix.Tests.Store;

/// <summary>The contract every <see cref="IFixMessageStore"/> keeps, run against each implementation.</summary>
public abstract class FixMessageStoreContractTests : IDisposable
{
    protected abstract IFixMessageStore Open();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void ShouldStartANewSessionAtOne()
    {
        using var store = Open();
        Assert.Equal(1, store.NextSenderMsgSeqNum);
        Assert.Equal(1, store.NextTargetMsgSeqNum);
        Assert.False(store.TryGet(1, out _));
    }

    [Fact]
    public void ShouldReturnStoredMessagesByNumberAndTheLatestForARepeatedNumber()
    {
        using var store = Open();
        store.Store(1, "one"u8);
        store.Store(2, "two"u8);
        store.Store(2, "two again"u8);
        Assert.True(store.TryGet(1, out var one));
        Assert.Equal("one"u8.ToArray(), one);
        Assert.True(store.TryGet(2, out var two));
        Assert.Equal("two again"u8.ToArray(), two);
        Assert.True(store.Contains(2));
        Assert.False(store.Contains(3));
    }

    [Fact]
    public void ShouldForgetEverythingOnReset()
    {
        using var store = Open();
        store.Store(1, "one"u8);
        store.SetNextSenderMsgSeqNum(7);
        store.SetNextTargetMsgSeqNum(9);
        store.Reset();
        Assert.Equal(1, store.NextSenderMsgSeqNum);
        Assert.Equal(1, store.NextTargetMsgSeqNum);
        Assert.False(store.Contains(1));
    }
}

public sealed class MemoryFixMessageStoreTests : FixMessageStoreContractTests
{
    protected override IFixMessageStore Open() => new MemoryFixMessageStore();
}

public sealed class FileFixMessageStoreTests : FixMessageStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fix-store-" + Guid.NewGuid().ToString("N"));

    protected override IFixMessageStore Open() => new FileFixMessageStore(_directory);

    public override void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        base.Dispose();
    }

    [Fact]
    public void ShouldKeepNumbersAndMessagesAcrossReopen()
    {
        using (var store = Open())
        {
            store.Store(1, "one"u8);
            store.Store(2, "two"u8);
            store.SetNextSenderMsgSeqNum(3);
            store.SetNextTargetMsgSeqNum(5);
        }
        using var reopened = Open();
        Assert.Equal(3, reopened.NextSenderMsgSeqNum);
        Assert.Equal(5, reopened.NextTargetMsgSeqNum);
        Assert.True(reopened.TryGet(2, out var two));
        Assert.Equal("two"u8.ToArray(), two);
    }

    [Fact]
    public void ShouldCutATornLastRecordOnOpen()
    {
        // 1. Two messages stored.
        using (var store = Open())
        {
            store.Store(1, "one"u8);
            store.Store(2, "two"u8);
        }
        // 2. A crash in the middle of appending the third: its header promises more bytes than were written.
        string messages = Path.Combine(_directory, "messages");
        using (var file = new FileStream(messages, FileMode.Append))
        {
            file.Write([100, 0, 0, 0, 3, 0, 0, 0, (byte)'t']);
        }
        // 3. Reopened: the first two are there, the torn one is gone, and appending works again.
        using var reopened = Open();
        Assert.True(reopened.Contains(2));
        Assert.False(reopened.Contains(3));
        reopened.Store(3, "three"u8);
        Assert.True(reopened.TryGet(3, out var three));
        Assert.Equal("three"u8.ToArray(), three);
    }
}

/// <summary>The file store writes outbound messages and the sender number once per <see cref="IFixMessageStore.Flush"/>;
/// a received message's number is written at once, with everything buffered before it.</summary>
public sealed class FileFixMessageStoreBufferingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fix-store-" + Guid.NewGuid().ToString("N"));

    private long MessagesFileLength => new FileInfo(Path.Combine(_directory, "messages")).Length;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void ShouldWriteStoredMessagesOnFlushAndServeThemBefore()
    {
        using var store = new FileFixMessageStore(_directory);
        store.Store(1, "one"u8);
        store.Store(2, "two"u8);
        store.SetNextSenderMsgSeqNum(3);
        Assert.Equal(0, MessagesFileLength);
        Assert.True(store.TryGet(2, out var two)); // from the buffer
        Assert.Equal("two"u8.ToArray(), two);

        store.Flush();

        Assert.Equal(2 * (8 + 3), MessagesFileLength);
        store.Store(3, "three"u8);
        Assert.True(store.TryGet(1, out var one)); // from the file
        Assert.Equal("one"u8.ToArray(), one);
        Assert.True(store.TryGet(3, out var three)); // from the buffer, after the file's records
        Assert.Equal("three"u8.ToArray(), three);
    }

    [Fact]
    public void ShouldWriteBufferedMessagesWithANewTargetNumber()
    {
        using (var store = new FileFixMessageStore(_directory))
        {
            store.Store(1, "one"u8);
            store.SetNextSenderMsgSeqNum(2);
            store.SetNextTargetMsgSeqNum(4);
            Assert.Equal(8 + 3, MessagesFileLength);
        }
        using var reopened = new FileFixMessageStore(_directory);
        Assert.Equal(2, reopened.NextSenderMsgSeqNum);
        Assert.Equal(4, reopened.NextTargetMsgSeqNum);
        Assert.True(reopened.Contains(1));
    }

    [Fact]
    public void ShouldHaveAReceivedNumberInTheFileAtOnceWithoutClosing()
    {
        // What a killed process leaves: the store is never flushed or closed, yet the numbers are in the file.
        using var store = new FileFixMessageStore(_directory);
        store.SetNextSenderMsgSeqNum(7);
        store.SetNextTargetMsgSeqNum(9);

        byte[] seqNums;
        using (var file = new FileStream(Path.Combine(_directory, "seqnums"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            seqNums = new byte[file.Length];
            file.ReadExactly(seqNums);
        }
        Assert.Equal(16, seqNums.Length);
        Assert.Equal(7, BinaryPrimitives.ReadInt64LittleEndian(seqNums));
        Assert.Equal(9, BinaryPrimitives.ReadInt64LittleEndian(seqNums.AsSpan(8)));
    }

    [Fact]
    public void ShouldStartAtOneWhenTheNumbersFileIsIncomplete()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(Path.Combine(_directory, "seqnums"), [5, 0, 0]);
        using var store = new FileFixMessageStore(_directory);
        Assert.Equal(1, store.NextSenderMsgSeqNum);
        Assert.Equal(1, store.NextTargetMsgSeqNum);
    }

    [Fact]
    public void ShouldKeepManyBufferedMessagesInOrderAcrossTheBufferLimit()
    {
        var body = new byte[1000];
        using (var store = new FileFixMessageStore(_directory))
        {
            for (int seq = 1; seq <= 600; seq++) // 600 KB: more than the store buffers between flushes
            {
                body[0] = (byte)seq;
                store.Store(seq, body);
            }
            store.SetNextSenderMsgSeqNum(601);
            Assert.True(MessagesFileLength > 0); // some went out on their own
            Assert.True(store.TryGet(600, out var last));
            Assert.Equal(unchecked((byte)600), last[0]);
        }
        using var reopened = new FileFixMessageStore(_directory);
        Assert.Equal(601, reopened.NextSenderMsgSeqNum);
        for (int seq = 1; seq <= 600; seq++)
        {
            Assert.True(reopened.TryGet(seq, out var message));
            Assert.Equal((byte)seq, message[0]);
        }
    }
}
