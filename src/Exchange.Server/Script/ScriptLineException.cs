namespace Exchange.Server.Script;

/// <summary>A console input line that cannot become an engine command; the message is shown in the
/// line's <c>error</c> event. Thrown and caught inside the parser only.</summary>
internal sealed class ScriptLineException : Exception
{
    public ScriptLineException()
    {
    }

    public ScriptLineException(string message) : base(message)
    {
    }

    public ScriptLineException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
