using System.Diagnostics;

namespace Exchange.Server.Bench.Durable;

/// <summary>The disk's own fdatasync latency, measured without the exchange: 4 KiB written at consecutive offsets
/// of a pre-allocated file, each followed by one fdatasync, timed together. Either into space only allocated
/// (<c>fallocate</c>, as journal segments are: each fdatasync then also commits the extent conversion) or into
/// space already written once (a plain data flush).</summary>
internal static class FsyncProbe
{
    private const int WriteBytes = 4096;

    public static DurableFigures Run(string directory, int samples, bool prewritten, bool dataOnly = true)
    {
        string path = Path.Combine(directory, prewritten ? "fsync-probe-written" : "fsync-probe-allocated");
        long length = (long)samples * WriteBytes;
        var latency = DurableFigures.NewHistogram();
        var block = new byte[WriteBytes];
        block.AsSpan().Fill(0x5A);
        var watch = Stopwatch.StartNew();
        using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, FileOptions.None, preallocationSize: length))
        {
            RandomAccess.SetLength(handle, length);
            if (prewritten)
            {
                var zeros = new byte[1 << 20];
                for (long offset = 0; offset < length; offset += zeros.Length)
                {
                    RandomAccess.Write(handle, zeros.AsSpan(0, (int)Math.Min(zeros.Length, length - offset)), offset);
                }
            }
            RandomAccess.FlushToDisk(handle);
            watch.Restart();
            for (int i = 0; i < samples; i++)
            {
                long before = Stopwatch.GetTimestamp();
                RandomAccess.Write(handle, block, (long)i * WriteBytes);
                if (dataOnly)
                {
                    Journal.Storage.DataSync.Flush(handle);
                }
                else
                {
                    RandomAccess.FlushToDisk(handle);
                }
                DurableFigures.RecordInterval(latency, before, Stopwatch.GetTimestamp());
            }
        }
        double seconds = watch.Elapsed.TotalSeconds;
        File.Delete(path);
        string name = (dataOnly ? "disk fdatasync" : "disk fsync") + (prewritten ? ", written" : ", allocated");
        return DurableFigures.From(name, samples, seconds, samples * (double)WriteBytes / 1e6, latency,
            $"latency = 4 KiB write + {(dataOnly ? "fdatasync" : "fsync")}, raw probe" + (prewritten ? " (file written once before)" : " (fallocated file, like a journal segment)"));
    }
}
