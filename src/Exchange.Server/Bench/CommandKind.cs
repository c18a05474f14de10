namespace Exchange.Server.Bench;

/// <summary>What a generated command is meant to be, for reporting a workload's actual mix.</summary>
internal enum CommandKind
{
    /// <summary>Instrument declaration (setup only).</summary>
    Instrument = 0,
    /// <summary>Resting limit order placed to pre-load a deep book (setup only).</summary>
    Preload = 1,
    /// <summary>New good-till-cancelled limit order.</summary>
    Gtc = 2,
    /// <summary>New immediate-or-cancel limit order.</summary>
    Ioc = 3,
    /// <summary>New market order (IOC).</summary>
    Market = 4,
    /// <summary>Cancel of a live order.</summary>
    Cancel = 5,
    /// <summary>Replace of a live order that moves its price.</summary>
    Replace = 6,
}
