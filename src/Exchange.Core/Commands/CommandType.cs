namespace Exchange.Core.Commands;

/// <summary>What a <see cref="Command"/> asks the engine to do.</summary>
public enum CommandType : byte
{
    /// <summary>Declare an instrument: Symbol, TickSize, LotSize, MinQuantity, MaxQuantity, Price (reference, optional), CollarBasisPoints,
    /// Currency (settlement; empty = <see cref="Domain.Currency.Default"/>).</summary>
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
    /// <summary>Set the trading status of Symbol to Status; with an empty Symbol, of every instrument (market-wide).</summary>
    SetStatus = 6,
    /// <summary>Expire every DAY order, of Symbol if given, else of all instruments.</summary>
    EndOfDay = 7,
    /// <summary>Only advance engine time (expiring good-till-date orders).</summary>
    AdvanceTime = 8,
    /// <summary>Operator: turn on accounts, pre-trade risk and circuit breakers (one way; only while no order is live).
    /// Journaled like any command, so replay and standbys follow. docs/risk.md.</summary>
    EnableRisk = 9,
    /// <summary>Operator: credit Account with Quantity: cash in Currency (fixed-point, as prices) if Symbol is empty,
    /// else a position of Quantity units of Symbol.</summary>
    Deposit = 10,
    /// <summary>Operator: debit Account, as <see cref="Deposit"/>; only what is available (not held by open orders).</summary>
    Withdraw = 11,
    /// <summary>Operator: set one <see cref="Domain.RiskLimit"/> (Limit) to Quantity, of Account or of Symbol.</summary>
    SetLimit = 12,
    /// <summary>Operator: Status Halted sets Account's kill switch (blocks new orders, cancels all its live orders);
    /// Status Open releases it.</summary>
    KillSwitch = 13,
}
