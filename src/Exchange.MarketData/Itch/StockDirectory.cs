using System.Buffers.Binary;

namespace Exchange.MarketData.Itch;

/// <summary>R, 39 bytes: header; stock (8) at 11; market category (1) 19; financial status (1) 20;
/// round lot size (u32) 21; round lots only (1) 25; issue classification (1) 26; issue sub-type (2 ASCII) 27;
/// authenticity (1) 29; short sale threshold (1) 30; IPO flag (1) 31; LULD reference price tier (1) 32;
/// ETP flag (1) 33; ETP leverage factor (u32) 34; inverse indicator (1) 38.</summary>
public readonly record struct StockDirectory(
    ItchHeader Header,
    ItchStock Stock,
    byte MarketCategory,
    byte FinancialStatusIndicator,
    uint RoundLotSize,
    byte RoundLotsOnly,
    byte IssueClassification,
    ushort IssueSubType,
    byte Authenticity,
    byte ShortSaleThresholdIndicator,
    byte IpoFlag,
    byte LuldReferencePriceTier,
    byte EtpFlag,
    uint EtpLeverageFactor,
    byte InverseIndicator)
{
    public const int Size = 39;

    public void Write(Span<byte> destination)
    {
        Header.Write(destination, ItchMessageType.StockDirectory);
        Stock.Write(destination[11..]);
        destination[19] = MarketCategory;
        destination[20] = FinancialStatusIndicator;
        BinaryPrimitives.WriteUInt32BigEndian(destination[21..], RoundLotSize);
        destination[25] = RoundLotsOnly;
        destination[26] = IssueClassification;
        BinaryPrimitives.WriteUInt16BigEndian(destination[27..], IssueSubType);
        destination[29] = Authenticity;
        destination[30] = ShortSaleThresholdIndicator;
        destination[31] = IpoFlag;
        destination[32] = LuldReferencePriceTier;
        destination[33] = EtpFlag;
        BinaryPrimitives.WriteUInt32BigEndian(destination[34..], EtpLeverageFactor);
        destination[38] = InverseIndicator;
    }

    public static bool TryRead(ReadOnlySpan<byte> source, out StockDirectory message)
    {
        message = default;
        if (!ItchHeader.Fits(source, ItchMessageType.StockDirectory, Size))
        {
            return false;
        }
        message = new StockDirectory(
            ItchHeader.Read(source),
            ItchStock.Read(source[11..]),
            source[19],
            source[20],
            BinaryPrimitives.ReadUInt32BigEndian(source[21..]),
            source[25],
            source[26],
            BinaryPrimitives.ReadUInt16BigEndian(source[27..]),
            source[29],
            source[30],
            source[31],
            source[32],
            source[33],
            BinaryPrimitives.ReadUInt32BigEndian(source[34..]),
            source[38]);
        return true;
    }
}
