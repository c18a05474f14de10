namespace Exchange.Core.Domain;

/// <summary>How long an order may stay on the book.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till cancelled.</summary>
    Gtc = 1,
    /// <summary>Immediate or cancel: whatever does not trade at once is cancelled.</summary>
    Ioc = 2,
    /// <summary>Fill or kill: fills completely at once or is cancelled without any trade.</summary>
    Fok = 3,
    /// <summary>Removed by the end-of-day command.</summary>
    Day = 4,
    /// <summary>Good till date: expires when a command arrives with engine time at or past its expire time.</summary>
    Gtd = 5,
}
