using System.Collections.Concurrent;
using Exchange.Core.Commands;
using Exchange.Server.Pipeline;
using Exchange.Server.Script;

namespace Exchange.Server.Serve;

/// <summary>`exchange serve --stdin`: a session that reads commands as JSON lines (the engine console's format,
/// docs/engine-console.md) from a reader and writes each command's events to a writer once the command is
/// durable. Engine time comes from the sequencer, not from the input. For operators, scripts and the kill -9 test.</summary>
internal sealed class StdinSession : IEventListener
{
    public const long Id = -1;

    private readonly ScriptCommandParser _parser;
    private readonly EventJsonWriter _writer;
    private readonly BlockingCollection<string> _lines = new(boundedCapacity: 1 << 16);
    private long _submitted;
    private long _answered;

    private readonly IReadOnlyDictionary<Core.Domain.Symbol, int> _priceDecimals;

    /// <param name="accounts">Configured accounts (their names keep their ids).</param>
    /// <param name="priceDecimals">Decimals to write each instrument's prices with (from its tick); the engine's own
    /// instrument table belongs to the engine thread, so the session keeps this copy.</param>
    public StdinSession(IEnumerable<(string Name, long Id)> accounts, IReadOnlyDictionary<Core.Domain.Symbol, int> priceDecimals)
    {
        _priceDecimals = priceDecimals;
        var directory = new AccountDirectory();
        directory.Preassign(accounts);
        _parser = new ScriptCommandParser(directory);
        _writer = new EventJsonWriter(directory);
    }

    /// <summary>Set before <see cref="Run"/>.</summary>
    public ExchangeNode? Node { get; set; }

    private Thread? _writerThread;

    /// <summary>Reads to the end of <paramref name="input"/> while a writer thread copies answers to
    /// <paramref name="output"/>; returns once every submitted command has been answered (or on
    /// <paramref name="stop"/>). Call <see cref="Finish"/> afterwards to flush the last answers.</summary>
    public void Run(TextReader input, TextWriter output, CancellationToken stop)
    {
        var node = Node ?? throw new InvalidOperationException("No exchange");
        var writer = new Thread(() =>
        {
            foreach (var line in _lines.GetConsumingEnumerable())
            {
                output.Write(line);
                output.Write('\n');
                if (_lines.Count == 0)
                {
                    output.Flush();
                }
            }
            output.Flush();
        }) { Name = "stdin-session-writer" };
        Volatile.Write(ref _writerThread, writer);
        writer.Start();

        long lineNumber = 0;
        long lineNumberSubmitted = 0;
        while (!stop.IsCancellationRequested && input.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }
            if (stop.IsCancellationRequested)
            {
                break; // shutting down: take no more commands
            }
            if (!_parser.TryParse(line, 0, out Command command, out string error))
            {
                _lines.Add(_writer.FormatError(lineNumber, error));
                continue;
            }
            long correlation = ++lineNumberSubmitted;
            var spin = new SpinWait();
            int taken;
            while ((taken = node.TrySubmit(in command, Id, correlation)) == 0 && node.Fault is null)
            {
                spin.SpinOnce(); // back-pressure: the exchange is busy, wait for room
            }
            // A command without a symbol goes to every shard, and each answers.
            Interlocked.Add(ref _submitted, taken);
        }
        var wait = new SpinWait();
        while (Volatile.Read(ref _answered) < Volatile.Read(ref _submitted) && node.Fault is null && !stop.IsCancellationRequested)
        {
            wait.SpinOnce();
        }
    }

    /// <summary>After the exchange stopped (everything answered is queued): writes the remaining answers and
    /// ends the writer thread. Safe to call whether or not <see cref="Run"/> has returned.</summary>
    public void Finish()
    {
        _lines.CompleteAdding();
        Volatile.Read(ref _writerThread)?.Join();
    }

    public void OnEvent(in OutboundSlot slot)
    {
        if (slot.SessionId != Id)
        {
            return;
        }
        if (slot.Event.Type != 0)
        {
            int decimals = _priceDecimals.TryGetValue(slot.Event.Symbol, out int d) ? d : 2;
            _lines.Add(_writer.Format(slot.Event, decimals));
        }
        if (slot.LastOfCommand)
        {
            Interlocked.Increment(ref _answered);
        }
    }
}
