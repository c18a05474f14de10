using System.Runtime.InteropServices;

namespace Exchange.Journal;

/// <summary>A sequence written by one thread and read by others, alone on its cache line(s) so that writes to
/// neighbouring fields do not make readers' cache lines bounce (false sharing; the Disruptor pads the same way).
/// Use <see cref="Volatile"/> reads and writes on <see cref="Value"/>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedSequence
{
    [FieldOffset(64)]
    public long Value;
}
