using System.Diagnostics;

namespace Exchange.Benchmarks;

/// <summary>Starts this benchmark program again as a child process (the harnesses' other side: clients, echo
/// servers) with a sub-command and its arguments.</summary>
internal static class BenchmarkChildProcess
{
    /// <summary>The start info for <c>Exchange.Benchmarks <paramref name="arguments"/></c>; the caller adds redirections.</summary>
    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchmarkChildProcess).Assembly.Location); // run through the host: name the assembly
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }
}
