using System.Globalization;
using System.Text.Json;

namespace Exchange.Server.LoadTest;

/// <summary>Writes a <see cref="LoadTestResult"/> as the final table or as JSON.</summary>
internal static class LoadTestReport
{
    public static void WriteTable(TextWriter o, LoadTestResult r)
    {
        var c = CultureInfo.InvariantCulture;
        string mode = r.Mode == "open-loop" ? string.Create(c, $"open loop at {r.TargetRate:N0} orders/s") : $"closed loop, window {r.Window} per connection";
        string warmup = r.WarmupSeconds > 0 ? string.Create(c, $" after a {r.WarmupSeconds:F1} s warm-up (orders counted, latencies not)") : "";
        o.WriteLine(string.Create(c, $"exchange loadtest: {r.Protocol}, {mode}, {r.Connections} connections, {r.DurationSeconds:F1} s{warmup}, seed {r.Seed}"));
        o.WriteLine();
        o.WriteLine("                        orders      orders/s");
        o.WriteLine(string.Create(c, $"  sent            {r.Sent,12:N0}  {r.SentPerSecond,12:N0}"));
        o.WriteLine(string.Create(c, $"  acknowledged    {r.Acknowledged,12:N0}  {r.AcknowledgedPerSecond,12:N0}"));
        o.WriteLine(string.Create(c, $"    accepted      {r.Accepted,12:N0}  {r.AcceptedPerSecond,12:N0}"));
        o.WriteLine(string.Create(c, $"    rejected      {r.Rejected,12:N0}"));
        o.WriteLine(string.Create(c, $"  unacknowledged  {r.Unacknowledged,12:N0}"));
        o.WriteLine();
        o.WriteLine(r.Mode == "open-loop"
            ? "  round trip (µs, from the intended send time: corrected for coordinated omission)"
            : "  round trip (µs, from the send time)");
        o.WriteLine("       p50       p90       p99     p99.9    p99.99       max      mean");
        o.WriteLine(string.Create(c, $"  {r.P50Micros,8:F1}  {r.P90Micros,8:F1}  {r.P99Micros,8:F1}  {r.P999Micros,8:F1}  {r.P9999Micros,8:F1}  {r.MaxMicros,8:F1}  {r.MeanMicros,8:F1}"));
        o.WriteLine();
        o.WriteLine(r.RejectsByReason.Count == 0 ? "  rejects by reason: none" : "  rejects by reason:");
        foreach (var (reason, n) in r.RejectsByReason)
        {
            o.WriteLine(string.Create(c, $"    {reason,-32} {n,12:N0}"));
        }
        o.WriteLine(r.Errors.Count == 0 ? "  errors: none" : "  errors:");
        foreach (var e in r.Errors)
        {
            o.WriteLine($"    {e}");
        }
    }

    public static void WriteJson(TextWriter o, LoadTestResult r) =>
        o.WriteLine(JsonSerializer.Serialize(r, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true }));
}
