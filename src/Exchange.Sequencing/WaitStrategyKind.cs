namespace Exchange.Sequencing;

/// <summary>Configuration names of the wait strategies.</summary>
public enum WaitStrategyKind
{
    Blocking,
    Yielding,
    BusySpin,
}
