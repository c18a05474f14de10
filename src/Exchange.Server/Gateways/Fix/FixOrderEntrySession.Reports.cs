using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Server.Gateways.Fix;

public sealed partial class FixOrderEntrySession
{
    /// <summary>One durable event into what the FIX client is told (on the report task).</summary>
    private void Report(in QueuedEvent item)
    {
        ref readonly var e = ref item.Event;
        FixRequest request = default;
        bool known = item.Own && TryRecall(item.Correlation, out request);
        switch (e.Type)
        {
            case EventType.Accepted:
                SendOrderReport(in e, item.Taker, '0', e.ClientId, default);
                break;
            case EventType.Trade:
                if (e.Account == Account)
                {
                    SendTradeReport(in e, item.Taker, maker: false);
                }
                if (e.MakerAccount == Account)
                {
                    SendTradeReport(in e, item.Maker, maker: true);
                }
                break;
            case EventType.Cancelled:
                if (known && request.MsgType == 'F' && e.ClientId == request.OrigClientId)
                {
                    SendOrderReport(in e, item.Taker, '4', request.ClientId, e.ClientId);
                }
                else
                {
                    SendOrderReport(in e, item.Taker, '4', e.ClientId, default, e.CancelReason == CancelReason.Requested ? null : Name(e.CancelReason));
                }
                break;
            case EventType.Replaced:
                SendOrderReport(in e, item.Taker, '5', e.ClientId, e.OrigClientId);
                break;
            case EventType.Expired:
                SendOrderReport(in e, item.Taker, 'C', e.ClientId, default);
                break;
            case EventType.Triggered:
                SendOrderReport(in e, item.Taker, 'D', e.ClientId, default, "stop triggered");
                break;
            case EventType.Reduced:
                SendOrderReport(in e, item.Taker, 'D', e.ClientId, default, "reduced by self-trade prevention");
                break;
            case EventType.Rejected when known:
                if (request.MsgType == 'q')
                {
                    request.Rejected = true;
                    MassCancelReplied(item.Correlation, ref request);
                }
                else
                {
                    RejectRequest(request, item.Correlation, e.RejectReason, Name(e.RejectReason));
                }
                break;
            case EventType.MassCancelled when known && request.MsgType == 'q':
                request.Affected += e.Quantity;
                MassCancelReplied(item.Correlation, ref request);
                break;
        }
        if (item.Last && known && request.MsgType != 'q')
        {
            Forget(item.Correlation);
        }
    }

    private void MassCancelReplied(long correlation, ref FixRequest request)
    {
        if (request.RepliesLeft > 1)
        {
            request.RepliesLeft--;
            lock (_requestsLock)
            {
                _requests[correlation] = request; // the other shards' answers add to it
            }
            return;
        }
        Forget(correlation);
        Session.Send(new OrderMassCancelReport
        {
            ClientId = request.ClientId, ReportId = correlation, RequestType = request.MassCancelType,
            Response = request.Rejected ? '0' : request.MassCancelType, RejectReason = 99, AffectedOrders = request.Affected,
            Symbol = request.Symbol, Text = request.Rejected ? "mass cancel rejected" : null,
        });
    }

    private void SendOrderReport(in EngineEvent e, FixOrderView? view, char execType, ClientOrderId clientId, ClientOrderId origClientId, string? text = null)
    {
        var report = new ExecutionReport
        {
            OrderId = e.OrderId, ClientId = clientId, OrigClientId = origClientId, ExecSequence = e.Sequence, ExecType = execType,
            Symbol = e.Symbol, Side = e.Side, OrderType = e.OrderType, TimeInForce = e.TimeInForce, Price = e.Price, StopPrice = e.StopPrice,
            OrderQuantity = e.LeavesQuantity + e.FilledQuantity, LeavesQuantity = e.LeavesQuantity, CumQuantity = e.FilledQuantity,
            TransactTime = e.Timestamp, Text = text,
        };
        if (view is { } v)
        {
            report.OrderType = v.OrderType;
            report.TimeInForce = v.TimeInForce;
            report.Price = v.Price;
            report.StopPrice = v.StopPrice;
            report.OrderQuantity = v.OrderQuantity;
            report.AveragePrice = v.AveragePrice;
        }
        if (e.Type is EventType.Accepted or EventType.Replaced)
        {
            report.OrderQuantity = e.Quantity;
        }
        report.OrdStatus = execType switch
        {
            '4' => '4',
            'C' => 'C',
            _ => e.LeavesQuantity == 0 && e.FilledQuantity > 0 ? '2' : e.LeavesQuantity == 0 ? '4' : e.FilledQuantity > 0 ? '1' : '0',
        };
        report.ExecRestatementReason = 99;
        Session.Send(report);
    }

    private void SendTradeReport(in EngineEvent e, FixOrderView? view, bool maker)
    {
        long leaves = maker ? e.MakerLeavesQuantity : e.LeavesQuantity;
        long cum = maker ? e.MakerFilledQuantity : e.FilledQuantity;
        var report = new ExecutionReport
        {
            OrderId = maker ? e.MakerOrderId : e.OrderId, ClientId = maker ? e.MakerClientId : e.ClientId, ExecSequence = e.Sequence,
            MakerSide = maker, ExecType = 'F', OrdStatus = leaves == 0 ? '2' : '1', Symbol = e.Symbol,
            Side = maker ? (e.Side == Side.Buy ? Side.Sell : Side.Buy) : e.Side, LastQuantity = e.Quantity, LastPrice = e.Price,
            LeavesQuantity = leaves, CumQuantity = cum, OrderQuantity = leaves + cum, AveragePrice = e.Price, TransactTime = e.Timestamp,
        };
        if (view is { } v)
        {
            report.OrderType = v.OrderType;
            report.TimeInForce = v.TimeInForce;
            report.Price = v.Price;
            report.StopPrice = v.StopPrice;
            report.OrderQuantity = v.OrderQuantity;
            report.AveragePrice = v.AveragePrice;
        }
        else if (!maker)
        {
            report.OrderType = e.OrderType;
            report.TimeInForce = e.TimeInForce;
        }
        Session.Send(report);
    }

    /// <summary>A request that did not go through: ExecutionReport rejected for a new order, OrderCancelReject for a
    /// cancel or replace, a rejected OrderMassCancelReport for a mass cancel.</summary>
    private void RejectRequest(in FixRequest request, long correlation, RejectReason reason, string text)
    {
        _orders.TryGet(Account, request.OrigClientId, out var current);
        switch (request.MsgType)
        {
            case 'D':
                Session.Send(new ExecutionReport
                {
                    ClientId = request.ClientId, ExecIdPrefix = 'R', ExecSequence = correlation, ExecType = '8', OrdStatus = '8',
                    Symbol = request.Symbol, Side = request.Side, OrderType = request.OrderType, TimeInForce = request.TimeInForce,
                    Price = request.Price, OrderQuantity = request.Quantity, OrdRejReason = OrdRejReason(reason), Text = text,
                });
                break;
            case 'F' or 'G':
                SendCancelReject(request, reason switch
                {
                    RejectReason.UnknownOrder => 1,
                    RejectReason.DuplicateClientOrderId => 6,
                    _ => 99,
                }, text, request.OrigClientId.IsEmpty || current.OrderId == 0 ? null : current);
                break;
            case 'q':
                Session.Send(new OrderMassCancelReport
                {
                    ClientId = request.ClientId, ReportId = correlation, RequestType = request.MassCancelType, Response = '0',
                    RejectReason = 99, Symbol = request.Symbol, Text = text,
                });
                break;
        }
    }

    private void SendCancelReject(in FixRequest request, int reason, string text, FixOrderView? current) =>
        Session.Send(new OrderCancelReject
        {
            OrderId = current?.OrderId ?? 0, ClientId = request.ClientId, OrigClientId = request.OrigClientId,
            OrdStatus = current?.OrdStatus ?? '8', ResponseTo = request.MsgType == 'F' ? '1' : '2', Reason = reason, Text = text,
        });

    private static void Describe(ref ExecutionReport report, in FixOrderView order)
    {
        report.OrderId = order.OrderId;
        report.Symbol = order.Symbol;
        report.Side = order.Side;
        report.OrderType = order.OrderType;
        report.TimeInForce = order.TimeInForce;
        report.Price = order.Price;
        report.StopPrice = order.StopPrice;
        report.OrderQuantity = order.OrderQuantity;
        report.CumQuantity = order.CumQuantity;
        report.LeavesQuantity = order.LeavesQuantity;
        report.AveragePrice = order.AveragePrice;
        report.OrdStatus = order.OrdStatus;
    }

    // Enum names as Text (58), made once: no string per report.
    private static readonly string[] CancelReasonNames = [.. Enum.GetValues<CancelReason>().Select(r => r.ToString())];
    private static readonly string[] RejectReasonNames = [.. Enum.GetValues<RejectReason>().Select(r => r.ToString())];

    private static string Name(CancelReason reason) => (int)reason < CancelReasonNames.Length ? CancelReasonNames[(int)reason] : reason.ToString();

    private static string Name(RejectReason reason) => (int)reason < RejectReasonNames.Length ? RejectReasonNames[(int)reason] : reason.ToString();

    /// <summary>OrdRejReason (103) for an engine reject reason (FIX 4.4 values only).</summary>
    private static int OrdRejReason(RejectReason reason) => reason switch
    {
        RejectReason.UnknownSymbol => 1,
        RejectReason.InstrumentHalted or RejectReason.InstrumentClosed or RejectReason.TradingPaused => 2,
        RejectReason.DuplicateClientOrderId => 6,
        RejectReason.UnknownOrder => 5,
        RejectReason.InsufficientFunds or RejectReason.InsufficientPosition or RejectReason.OrderQuantityLimit
            or RejectReason.OrderNotionalLimit or RejectReason.OpenOrderLimit or RejectReason.CreditLimit => 3,
        RejectReason.AccountBlocked or RejectReason.FatFingerPrice or RejectReason.PriceOutsideBand
            or RejectReason.NoPriceProtection => 0,
        RejectReason.QuantityOffLot or RejectReason.QuantityOutOfRange or RejectReason.InvalidDisplayQuantity => 13,
        RejectReason.InvalidOrder or RejectReason.InvalidExpireTime or RejectReason.PostOnlyWouldTake or RejectReason.InvalidOcoLink => 11,
        _ => 99,
    };
}
