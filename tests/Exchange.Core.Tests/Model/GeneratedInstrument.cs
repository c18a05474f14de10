using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Model;

/// <summary>An instrument the <see cref="RandomCommandGenerator"/> trades, with the drifting mid price (in ticks) it quotes around.</summary>
internal sealed class GeneratedInstrument(string symbol, long tickSize, long lotSize, long minQuantity, long maxQuantity,
    long referencePrice, int collarBasisPoints, long baseMidTicks)
{
    public Symbol Symbol { get; } = Symbol.Parse(symbol);
    public long TickSize { get; } = tickSize;
    public long LotSize { get; } = lotSize;
    public long MinQuantity { get; } = minQuantity;
    public long MaxQuantity { get; } = maxQuantity;
    public long ReferencePrice { get; } = referencePrice;
    public int CollarBasisPoints { get; } = collarBasisPoints;
    public long BaseMidTicks { get; } = baseMidTicks;
    public long MidTicks { get; set; } = baseMidTicks;

    /// <summary>When a halt or close ends: the command count at which the generator sets it open again (0 = open).</summary>
    public int ReopenAt { get; set; }

    public long PriceOfTicks(long ticks) => Math.Max(1, ticks) * TickSize;
}
