namespace Exchange.Server.Pipeline;

/// <summary>The inbound ring is full: the exchange is applying back-pressure. The command was not accepted
/// and changed nothing; the sender may retry later.</summary>
public sealed class ExchangeBusyException : Exception
{
    public ExchangeBusyException()
        : base("The exchange is busy (inbound queue full); nothing was changed. Retry later.")
    {
    }

    public ExchangeBusyException(string message)
        : base(message)
    {
    }

    public ExchangeBusyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
