using System.Buffers.Text;
using Exchange.Core.Domain;

namespace Exchange.Server.LoadTest;

/// <summary>Client order ids of a run: <c>L</c>, 8 hex digits unique to the run (so orders left resting by an
/// earlier run never collide), <c>-</c>, then the order's number in decimal. Numbers are global over the run's
/// connections: number = n × connections + connection index. Allocation-free both ways.</summary>
internal sealed class LoadOrderIds
{
    private const int PrefixLength = 10;
    private readonly byte[] _prefix = new byte[PrefixLength];

    public LoadOrderIds(uint run)
    {
        _prefix[0] = (byte)'L';
        Utf8Formatter.TryFormat(run, _prefix.AsSpan(1, 8), out _, new System.Buffers.StandardFormat('x', 8));
        _prefix[9] = (byte)'-';
    }

    public ClientOrderId Format(long number)
    {
        Span<byte> bytes = stackalloc byte[ClientOrderId.MaxLength];
        bytes.Clear();
        _prefix.CopyTo(bytes);
        Utf8Formatter.TryFormat(number, bytes[PrefixLength..], out _);
        return ClientOrderId.ReadFrom(bytes);
    }

    /// <summary>The number of an id of this run; false for anything else.</summary>
    public bool TryParse(ClientOrderId id, out long number)
    {
        Span<byte> bytes = stackalloc byte[ClientOrderId.MaxLength];
        id.WriteTo(bytes);
        return TryParse(bytes[..ClientOrderIdLength(bytes)], out number);
    }

    /// <summary>The same for the raw ASCII text of an id (a FIX ClOrdID).</summary>
    public bool TryParse(ReadOnlySpan<byte> text, out long number)
    {
        number = 0;
        return text.Length > PrefixLength && text[..PrefixLength].SequenceEqual(_prefix)
            && Utf8Parser.TryParse(text[PrefixLength..], out number, out int consumed) && consumed == text.Length - PrefixLength;
    }

    private static int ClientOrderIdLength(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes.Length : end;
    }
}
