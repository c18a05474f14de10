namespace Exchange.Core.Tests.Model;

/// <summary>Where a <see cref="ReferenceOrder"/> is in its life.</summary>
internal enum ReferenceOrderState
{
    /// <summary>Being matched as the incoming (taker) order of the current command.</summary>
    Incoming,
    /// <summary>On the visible book.</summary>
    Resting,
    /// <summary>On the stop book, untriggered.</summary>
    Stop,
    /// <summary>Triggered and waiting in the trigger queue to be worked as an incoming order.</summary>
    Queued,
    /// <summary>Filled, cancelled or expired.</summary>
    Done,
}
