namespace Exchange.Fix.Codec;

/// <summary>Result of <see cref="FixMessageReader.Read(in System.Buffers.ReadOnlySequence{byte})"/>: for
/// <see cref="FixReadStatus.Complete"/> the message is bytes [0, <see cref="Length"/>); for
/// <see cref="FixReadStatus.Garbled"/> <see cref="Length"/> (always ≥ 1) bytes are to be skipped; for
/// <see cref="FixReadStatus.NeedMoreData"/> nothing may be consumed.</summary>
public readonly record struct FixReadResult(FixReadStatus Status, int Length, FixGarbleReason GarbleReason)
{
    internal static FixReadResult NeedMore => new(FixReadStatus.NeedMoreData, 0, FixGarbleReason.None);

    internal static FixReadResult Complete(int length) => new(FixReadStatus.Complete, length, FixGarbleReason.None);

    internal static FixReadResult Garbled(int skip, FixGarbleReason reason) => new(FixReadStatus.Garbled, skip, reason);
}
