using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Exchange.Core.Matching;

/// <summary>A fixed-length array of <see cref="OrderEntry"/> whose every entry starts on a 64-byte cache-line boundary,
/// so an entry's three lines are exactly the ones <see cref="OrderEntry"/> groups its fields into. A managed
/// <c>OrderEntry[]</c> cannot be aligned: its elements start 16 bytes into an object at any multiple of 8, and each
/// 192-byte entry would then touch four lines. The entries live in a pinned byte buffer (it never moves, so the
/// aligned start computed once stays valid). Copying this struct copies the reference, as with an array.</summary>
internal readonly struct OrderEntryArray
{
    private const int LineBytes = 64;

    private readonly byte[] _buffer;
    private readonly int _start;

    /// <summary>Allocates <paramref name="length"/> zeroed entries.</summary>
    public unsafe OrderEntryArray(int length)
    {
        _buffer = GC.AllocateArray<byte>((length * Unsafe.SizeOf<OrderEntry>()) + LineBytes, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffer));
        _start = (int)((LineBytes - (address & (LineBytes - 1))) & (LineBytes - 1));
        Length = length;
    }

    public int Length { get; }

    public ref OrderEntry this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Length)
            {
                ThrowIndexOutOfRange();
            }
            return ref Unsafe.As<byte, OrderEntry>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer),
                _start + (index * Unsafe.SizeOf<OrderEntry>())));
        }
    }

    /// <summary>A copy with <paramref name="length"/> entries: these first, then zeroed ones.</summary>
    public OrderEntryArray Resized(int length)
    {
        var copy = new OrderEntryArray(length);
        int bytes = Math.Min(length, Length) * Unsafe.SizeOf<OrderEntry>();
        _buffer.AsSpan(_start, bytes).CopyTo(copy._buffer.AsSpan(copy._start, bytes));
        return copy;
    }

    private static void ThrowIndexOutOfRange() => throw new IndexOutOfRangeException();
}
