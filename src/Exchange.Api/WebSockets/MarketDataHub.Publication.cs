using Exchange.Api.Messages;
using Exchange.Core.Domain;
using Exchange.MarketData.Views;

namespace Exchange.Api.WebSockets;

// Publication after each batch of engine events, and snapshots for new subscribers (market-data thread).
public sealed partial class MarketDataHub
{
    public void Publish(MarketDataViews views)
    {
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (now - _lastPublish < _publishTicks)
        {
            return; // OnTimer publishes when the interval is over
        }
        PublishAll(views, now);
    }

    /// <summary>Publishes what the publication interval holds back now (the service is idle: its sequence numbers must
    /// describe every applied change).</summary>
    public void Flush(MarketDataViews views) => PublishAll(views, System.Diagnostics.Stopwatch.GetTimestamp());

    /// <summary>Publishes one instrument's held-back changes before an answer (REST) carrying its sequence numbers is
    /// built; its shard is between commands.</summary>
    public void FlushInstrument(MarketDataViews views, InstrumentView view) => PublishInstrument(views, view);

    private void PublishAll(MarketDataViews views, long now)
    {
        _lastPublish = now;
        foreach (var view in views.Instruments)
        {
            if (!views.IsMidCommand(view.Shard))
            {
                PublishInstrument(views, view);
            }
        }
        SendDueSnapshots(views);
    }

    /// <summary>Publishes one instrument's pending changes (its shard must be between commands).</summary>
    private void PublishInstrument(MarketDataViews views, InstrumentView view)
    {
        {
            if (!view.HasPendingChanges)
            {
                return;
            }
            var changes = view.TakeChanges();
            _subscriptions.TryGetValue(view.Name, out var subscribers);
            var decimals = Math.Max(2, Price.DecimalsOf(view.TickSize));
            if (changes.Trades.Count > 0 && NextSequence(view, subscribers, Channel.Trades, out long tradesSequence))
            {
                Dispatch(subscribers, Channel.Trades, new FeedMessage
                {
                    Type = MessageType.Update, Channel = Channel.Trades, Symbol = view.Name, Sequence = tradesSequence,
                    Timestamp = view.LastTimestamp, Trades = changes.Trades, PriceDecimals = decimals,
                }, Delivery.Reliable);
            }
            if (changes.L3.Count > 0 && NextSequence(view, subscribers, Channel.L3, out long l3Sequence))
            {
                Dispatch(subscribers, Channel.L3, new FeedMessage
                {
                    Type = MessageType.Update, Channel = Channel.L3, Symbol = view.Name, Sequence = l3Sequence,
                    Timestamp = view.LastTimestamp, OrderUpdates = changes.L3, PriceDecimals = decimals,
                }, Delivery.Reliable);
            }
            if (changes.Levels.Count > 0)
            {
                PublishL2(view, subscribers, changes, decimals);
            }
            PublishL1(view, subscribers, decimals);
            if (changes.Bars && NextSequence(view, subscribers, Channel.Bars, out long barsSequence))
            {
                Dispatch(subscribers, Channel.Bars, BarsMessage(view, MessageType.Update, barsSequence, 1, decimals), Delivery.Reliable);
            }
            if (changes.Status && NextSequence(view, subscribers, Channel.Status, out long statusSequence))
            {
                Dispatch(subscribers, Channel.Status, StatusMessage(views, view, MessageType.Update, statusSequence, decimals), Delivery.Conflate);
            }
        }
    }

    /// <summary>Full-depth l2 subscribers whose deltas were skipped: a fresh snapshot once their queue has room again.</summary>
    private void SendDueSnapshots(MarketDataViews views)
    {
        for (int i = _needSnapshot.Count - 1; i >= 0; i--)
        {
            var s = _needSnapshot[i];
            if (s.Connection.QueueLength < _options.ConflateAbove && views.TryGet(s.Symbol, out var view) && !view.HasPendingChanges)
            {
                _needSnapshot.RemoveAt(i);
                s.NeedsSnapshot = false;
                Interlocked.Increment(ref _conflationSnapshots);
                s.Connection.Enqueue(Frame(Snapshot(views, view, Channel.L2, 0), s.Format), Delivery.Reliable, (s.Symbol, Channel.L2, 0));
            }
        }
    }

    private void PublishL2(InstrumentView view, List<Subscription>[]? subscribers, PublishedChanges changes, int decimals)
    {
        long sequence = view.NextSequence(Channel.L2);
        var list = subscribers?[(int)Channel.L2];
        if (list is null || list.Count == 0)
        {
            return;
        }
        var update = new Encoded(new FeedMessage
        {
            Type = MessageType.Update, Channel = Channel.L2, Symbol = view.Name, Sequence = sequence, Timestamp = view.LastTimestamp,
            Bids = [.. changes.Levels.Where(l => l.Side == Side.Buy).Select(l => l.Level)],
            Asks = [.. changes.Levels.Where(l => l.Side == Side.Sell).Select(l => l.Level)],
            PriceDecimals = decimals,
        });
        var byDepth = new Dictionary<int, Encoded>();
        foreach (var s in list)
        {
            if (s.Depth == 0)
            {
                if (s.NeedsSnapshot)
                {
                    continue;
                }
                if (!s.Connection.Enqueue(update.Frame(s.Format), Delivery.DropWhenBusy, (s.Symbol, Channel.L2, 0)) && !s.Connection.IsClosing)
                {
                    s.NeedsSnapshot = true;
                    _needSnapshot.Add(s);
                }
                continue;
            }
            if (!byDepth.TryGetValue(s.Depth, out var top))
            {
                top = new Encoded(new FeedMessage
                {
                    Type = MessageType.Snapshot, Channel = Channel.L2, Symbol = view.Name, Sequence = sequence, Timestamp = view.LastTimestamp,
                    Bids = view.Book.Levels(Side.Buy, s.Depth), Asks = view.Book.Levels(Side.Sell, s.Depth), PriceDecimals = decimals,
                });
                byDepth.Add(s.Depth, top);
            }
            s.Connection.Enqueue(top.Frame(s.Format), Delivery.Conflate, (s.Symbol, Channel.L2, s.Depth));
        }
    }

    private void PublishL1(InstrumentView view, List<Subscription>[]? subscribers, int decimals)
    {
        view.Book.TryGetBest(Side.Buy, out var bid);
        view.Book.TryGetBest(Side.Sell, out var ask);
        if (_lastL1.TryGetValue(view.Name, out var last) && last.Bid == bid && last.Ask == ask)
        {
            return;
        }
        _lastL1[view.Name] = (bid, ask);
        if (NextSequence(view, subscribers, Channel.L1, out long sequence))
        {
            Dispatch(subscribers, Channel.L1, new FeedMessage
            {
                Type = MessageType.Update, Channel = Channel.L1, Symbol = view.Name, Sequence = sequence,
                Timestamp = view.LastTimestamp, Bid = bid, Ask = ask, PriceDecimals = decimals,
            }, Delivery.Conflate);
        }
    }

    /// <summary>Advances a channel's sequence — every change counts, listened to or not: a later subscriber's snapshot
    /// carries it — and says whether anyone subscribes to the channel, so that its update is worth building.</summary>
    private static bool NextSequence(InstrumentView view, List<Subscription>[]? subscribers, Channel channel, out long sequence)
    {
        sequence = view.NextSequence(channel);
        return subscribers?[(int)channel] is { Count: > 0 };
    }

    private static void Dispatch(List<Subscription>[]? subscribers, Channel channel, FeedMessage message, Delivery delivery)
    {
        var list = subscribers?[(int)channel];
        if (list is null || list.Count == 0)
        {
            return;
        }
        var encoded = new Encoded(message);
        foreach (var s in list)
        {
            s.Connection.Enqueue(encoded.Frame(s.Format), delivery, (s.Symbol, channel, 0));
        }
    }

    /// <summary>The complete current state of a channel, carrying the sequence of the last update published on it.</summary>
    private FeedMessage Snapshot(MarketDataViews views, InstrumentView view, Channel channel, int depth)
    {
        int decimals = Math.Max(2, Price.DecimalsOf(view.TickSize));
        long sequence = view.SequenceOf(channel);
        var message = new FeedMessage
        {
            Type = MessageType.Snapshot, Channel = channel, Symbol = view.Name, Sequence = sequence, Timestamp = view.LastTimestamp,
            PriceDecimals = decimals,
        };
        switch (channel)
        {
            case Channel.L1:
                view.Book.TryGetBest(Side.Buy, out var bid);
                view.Book.TryGetBest(Side.Sell, out var ask);
                return message with { Bid = bid, Ask = ask };
            case Channel.L2:
                return message with { Bids = view.Book.Levels(Side.Buy, depth), Asks = view.Book.Levels(Side.Sell, depth) };
            case Channel.L3:
                return message with { Orders = [.. view.Book.Orders(Side.Buy), .. view.Book.Orders(Side.Sell)] };
            case Channel.Trades:
                return message with { Trades = view.Tape.Recent(_options.SnapshotTrades) };
            case Channel.Bars:
                return BarsMessage(view, MessageType.Snapshot, sequence, _options.SnapshotBars, decimals);
            default:
                return StatusMessage(views, view, MessageType.Snapshot, sequence, decimals);
        }
    }

    /// <summary>The newest <paramref name="count"/> bars of each interval (1 in updates: the bars the trades went into).</summary>
    private static FeedMessage BarsMessage(InstrumentView view, MessageType type, long sequence, int count, int decimals)
    {
        var bars = new List<(BarInterval, Bar)>(2 * count);
        foreach (var interval in (ReadOnlySpan<BarInterval>)[BarInterval.OneSecond, BarInterval.OneMinute])
        {
            var series = view.BarsOf(interval);
            if (count == 1)
            {
                // An update: the bar the trades went into, without copying the series.
                if (series.TryGetCurrent(out var current))
                {
                    bars.Add((interval, current));
                }
                continue;
            }
            foreach (var bar in series.Range(long.MinValue, long.MaxValue, count))
            {
                bars.Add((interval, bar));
            }
        }
        return new FeedMessage
        {
            Type = type, Channel = Channel.Bars, Symbol = view.Name, Sequence = sequence, Timestamp = view.LastTimestamp, Bars = bars,
            PriceDecimals = decimals,
        };
    }

    internal static FeedMessage StatusMessage(MarketDataViews views, InstrumentView view, MessageType type, long sequence, int decimals)
    {
        var s = view.Statistics;
        return new FeedMessage
        {
            Type = type, Channel = Channel.Status, Symbol = view.Name, Sequence = sequence, Timestamp = view.LastTimestamp,
            Status = view.Status, Statistics = new StatisticsView(s.Open, s.High, s.Low, s.Last, s.Volume, s.Vwap, s.TradeCount),
            Stale = views.IsStale(view.Shard), PriceDecimals = decimals,
        };
    }

    /// <summary>A message with its encodings, each made on first use.</summary>
    private sealed class Encoded(FeedMessage message)
    {
        private OutFrame? _json;
        private OutFrame? _protobuf;

        public OutFrame Frame(MessageFormat format) => format == MessageFormat.Protobuf
            ? _protobuf ??= new OutFrame(ProtobufMessageCodec.Encode(message), binary: true)
            : _json ??= new OutFrame(JsonMessageCodec.Encode(message), binary: false);
    }
}
