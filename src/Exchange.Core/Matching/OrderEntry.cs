using System.Runtime.InteropServices;
using Exchange.Core.Domain;

namespace Exchange.Core.Matching;

/// <summary>One live order in the <see cref="OrderPool"/>. Index 0 of every pool is the "none" slot, so 0 in
/// a link field means "no order". 192 bytes in three cache lines (<see cref="CacheAlignedArray{T}"/> aligns them), grouped
/// by who reads them: line 0 what matching and the level queues touch (a maker, a queue neighbour), lines 0 and 1
/// what a replace or cancel reads (with the client id the index confirms a lookup against, and the event fields),
/// line 2 the account and instrument lists, expiry and risk (an order entering or leaving, GTD, risk on).</summary>
[StructLayout(LayoutKind.Sequential, Size = 192)]
internal struct OrderEntry
{
    // Line 0 (bytes 0-63).
    public long Price;
    /// <summary>Visible open quantity. For an incoming order during matching: all of its open quantity.</summary>
    public long Visible;
    /// <summary>Hidden (iceberg reserve) open quantity.</summary>
    public long Hidden;
    public long Filled;
    public long Account;
    /// <summary>Price level (book or stop book) the order is queued at; 0 while not queued.</summary>
    public int Level;
    /// <summary>Neighbours in the level's FIFO queue.</summary>
    public int Prev;
    public int Next;
    public int Instrument;
    public Side Side;
    public OrderType Type;
    public TimeInForce TimeInForce;
    public SelfTradePrevention Stp;
    public OrderFlags Flags;
    /// <summary>True while the order waits untriggered on a stop book.</summary>
    public bool OnStopBook;

    // Line 1 (bytes 64-127).
    public ClientOrderId ClientId;
    public long OrderId;
    public long StopPrice;
    /// <summary>Total order quantity as entered or last replaced.</summary>
    public long Quantity;
    /// <summary>Iceberg display instruction; 0 = show all.</summary>
    public long Display;

    // Line 2 (bytes 128-191).
    public long ExpireTime;
    /// <summary>Risk on, buy orders: the highest price the order's cash hold covers (its limit price; for market and
    /// stop orders the protection price, docs/risk.md). Matching never lets the order trade above it.</summary>
    public long HoldPrice;
    /// <summary>Risk on: what the order holds now (cash units for a buy, quantity for a sell); derived from the other
    /// fields (docs/risk.md), kept to avoid recomputing it.</summary>
    public long Held;
    /// <summary>The order-entry session the order was entered on (<see cref="Commands.Command.EntrySession"/>; 0 = none):
    /// read only by a session's mass cancel, the digest and snapshots.</summary>
    public long EntrySession;
    /// <summary>Pool index of the OCO partner; 0 = none.</summary>
    public int OcoPartner;
    /// <summary>Neighbours in the account's and the instrument's lists (acceptance order = ascending order id).</summary>
    public int AccountPrev;
    public int AccountNext;
    public int InstrumentPrev;
    public int InstrumentNext;
    /// <summary>Position in the GTD expiry heap; -1 = not in it.</summary>
    public int ExpiryHeapIndex;
    /// <summary>Index of the account's <see cref="AccountOrders"/> record.</summary>
    public int AccountSlot;
    /// <summary>Risk on: the account's fees when the order was entered (it pays these, and holds for the larger).</summary>
    public short MakerFeeBps;
    public short TakerFeeBps;

    public readonly long Leaves => Visible + Hidden;
}
