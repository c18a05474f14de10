using System.Buffers;

namespace Exchange.Fix.Tests.Codec;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s the way a PipeReader hands them out.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    private BufferSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>Splits <paramref name="bytes"/> into segments at the given cut points.</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        int start = 0;
        BufferSegment? first = null;
        BufferSegment? last = null;
        foreach (int cut in cuts.Append(bytes.Length))
        {
            var segment = new BufferSegment(bytes.AsMemory(start, cut - start), start);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }
            last = segment;
            start = cut;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>One segment per byte: the worst case for boundary handling.</summary>
    public static ReadOnlySequence<byte> ByteAtATime(byte[] bytes) =>
        bytes.Length <= 1 ? new ReadOnlySequence<byte>(bytes) : Split(bytes, Enumerable.Range(1, bytes.Length - 1).ToArray());
}
