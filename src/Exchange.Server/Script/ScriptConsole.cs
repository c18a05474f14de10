using Exchange.Core.Commands;
using Exchange.Core.Matching;

namespace Exchange.Server.Script;

/// <summary>The engine console: feeds JSON-line commands to a <see cref="MatchingEngine"/> and writes its events
/// as JSON lines, in sequence order (format in docs/engine-console.md). Deterministic: the output depends on
/// the input text only (engine time comes from the input, never from the clock). No persistence.
/// Not thread-safe.</summary>
internal sealed class ScriptConsole
{
    private readonly MatchingEngine _engine;
    private readonly ScriptCommandParser _parser;
    private readonly EventJsonWriter _writer;
    private long _lineNumber;
    private long _time;

    public ScriptConsole(MatchingEngine engine)
    {
        _engine = engine;
        var accounts = new AccountDirectory();
        _parser = new ScriptCommandParser(accounts);
        _writer = new EventJsonWriter(accounts);
    }

    /// <summary>Processes every line of <paramref name="input"/>, flushing <paramref name="output"/> after each one
    /// so that an interactive caller sees the answer to each command at once.</summary>
    public void Run(TextReader input, TextWriter output)
    {
        while (input.ReadLine() is { } line)
        {
            ProcessLine(line, output);
            output.Flush();
        }
    }

    /// <summary>Processes the next input line (lines are numbered from 1 for error events). Blank lines and
    /// lines starting with <c>#</c> are skipped.</summary>
    public void ProcessLine(string line, TextWriter output)
    {
        _lineNumber++;
        var text = line.AsSpan().Trim();
        if (text.IsEmpty || text[0] == '#')
        {
            return;
        }
        if (!_parser.TryParse(line, _time, out Command command, out string error))
        {
            WriteLine(output, _writer.FormatError(_lineNumber, error));
            return;
        }
        _time = command.Timestamp;
        foreach (ref readonly var e in _engine.Process(command))
        {
            // The instrument's tick decides how many decimals its prices show.
            int decimals = _engine.TryGetInstrument(e.Symbol, out var instrument) ? instrument.PriceDecimals : 0;
            WriteLine(output, _writer.Format(e, decimals));
        }
    }

    // '\n' rather than WriteLine: the same bytes on every platform.
    private static void WriteLine(TextWriter output, string text)
    {
        output.Write(text);
        output.Write('\n');
    }
}
