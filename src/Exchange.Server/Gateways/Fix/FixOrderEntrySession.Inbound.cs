using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Fix.Codec;
using Exchange.Fix.Session;

namespace Exchange.Server.Gateways.Fix;

public sealed partial class FixOrderEntrySession
{
    private const long UnitsPerWhole = 100_000_000; // fixed-point scale of FIX decimals

    public void OnMessage(FixSession session, FixMessage message)
    {
        ReadOnlySpan<byte> type = message.MsgType;
        char c = type.Length == 1 ? (char)type[0] : '\0';
        switch (c)
        {
            case 'D':
                OnNewOrder(session, message);
                break;
            case 'F':
                OnCancel(session, message);
                break;
            case 'G':
                OnReplace(session, message);
                break;
            case 'q':
                OnMassCancel(session, message);
                break;
            case 'H':
                OnStatusRequest(session, message);
                break;
            default:
                if (IsFix44MsgType(type))
                {
                    session.Send(new BusinessMessageReject(message.MsgSeqNum, type.ToArray(), 3, "unsupported message type"));
                }
                else
                {
                    session.Reject(message, SessionRejectReason.InvalidMsgType, FixTag.MsgType, "invalid MsgType");
                }
                break;
        }
    }

    /// <summary>The shapes of FIX 4.4 MsgType values: one letter or digit, two letters from AA to BH, or user-defined
    /// (U…). Anything else is not a message type at all (session Reject 373=11), rather than one we do not support
    /// (BusinessMessageReject 380=3).</summary>
    private static bool IsFix44MsgType(ReadOnlySpan<byte> type) => type.Length switch
    {
        1 => char.IsAsciiLetterOrDigit((char)type[0]),
        2 => (type[0] == 'A' && char.IsAsciiLetterUpper((char)type[1])) || (type[0] == 'B' && type[1] is >= (byte)'A' and <= (byte)'H')
            || type[0] == 'U',
        _ => type.Length > 0 && type[0] == 'U',
    };

    private void OnNewOrder(FixSession session, FixMessage m)
    {
        if (!TryClientId(session, m, FixTag.ClOrdId, out var clientId) || !TryInstrument(session, m, out var symbol, out var side)
            || !TryQuantity(session, m, FixTag.OrderQty, out long quantity) || !TryOrdType(session, m, out var orderType)
            || !TryTimeInForce(session, m, orderType, out var tif) || !TryAccount(session, m)
            || !TryOptionalDecimal(session, m, FixTag.Price, out long price) || !TryOptionalDecimal(session, m, FixTag.StopPx, out long stopPrice))
        {
            return;
        }
        long display = 0;
        if (m.Contains(FixTag.MaxFloor) && !TryQuantity(session, m, FixTag.MaxFloor, out display))
        {
            return;
        }
        long expire = 0;
        if (m.Contains(FixTag.ExpireTime) && !m.TryGetUtcTimestamp(FixTag.ExpireTime, out expire))
        {
            session.Reject(m, SessionRejectReason.IncorrectDataFormatForValue, FixTag.ExpireTime, "ExpireTime is not a UTCTimestamp");
            return;
        }
        var flags = OrderFlags.None;
        if (m.TryGetSpan(FixTag.ExecInst, out var execInst) && execInst.Contains((byte)'6'))
        {
            flags |= OrderFlags.PostOnly; // 6 = Participate don't initiate
        }
        var command = new Command
        {
            Type = CommandType.NewOrder, ClientId = clientId, Symbol = symbol, Side = side, OrderType = orderType, TimeInForce = tif,
            Price = price, StopPrice = stopPrice, Quantity = quantity, DisplayQuantity = display, ExpireTime = expire, Flags = flags,
        };
        var request = new FixRequest
        {
            MsgType = 'D', ClientId = clientId, Symbol = symbol, Side = side, OrderType = orderType, TimeInForce = tif, Price = price,
            Quantity = quantity,
        };
        Submit(session, in command, request);
    }

    private void OnCancel(FixSession session, FixMessage m)
    {
        if (!TryClientId(session, m, FixTag.ClOrdId, out var clientId) || !TryClientId(session, m, FixTag.OrigClOrdId, out var origId)
            || !TryInstrument(session, m, out var symbol, out var side) || !TryAccount(session, m))
        {
            return;
        }
        var command = new Command { Type = CommandType.Cancel, Symbol = symbol, OrigClientId = origId, ClientId = clientId };
        Submit(session, in command, new FixRequest { MsgType = 'F', ClientId = clientId, OrigClientId = origId, Symbol = symbol, Side = side });
    }

    private void OnReplace(FixSession session, FixMessage m)
    {
        if (!TryClientId(session, m, FixTag.ClOrdId, out var clientId) || !TryClientId(session, m, FixTag.OrigClOrdId, out var origId)
            || !TryInstrument(session, m, out var symbol, out var side) || !TryQuantity(session, m, FixTag.OrderQty, out long quantity)
            || !TryOrdType(session, m, out var orderType) || !TryAccount(session, m)
            || !TryOptionalDecimal(session, m, FixTag.Price, out long price) || !TryOptionalDecimal(session, m, FixTag.StopPx, out long stopPrice))
        {
            return;
        }
        var request = new FixRequest { MsgType = 'G', ClientId = clientId, OrigClientId = origId, Symbol = symbol, Side = side, OrderType = orderType };
        // The engine replaces price and quantity only: a side or order type change is refused here, as "not yours"
        // is answered like "unknown" (the engine checks the order exists for this account).
        if (_orders.TryGet(Account, origId, out var current) && (current.Side != side || current.OrderType != orderType))
        {
            SendCancelReject(in request, 99, "side and order type cannot be replaced", current);
            return;
        }
        var command = new Command
        {
            Type = CommandType.Replace, Symbol = symbol, Side = side, OrigClientId = origId, ClientId = clientId, Price = price,
            StopPrice = stopPrice, Quantity = quantity,
        };
        Submit(session, in command, request);
    }

    private void OnMassCancel(FixSession session, FixMessage m)
    {
        if (!TryClientId(session, m, FixTag.ClOrdId, out var clientId))
        {
            return;
        }
        if (!m.TryGetChar(FixTag.MassCancelRequestType, out char requestType))
        {
            session.Reject(m, m.Contains(FixTag.MassCancelRequestType) ? SessionRejectReason.ValueIsIncorrectForThisTag : SessionRejectReason.RequiredTagMissing,
                FixTag.MassCancelRequestType, "MassCancelRequestType required");
            return;
        }
        var request = new FixRequest { MsgType = 'q', ClientId = clientId, MassCancelType = requestType };
        if (requestType == '1')
        {
            if (!m.TryGetSpan(FixTag.Symbol, out var raw) || !FixFields.TryParseSymbol(raw, out request.Symbol))
            {
                session.Reject(m, m.Contains(FixTag.Symbol) ? SessionRejectReason.ValueIsIncorrectForThisTag : SessionRejectReason.RequiredTagMissing,
                    FixTag.Symbol, "Symbol required for MassCancelRequestType 1");
                return;
            }
        }
        else if (requestType != '7')
        {
            session.Send(new OrderMassCancelReport
            {
                ClientId = clientId, ReportId = NextCorrelation(), RequestType = requestType, Response = '0', RejectReason = 0,
                Text = "only MassCancelRequestType 1 (security) and 7 (all orders) are supported",
            });
            return;
        }
        if (request.Symbol.IsEmpty)
        {
            request.RepliesLeft = _hub.Node.Shards.Count; // without a symbol every shard cancels and answers
        }
        var command = new Command { Type = CommandType.MassCancel, Symbol = request.Symbol };
        Submit(session, in command, request);
    }

    private void OnStatusRequest(FixSession session, FixMessage m)
    {
        if (!TryClientId(session, m, FixTag.ClOrdId, out var clientId) || !TryInstrument(session, m, out var symbol, out var side))
        {
            return;
        }
        var reqId = m.TryGetSpan(FixTag.OrdStatusReqId, out var id) ? id.ToArray() : [];
        var report = new ExecutionReport
        {
            ClientId = clientId, ExecIdPrefix = 'S', ExecSequence = Interlocked.Increment(ref _gatewayExecId), ExecType = 'I',
            Symbol = symbol, Side = side, OrdStatusReqId = reqId,
        };
        // Only this account's orders are looked up: another account's order is "unknown", like one that never existed.
        if (_orders.TryGet(Account, clientId, out var order) && order.Symbol == symbol)
        {
            Describe(ref report, in order);
        }
        else
        {
            report.OrdStatus = '8';
            report.OrdRejReason = -1;
            report.Text = "unknown order";
        }
        session.Send(report);
    }

    private void Submit(FixSession session, in Command command, in FixRequest request)
    {
        long correlation = NextCorrelation();
        Remember(correlation, in request);
        var outcome = _hub.TrySubmit(this, command, correlation);
        if (outcome == SubmitOutcome.Submitted)
        {
            return;
        }
        Forget(correlation);
        string text = outcome switch
        {
            SubmitOutcome.Busy => "exchange busy",
            SubmitOutcome.RateLimited => "rate limit exceeded",
            SubmitOutcome.SessionBlocked => "session blocked by the operator (kill switch)",
            _ => "session not attached",
        };
        RejectRequest(in request, correlation, RejectReason.None, text);
    }

    private static bool TryClientId(FixSession session, FixMessage m, int tag, out ClientOrderId id)
    {
        id = default;
        if (!m.TryGetSpan(tag, out var raw))
        {
            session.Reject(m, SessionRejectReason.RequiredTagMissing, tag, "required tag missing");
            return false;
        }
        if (!FixFields.TryParseClientId(raw, out id))
        {
            session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, tag, $"must be 1 to {ClientOrderId.MaxLength} printable ASCII characters");
            return false;
        }
        return true;
    }

    private static bool TryInstrument(FixSession session, FixMessage m, out Symbol symbol, out Side side)
    {
        symbol = default;
        side = default;
        if (!m.TryGetSpan(FixTag.Symbol, out var raw))
        {
            session.Reject(m, SessionRejectReason.RequiredTagMissing, FixTag.Symbol, "required tag missing");
            return false;
        }
        if (!FixFields.TryParseSymbol(raw, out symbol))
        {
            session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.Symbol, $"must be 1 to {Symbol.MaxLength} printable ASCII characters");
            return false;
        }
        if (!m.TryGetChar(FixTag.Side, out char s))
        {
            session.Reject(m, m.Contains(FixTag.Side) ? SessionRejectReason.ValueIsIncorrectForThisTag : SessionRejectReason.RequiredTagMissing,
                FixTag.Side, "Side required");
            return false;
        }
        if (s is not ('1' or '2'))
        {
            session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.Side, "Side must be 1 (buy) or 2 (sell)");
            return false;
        }
        side = s == '1' ? Side.Buy : Side.Sell;
        return true;
    }

    /// <summary>A quantity: a positive whole number (FIX Qty is a decimal; "100" and "100.0" are accepted).</summary>
    private static bool TryQuantity(FixSession session, FixMessage m, int tag, out long quantity)
    {
        quantity = 0;
        if (!m.Contains(tag))
        {
            session.Reject(m, SessionRejectReason.RequiredTagMissing, tag, "required tag missing");
            return false;
        }
        if (!m.TryGetDecimalAsFixedPoint(tag, out long units))
        {
            session.Reject(m, SessionRejectReason.IncorrectDataFormatForValue, tag, "not a decimal number");
            return false;
        }
        if (units % UnitsPerWhole != 0 || units < 0 || (units == 0 && tag == FixTag.OrderQty))
        {
            session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, tag, "quantity must be a positive whole number");
            return false;
        }
        quantity = units / UnitsPerWhole;
        return true;
    }

    private static bool TryOptionalDecimal(FixSession session, FixMessage m, int tag, out long value)
    {
        value = 0;
        if (!m.Contains(tag) || m.TryGetDecimalAsFixedPoint(tag, out value))
        {
            return true;
        }
        session.Reject(m, SessionRejectReason.IncorrectDataFormatForValue, tag, "not a decimal number with at most 8 decimals");
        return false;
    }

    private static bool TryOrdType(FixSession session, FixMessage m, out OrderType type)
    {
        type = default;
        if (!m.TryGetChar(FixTag.OrdType, out char c))
        {
            session.Reject(m, m.Contains(FixTag.OrdType) ? SessionRejectReason.ValueIsIncorrectForThisTag : SessionRejectReason.RequiredTagMissing,
                FixTag.OrdType, "OrdType required");
            return false;
        }
        type = c switch
        {
            '1' => OrderType.Market,
            '2' => OrderType.Limit,
            '3' => OrderType.Stop,
            '4' => OrderType.StopLimit,
            _ => 0,
        };
        if (type == 0)
        {
            session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.OrdType, "OrdType must be 1, 2, 3 or 4");
            return false;
        }
        return true;
    }

    private static bool TryTimeInForce(FixSession session, FixMessage m, OrderType orderType, out TimeInForce tif)
    {
        // FIX's default when absent is Day; a market order cannot rest, so its default is IOC.
        tif = orderType == OrderType.Market ? TimeInForce.Ioc : TimeInForce.Day;
        if (!m.Contains(FixTag.TimeInForce))
        {
            return true;
        }
        m.TryGetChar(FixTag.TimeInForce, out char c);
        tif = c switch
        {
            '0' => TimeInForce.Day,
            '1' => TimeInForce.Gtc,
            '3' => TimeInForce.Ioc,
            '4' => TimeInForce.Fok,
            '6' => TimeInForce.Gtd,
            _ => 0,
        };
        if (tif == 0)
        {
            session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.TimeInForce, "TimeInForce must be 0, 1, 3, 4 or 6");
            return false;
        }
        return true;
    }

    /// <summary>Account (1) is optional; if given it must be the session's own: a session never acts for another account.</summary>
    private bool TryAccount(FixSession session, FixMessage m)
    {
        if (!m.TryGetSpan(FixTag.Account, out var account) || System.Text.Ascii.Equals(account, AccountName))
        {
            return true;
        }
        session.Reject(m, SessionRejectReason.ValueIsIncorrectForThisTag, FixTag.Account, "Account is not this session's account");
        return false;
    }
}
