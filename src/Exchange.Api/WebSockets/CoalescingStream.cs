using System.Buffers;

namespace Exchange.Api.WebSockets;

/// <summary>The upgraded connection's stream under a server <see cref="System.Net.WebSockets.WebSocket"/>: while held,
/// the frames the WebSocket writes are appended to a pooled buffer; the first write after <see cref="Release"/> goes out
/// together with them in one write (one send system call for a batch of messages instead of one per message).</summary>
/// <remarks>Every write comes from the WebSocket, which serializes its sends (frames, pings, pongs, close), so writes
/// never overlap and the buffer needs no lock; <see cref="Hold"/>/<see cref="Release"/> are called by the one sender of
/// the connection around its own sends. A ping written while held is simply sent with the batch.</remarks>
internal sealed class CoalescingStream(Stream inner) : Stream
{
    private byte[]? _buffer;
    private int _length;
    private volatile bool _holding;

    /// <summary>Writes from now on are buffered.</summary>
    public void Hold() => _holding = true;

    /// <summary>The next write sends everything buffered, then itself, in one write.</summary>
    public void Release() => _holding = false;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_holding)
        {
            Append(buffer.Span);
            return default;
        }
        if (_length == 0)
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }
        Append(buffer.Span);
        return WriteBufferedAsync(cancellationToken);
    }

    private async ValueTask WriteBufferedAsync(CancellationToken cancellationToken)
    {
        var data = _buffer!;
        int length = _length;
        _buffer = null;
        _length = 0;
        // Kestrel copies the bytes into its output pipe before the write completes: the buffer can go back then.
        await inner.WriteAsync(data.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        ArrayPool<byte>.Shared.Return(data);
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_buffer is null || _buffer.Length - _length < data.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(4096, 2 * (_length + data.Length)));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
            }
            _buffer = bigger;
        }
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    /// <summary>The WebSocket flushes after each frame: while held, the batch's last write flushes instead.</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _holding || _length > 0 ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
