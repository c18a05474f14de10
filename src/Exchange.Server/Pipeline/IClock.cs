namespace Exchange.Server.Pipeline;

/// <summary>The time source of the sequencer (the engine itself has no clock).</summary>
public interface IClock
{
    /// <summary>Nanoseconds since the Unix epoch.</summary>
    long NowNanoseconds();
}
