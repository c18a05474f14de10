using System.Buffers.Binary;
using System.IO.Hashing;

namespace Exchange.Core.Matching;

/// <summary>Feeds the state digest: values are packed into a 64 KiB buffer and hashed in large chunks (a
/// streaming XxHash64 gives the same result however the bytes are chunked, and large chunks are much faster
/// than one small append per field).</summary>
internal sealed class StateHasher
{
    private readonly XxHash64 _hash = new();
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _count;

    public void Add(long value)
    {
        Reserve(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_count), value);
        _count += 8;
    }

    /// <summary>Room for <paramref name="bytes"/> more bytes, written by the caller at <see cref="Next"/>.</summary>
    public Span<byte> Next(int bytes)
    {
        Reserve(bytes);
        var span = _buffer.AsSpan(_count, bytes);
        _count += bytes;
        return span;
    }

    public ulong Finish()
    {
        _hash.Append(_buffer.AsSpan(0, _count));
        _count = 0;
        return _hash.GetCurrentHashAsUInt64();
    }

    private void Reserve(int bytes)
    {
        if (_count + bytes > _buffer.Length)
        {
            _hash.Append(_buffer.AsSpan(0, _count));
            _count = 0;
        }
    }
}
