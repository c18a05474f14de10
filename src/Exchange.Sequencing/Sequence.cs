using System.Runtime.InteropServices;

namespace Exchange.Sequencing;

/// <summary>A sequence number shared between threads, alone on its cache line (padding on both sides) so
/// that writers of neighbouring data never invalidate it (false sharing). Reads are acquire, writes are
/// release (a Store/Store barrier: everything written before <see cref="SetValue"/> is visible to a thread
/// that reads the new value).</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
public sealed class Sequence
{
    /// <summary>The value before anything was claimed or processed.</summary>
    public const long InitialValue = -1;

    [FieldOffset(56)]
    private long _value;

    public Sequence(long initialValue = InitialValue) => _value = initialValue;

    /// <summary>Acquire read.</summary>
    public long Value => Volatile.Read(ref _value);

    /// <summary>Release write.</summary>
    public void SetValue(long value) => Volatile.Write(ref _value, value);

    /// <summary>Atomically sets the value if it equals <paramref name="expected"/> (full fence).</summary>
    public bool CompareAndSet(long expected, long value) => Interlocked.CompareExchange(ref _value, value, expected) == expected;

    /// <summary>Atomically adds and returns the new value (full fence).</summary>
    public long AddAndGet(long increment) => Interlocked.Add(ref _value, increment);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
