using System.Runtime.InteropServices;
using Exchange.Core.Domain;

namespace Exchange.Core.Commands;

/// <summary>One input to the engine. A plain struct with every field inline so it can be copied into a
/// pre-allocated ring slot or journal record; which fields matter depends on <see cref="Type"/>
/// (see <see cref="CommandType"/>). Prices are fixed-point (<see cref="Price"/>).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct Command
{
    public CommandType Type;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public SelfTradePrevention SelfTradePrevention;
    public OrderFlags Flags;
    public TradingStatus Status;

    /// <summary>SetLimit: which limit Quantity sets.</summary>
    public RiskLimit Limit;

    /// <summary>Engine time in nanoseconds since the Unix epoch, stamped by the sequencer. The engine's only clock.</summary>
    public long Timestamp;

    /// <summary>Owning account; positive for orders, 0 where a command is not an account's (operator).</summary>
    public long Account;

    /// <summary>The order-entry session a NewOrder came in on: a stable id the gateway derives from the session's
    /// identity (FIX comp ids, binary account and stream), so it survives reconnects and restarts; 0 = none (REST,
    /// operator). The order keeps it. MassCancel: when non-zero, only the account's orders entered on that session
    /// (cancel-on-disconnect).</summary>
    public long EntrySession;

    public Symbol Symbol;

    /// <summary>The client's id for the order being entered (NewOrder) or for its new version (Replace).</summary>
    public ClientOrderId ClientId;

    /// <summary>The order a Cancel or Replace acts on; for NewOrder, the OCO partner (empty for none).</summary>
    public ClientOrderId OrigClientId;

    /// <summary>Limit price (Limit, StopLimit); for AddInstrument the reference price (0 = none).</summary>
    public long Price;

    /// <summary>Trigger price of Stop and StopLimit orders.</summary>
    public long StopPrice;

    /// <summary>Order quantity; for Replace the new total quantity (including what has already been filled).</summary>
    public long Quantity;

    /// <summary>Iceberg display quantity; 0 = show it all.</summary>
    public long DisplayQuantity;

    /// <summary>Good-till-date expiry, engine time in nanoseconds.</summary>
    public long ExpireTime;

    // AddInstrument only.
    public long TickSize;
    public long LotSize;
    public long MinQuantity;
    public long MaxQuantity;
    public int CollarBasisPoints;

    /// <summary>AddInstrument: settlement currency (empty = <see cref="Domain.Currency.Default"/>); Deposit/Withdraw: the cash currency.</summary>
    public Currency Currency;
}
