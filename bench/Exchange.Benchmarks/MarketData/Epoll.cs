using System.Runtime.InteropServices;

namespace Exchange.Benchmarks.MarketData;

/// <summary>Linux epoll (level-triggered, read readiness) for the fan-out clients: one set per receiving thread, so
/// that a wait returns only the sockets with data instead of scanning thousands of them.</summary>
internal sealed class Epoll : IDisposable
{
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const uint EpollIn = 0x001;

    private readonly int _fd;

    public Epoll()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("fanout-clients waits with epoll (Linux)");
        }
        _fd = epoll_create1(0);
        if (_fd < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Watches <paramref name="fd"/> for data; <paramref name="token"/> comes back with its readiness.</summary>
    public void Add(int fd, long token)
    {
        var e = new EpollEvent { Events = EpollIn, Data = token };
        if (epoll_ctl(_fd, EpollCtlAdd, fd, ref e) != 0)
        {
            throw new InvalidOperationException($"epoll_ctl failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Stops watching <paramref name="fd"/> (a closed connection stays readable).</summary>
    public void Remove(int fd)
    {
        var e = default(EpollEvent);
        epoll_ctl(_fd, EpollCtlDel, fd, ref e);
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for readiness; fills <paramref name="events"/> (their tokens in Data) and returns how many.</summary>
    public int Wait(EpollEvent[] events, int timeoutMs)
    {
        int n = epoll_wait(_fd, events, events.Length, timeoutMs);
        return n < 0 ? 0 : n; // EINTR: nothing ready this time
    }

    public void Dispose() => close(_fd);

    /// <summary>struct epoll_event, packed on x86-64 (12 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 12)]
    internal struct EpollEvent
    {
        [FieldOffset(0)]
        public uint Events;

        [FieldOffset(4)]
        public long Data;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int epoll_create1(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int epoll_ctl(int epfd, int op, int fd, ref EpollEvent ev);

    [DllImport("libc", SetLastError = true)]
    private static extern int epoll_wait(int epfd, [Out] EpollEvent[] events, int maxevents, int timeout);

    [DllImport("libc")]
    private static extern int close(int fd);
}
