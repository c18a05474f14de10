using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>A fixed-length array of structs whose size is a multiple of 64 bytes, every element starting on a cache-line
/// boundary: an <see cref="OrderEntry"/> occupies exactly the three lines it groups its fields into, a
/// <see cref="PriceLevel"/> exactly one. A managed array cannot be aligned: its elements start 16 bytes into an object
/// at any multiple of 8, so a 64-byte element would always straddle two lines. The elements live in a native buffer
/// (<see cref="AlignedBuffer"/>: it never moves, and a large one is backed by 2 MB pages where the system allows).
/// Copying this struct copies the reference, as with an array.</summary>
internal readonly unsafe struct CacheAlignedArray<T> where T : unmanaged
{
    private const int LineBytes = 64;

    private readonly AlignedBuffer _buffer;

    /// <summary>Allocates <paramref name="length"/> zeroed elements; <paramref name="hugePages"/>: offer a large array
    /// 2 MB pages (<see cref="EngineOptions.HugePages"/>).</summary>
    public CacheAlignedArray(int length, bool hugePages = false)
    {
        if (Unsafe.SizeOf<T>() % LineBytes != 0)
        {
            throw new ArgumentException($"{typeof(T).Name} is {Unsafe.SizeOf<T>()} bytes, not a multiple of {LineBytes}.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _buffer = new AlignedBuffer((nuint)length * (nuint)Unsafe.SizeOf<T>(), hugePages);
        Length = length;
    }

    public int Length { get; }

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowIndexOutOfRange();
            }
            return ref Unsafe.AsRef<T>(_buffer.Pointer + ((nint)index * Unsafe.SizeOf<T>()));
        }
    }

    /// <summary>A copy with <paramref name="length"/> elements: these first, then zeroed ones.</summary>
    public CacheAlignedArray<T> Resized(int length)
    {
        var copy = new CacheAlignedArray<T>(length, _buffer.HugePagesAsked);
        long bytes = (long)Math.Min(length, Length) * Unsafe.SizeOf<T>();
        Buffer.MemoryCopy(_buffer.Pointer, copy._buffer.Pointer, bytes, bytes);
        GC.KeepAlive(_buffer);
        return copy;
    }

    private static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException();
}
