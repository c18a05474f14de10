namespace Exchange.Sequencing;

/// <summary>Thrown out of a barrier wait when the consumer is being halted.</summary>
public sealed class AlertException : Exception
{
    public AlertException()
        : base("The sequence barrier was alerted.")
    {
    }

    public AlertException(string message)
        : base(message)
    {
    }

    public AlertException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
