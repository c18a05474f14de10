namespace Exchange.Core.Domain;

/// <summary>Trading state of one instrument.</summary>
public enum TradingStatus : byte
{
    /// <summary>Continuous trading.</summary>
    Open = 1,
    /// <summary>New orders and replaces are rejected; cancels are accepted.</summary>
    Halted = 2,
    /// <summary>As halted, outside trading hours.</summary>
    Closed = 3,
    /// <summary>A trading pause set by a circuit breaker (price band limit state, Level 2 move): as halted, and
    /// continuous trading resumes by itself at the instrument's resume time (docs/risk.md).</summary>
    Paused = 4,
}
