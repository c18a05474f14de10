using System.Diagnostics;
using System.Globalization;

namespace Exchange.Server.Serve;

/// <summary>How long each phase of `exchange serve`'s start took, measured from the process start (the time the
/// kernel records for the process, so the runtime's own start-up counts): what an operator waits for.</summary>
internal sealed class StartupTimeline
{
    private readonly Stopwatch _sinceMain = Stopwatch.StartNew();
    private readonly TimeSpan _beforeMain;
    private readonly List<(string Phase, TimeSpan End)> _phases = [];

    public StartupTimeline()
    {
        using var process = Process.GetCurrentProcess();
        // StartTime has the kernel's clock-tick resolution (10 ms on Linux).
        _beforeMain = DateTime.Now - process.StartTime;
        if (_beforeMain < TimeSpan.Zero)
        {
            _beforeMain = TimeSpan.Zero;
        }
    }

    /// <summary>Time from the process start to now.</summary>
    public TimeSpan SinceProcessStart => _beforeMain + _sinceMain.Elapsed;

    /// <summary>Records that <paramref name="phase"/> ended now.</summary>
    public void Mark(string phase) => _phases.Add((phase, _sinceMain.Elapsed));

    /// <summary>"ready 812 ms after process start (runtime 95 ms, configuration 40 ms, ...)".</summary>
    public string Describe()
    {
        var parts = new List<string> { $"runtime {_beforeMain.TotalMilliseconds:F0} ms" };
        var previous = TimeSpan.Zero;
        foreach (var (phase, end) in _phases)
        {
            parts.Add($"{phase} {(end - previous).TotalMilliseconds:F0} ms");
            previous = end;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"ready {SinceProcessStart.TotalMilliseconds:F0} ms after process start ({string.Join(", ", parts)})");
    }
}
