using System.Diagnostics;
using System.Net.Sockets;
using Exchange.Binary.Framing;
using Exchange.Binary.Messages;
using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Server.Gateways.Binary;

internal sealed partial class BinaryConnection
{
    /// <summary>Reads the connection asynchronously until it ends, or until it has logged in and the acceptor gives it
    /// a reading thread of its own (true: go on with <see cref="ReadLoop"/>, from the bytes not yet consumed; one
    /// came free since the connection was accepted).</summary>
    private async Task<bool> ReadLoopAsync()
    {
        while (!IsClosed)
        {
            Compact();
            int n = await _socket.ReceiveAsync(_receive.AsMemory(_receiveEnd), SocketFlags.None).ConfigureAwait(false);
            if (n == 0 || !Consume(n))
            {
                return false;
            }
            if (_stream is not null && _acceptor.TryTakeReaderThread())
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Reads the connection on its own thread, waiting in the kernel: a packet wakes this one thread, instead of
    /// the socket engine's thread and then a thread-pool worker — two wake-ups per read, which under load cost this
    /// 2-core machine more CPU than handling the packets (docs/loadtest.md). Blocking reads until the login; the
    /// socket is non-blocking after it (the responders' sends must never block), so then a <c>poll</c> waits.
    /// A connection that never logs in holds its thread until the idle timeout closes it.</summary>
    private void ReadLoop()
    {
        while (!IsClosed)
        {
            Compact();
            int n = _socket.Receive(_receive, _receiveEnd, _receive.Length - _receiveEnd, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                // The timeout only lets a close by us be noticed (a shut-down socket also polls readable).
                _socket.Poll(100_000, SelectMode.SelectRead);
                continue;
            }
            if (error != SocketError.Success || n == 0 || !Consume(n))
            {
                return;
            }
        }
    }

    /// <summary>Moves the unconsumed bytes to the front of the receive buffer.</summary>
    private void Compact()
    {
        if (_receiveStart > 0)
        {
            _receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart).CopyTo(_receive);
            _receiveEnd -= _receiveStart;
            _receiveStart = 0;
        }
    }

    /// <summary>Takes <paramref name="received"/> new bytes and handles every whole packet; false ends the connection.</summary>
    private bool Consume(int received)
    {
        _receiveEnd += received;
        Volatile.Write(ref _lastReceived, Stopwatch.GetTimestamp());
        while (true)
        {
            var status = Packet.TryRead(_receive.AsSpan(_receiveStart, _receiveEnd - _receiveStart), out var type, out var payload, out int consumed);
            if (status == PacketStatus.NeedMoreData)
            {
                return true;
            }
            if (status == PacketStatus.Invalid || !Handle(type, payload))
            {
                return false;
            }
            _receiveStart += consumed;
        }
    }

    /// <summary>Handles one client packet; false ends the connection.</summary>
    private bool Handle(PacketType type, ReadOnlySpan<byte> payload)
    {
        if (_stream is null)
        {
            // SoupBinTCP: the first packet must be a login; anything else ends the connection.
            return type == PacketType.LoginRequest && Login(payload);
        }
        switch (type)
        {
            case PacketType.UnsequencedData:
                Submit(_stream, payload);
                return true;
            case PacketType.ClientHeartbeat:
                return true;
            default:
                // Logout, a second login, or an unknown packet type: end the connection.
                return false;
        }
    }

    private bool Login(ReadOnlySpan<byte> payload)
    {
        Span<byte> answer = stackalloc byte[Packet.HeaderLength + LoginAccepted.Length];
        if (!LoginRequest.TryRead(payload, out var request))
        {
            return false;
        }
        var (stream, rejected, accepted) = _acceptor.Login(this, request);
        if (stream is null)
        {
            Packet.WriteHeader(answer, PacketType.LoginRejected, 1);
            answer[Packet.HeaderLength] = (byte)rejected;
            SendDirect(answer[..(Packet.HeaderLength + 1)]);
            return false;
        }
        // The accept goes out before any sequenced packet: the writer starts only after it.
        Packet.WriteHeader(answer, PacketType.LoginAccepted, LoginAccepted.Length);
        accepted.WriteTo(answer[Packet.HeaderLength..]);
        _stream = stream;
        _flags = request.Flags;
        if (!SendDirect(answer))
        {
            return false;
        }
        // From here on, writes never block a thread: responder threads write directly when the socket takes it at
        // once (SendNow), the writer loop asynchronously otherwise.
        _socket.Blocking = false;
        Volatile.Write(ref _live, 1);
        _writer = Task.Run(WriteLoopAsync);
        Wake();
        return true;
    }

    private void Submit(BinaryStream stream, ReadOnlySpan<byte> m)
    {
        var command = default(Command);
        var type = m.IsEmpty ? default : (ClientMessageType)m[0];
        bool valid;
        switch (type)
        {
            case ClientMessageType.EnterOrder:
                valid = EnterOrder.TryRead(m, out var o);
                command = new Command
                {
                    Type = CommandType.NewOrder, ClientId = o.ClientOrderId, Symbol = o.Symbol, Side = o.Side, OrderType = o.OrderType,
                    TimeInForce = o.TimeInForce, SelfTradePrevention = o.SelfTradePrevention, Flags = o.Flags, Price = o.Price, StopPrice = o.StopPrice,
                    Quantity = o.Quantity, DisplayQuantity = o.DisplayQuantity, ExpireTime = o.ExpireTime, OrigClientId = o.OcoPartner,
                };
                break;
            case ClientMessageType.CancelOrder:
                valid = CancelOrder.TryRead(m, out var x);
                command = new Command { Type = CommandType.Cancel, OrigClientId = x.ClientOrderId, Symbol = x.Symbol };
                break;
            case ClientMessageType.ReplaceOrder:
                valid = ReplaceOrder.TryRead(m, out var u);
                command = new Command
                {
                    Type = CommandType.Replace, OrigClientId = u.ClientOrderId, ClientId = u.NewClientOrderId, Symbol = u.Symbol, Price = u.Price,
                    StopPrice = u.StopPrice, Quantity = u.Quantity,
                };
                break;
            case ClientMessageType.MassCancel:
                valid = MassCancel.TryRead(m, out var k);
                command = new Command { Type = CommandType.MassCancel, Symbol = k.Symbol };
                break;
            default:
                stream.AppendReject(type, BinaryRejectReason.UnknownMessageType, default, default, default);
                return;
        }
        if (!valid)
        {
            stream.AppendReject(type, BinaryRejectReason.MalformedMessage, default, default, default);
            return;
        }
        var outcome = _acceptor.Hub.TrySubmit(stream, command, BinaryEventEncoder.Correlation(++_commands, type));
        if (outcome != Gateways.SubmitOutcome.Submitted)
        {
            var reason = outcome switch
            {
                Gateways.SubmitOutcome.RateLimited => BinaryRejectReason.RateLimited,
                Gateways.SubmitOutcome.SessionBlocked => BinaryRejectReason.AccountBlocked,
                _ => BinaryRejectReason.Busy,
            };
            stream.AppendReject(type, reason, command.ClientId, command.OrigClientId, command.Symbol);
        }
    }
}
