namespace Exchange.Core.Commands;

/// <summary>What a <see cref="Command"/> asks the engine to do.</summary>
public enum CommandType : byte
{
    /// <summary>Declare an instrument: Symbol, TickSize, LotSize, MinQuantity, MaxQuantity, Price (reference, optional), CollarBasisPoints.</summary>
    AddInstrument = 1,
    /// <summary>Enter an order: Account, ClientId, Symbol, Side, OrderType, TimeInForce, Price, StopPrice, Quantity,
    /// DisplayQuantity, ExpireTime, SelfTradePrevention, Flags; OrigClientId names an OCO partner (optional).</summary>
    NewOrder = 2,
    /// <summary>Cancel the account's live order OrigClientId.</summary>
    Cancel = 3,
    /// <summary>Replace the account's live order OrigClientId: new ClientId, Price, StopPrice, Quantity (new total).</summary>
    Replace = 4,
    /// <summary>Cancel all live orders of Account (if non-zero) and/or of Symbol (if non-empty); at least one must be given.</summary>
    MassCancel = 5,
    /// <summary>Set the trading status of Symbol to Status.</summary>
    SetStatus = 6,
    /// <summary>Expire every DAY order, of Symbol if given, else of all instruments.</summary>
    EndOfDay = 7,
    /// <summary>Only advance engine time (expiring good-till-date orders).</summary>
    AdvanceTime = 8,
}
