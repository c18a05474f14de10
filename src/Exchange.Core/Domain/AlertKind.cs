namespace Exchange.Core.Domain;

/// <summary>What an <see cref="Events.EventType.Alert"/> reports, or (on <see cref="Events.EventType.StatusChanged"/>)
/// what caused the change. Rules: docs/risk.md.</summary>
public enum AlertKind : byte
{
    None = 0,
    /// <summary>Status set by an operator command.</summary>
    Operator = 1,
    /// <summary>The book reached a price band edge (Price = lower band, StopPrice = upper band).</summary>
    LimitStateEntered = 2,
    /// <summary>The book left the band edge before the pause.</summary>
    LimitStateExited = 3,
    /// <summary>Limit state held 15 s: 5-minute trading pause (status Paused).</summary>
    LimitStatePause = 4,
    /// <summary>Level 1: a move of 5–10% in 5 minutes. Gateways should tighten the instrument's rate limits.</summary>
    MoveLevel1 = 5,
    /// <summary>Level 2: a move above 10% in 5 minutes: 5-minute pause, untriggered stop (market) orders cancelled.</summary>
    MoveLevel2 = 6,
    /// <summary>Level 3: a move above 20% in 5 minutes: halt, every order cancelled, resume by operator only.</summary>
    MoveLevel3 = 7,
    /// <summary>Volume of the last minute above the configured multiple of normal.</summary>
    VolumeSpike = 8,
    /// <summary>One side holds at least the configured share of the top of the book.</summary>
    Imbalance = 9,
    /// <summary>A pause ended: continuous trading resumes.</summary>
    PauseEnded = 10,
    /// <summary>An account's kill switch was set (Quantity = orders cancelled) or released.</summary>
    KillSwitch = 11,
}
