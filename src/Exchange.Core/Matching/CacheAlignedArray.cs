using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>A fixed-length array of structs whose size is a multiple of 64 bytes, every element starting on a cache-line
/// boundary: an <see cref="OrderEntry"/> occupies exactly the three lines it groups its fields into, a
/// <see cref="PriceLevel"/> exactly one. A managed array cannot be aligned: its elements start 16 bytes into an object
/// at any multiple of 8, so a 64-byte element would always straddle two lines. The elements live in a pinned byte
/// buffer (it never moves, so the aligned start computed once stays valid). Copying this struct copies the
/// reference, as with an array.</summary>
internal readonly struct CacheAlignedArray<T> where T : unmanaged
{
    private const int LineBytes = 64;

    private readonly byte[] _buffer;
    private readonly int _start;

    /// <summary>Allocates <paramref name="length"/> zeroed elements.</summary>
    public unsafe CacheAlignedArray(int length)
    {
        if (Unsafe.SizeOf<T>() % LineBytes != 0)
        {
            throw new ArgumentException($"{typeof(T).Name} is {Unsafe.SizeOf<T>()} bytes, not a multiple of {LineBytes}.");
        }
        _buffer = GC.AllocateArray<byte>((length * Unsafe.SizeOf<T>()) + LineBytes, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffer));
        _start = (int)((LineBytes - (address & (LineBytes - 1))) & (LineBytes - 1));
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
            return ref Unsafe.As<byte, T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer),
                _start + (index * Unsafe.SizeOf<T>())));
        }
    }

    /// <summary>A copy with <paramref name="length"/> elements: these first, then zeroed ones.</summary>
    public CacheAlignedArray<T> Resized(int length)
    {
        var copy = new CacheAlignedArray<T>(length);
        int bytes = Math.Min(length, Length) * Unsafe.SizeOf<T>();
        _buffer.AsSpan(_start, bytes).CopyTo(copy._buffer.AsSpan(copy._start, bytes));
        return copy;
    }

    private static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException();
}
