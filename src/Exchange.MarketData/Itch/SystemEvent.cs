namespace Exchange.MarketData.Itch;

/// <summary>S, 12 bytes: header, event code (1) at 11 — O start of messages, S start of system hours,
/// Q start of market hours, M end of market hours, E end of system hours, C end of messages.</summary>
public readonly record struct SystemEvent(ItchHeader Header, byte EventCode)
{
    public const int Size = 12;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.SystemEvent);
        destination[11] = EventCode;
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out SystemEvent message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.SystemEvent, Size))
        {
            return false;
        }
        message = new SystemEvent(ItchHeader.Read(source), source[11]);
        return true;
    }
}
