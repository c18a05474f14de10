using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Model;

/// <summary>A seeded generator of realistic command streams: three instruments quoted around drifting mids by four accounts
/// (so self-trades happen), every order type, TIF and flag, timestamps mostly increasing (sometimes equal or a little earlier), cancels and replaces of live, dead, unknown and other accounts'
/// orders, mass cancels, halts, end of day, time advances and a small share of deliberately invalid commands.
/// The same seed always gives the same stream.</summary>
internal sealed class RandomCommandGenerator
{
    private const int Accounts = 4;
    private const int RememberedOrdersPerAccount = 48;
    private const long StartTime = 1_767_225_600_000_000_000; // 2026-01-01T00:00:00Z in ns
    private const long Millisecond = 1_000_000;
    private const long ExpiryGrid = 5 * Millisecond;

    private readonly Random _random;
    private readonly List<GeneratedInstrument> _instruments =
    [
        // Symbol, tick, lot, min, max, reference price, collar bps, mid in ticks.
        new("AAA", Price.Scale / 100, 1, 1, 5_000, 100 * Price.Scale, 20, 10_000),
        new("BBB", Price.Scale / 20, 10, 10, 50_000, 0, 0, 400),
        new("CCC", Price.Scale / 100, 10, 20, 2_000, 0, 30, 5_000),
    ];
    private readonly List<IssuedOrder>[] _issued = Enumerable.Range(0, Accounts + 1).Select(_ => new List<IssuedOrder>()).ToArray();
    private readonly Symbol _unknownSymbol = Symbol.Parse("ZZZ");
    private long _now = StartTime;
    private long _nextClientId = 1;
    private int _index;

    // The mix varies by seed, so different seeds stress different rules (percentages).
    private readonly int _stopPercent;
    private readonly int _icebergPercent;
    private readonly int _selfTradePreventionPercent;
    private readonly int _aggressivePercent;

    public RandomCommandGenerator(int seed)
    {
        _random = new Random(seed);
        _stopPercent = _random.Next(15, 40);
        _icebergPercent = _random.Next(5, 30);
        _selfTradePreventionPercent = _random.Next(20, 70);
        _aggressivePercent = _random.Next(15, 40);
    }

    /// <summary>The whole stream: instrument declarations first, then <paramref name="count"/> commands in total.</summary>
    public List<Command> Generate(int count)
    {
        var commands = new List<Command>(count);
        foreach (var instrument in _instruments)
        {
            commands.Add(AddInstrument(instrument));
        }
        // One duplicate and one invalid declaration, both rejected.
        commands.Add(AddInstrument(_instruments[0]));
        var invalid = AddInstrument(new GeneratedInstrument("BAD", Price.Scale / 100, 10, 15, 100, 0, 0, 100));
        commands.Add(invalid);
        while (commands.Count < count)
        {
            _index = commands.Count;
            var command = Next();
            if (Chance(3))
            {
                // Producers stamp concurrently: now and then a command carries a time before the previous one's.
                command.Timestamp = _now - _random.NextInt64(1, Millisecond);
            }
            commands.Add(command);
        }
        return commands;
    }

    private Command AddInstrument(GeneratedInstrument i) => new()
    {
        Type = CommandType.AddInstrument,
        Timestamp = _now,
        Symbol = i.Symbol,
        TickSize = i.TickSize,
        LotSize = i.LotSize,
        MinQuantity = i.MinQuantity,
        MaxQuantity = i.MaxQuantity,
        Price = i.ReferencePrice,
        CollarBasisPoints = i.CollarBasisPoints,
    };

    private Command Next()
    {
        AdvanceClock();
        var reopen = _instruments.Find(i => i.ReopenAt != 0 && i.ReopenAt <= _index);
        if (reopen != null)
        {
            reopen.ReopenAt = 0;
            return new Command { Type = CommandType.SetStatus, Timestamp = _now, Symbol = reopen.Symbol, Status = TradingStatus.Open };
        }
        int roll = _random.Next(10_000);
        return roll switch
        {
            < 6_500 => NewOrder(),
            < 7_700 => Cancel(),
            < 8_950 => Replace(),
            < 8_975 => MassCancel(),
            < 9_005 => SetStatus(),
            < 9_015 => EndOfDay(),
            < 9_300 => AdvanceTime(),
            < 9_303 => new Command { Type = (CommandType)99, Timestamp = _now, Account = RandomAccount() },
            _ => NewOrder(),
        };
    }

    private void AdvanceClock()
    {
        // A third of commands share the previous timestamp; the rest advance by up to 2 ms.
        if (_random.Next(3) != 0)
        {
            _now += _random.NextInt64(1, 2 * Millisecond);
        }
    }

    private long RandomAccount() => _random.Next(1, Accounts + 1);

    private GeneratedInstrument RandomInstrument() => _instruments[_random.Next(_instruments.Count)];

    private ClientOrderId FreshClientId() => ClientOrderId.FromNumber(_nextClientId++);

    private bool Chance(int percent) => _random.Next(100) < percent;

    private Command NewOrder()
    {
        var instrument = RandomInstrument();
        DriftMid(instrument);
        long account = RandomAccount();
        var side = Chance(50) ? Side.Buy : Side.Sell;
        var type = _random.Next(100) < _stopPercent
            ? (Chance(45) ? OrderType.Stop : OrderType.StopLimit)
            : (Chance(18) ? OrderType.Market : OrderType.Limit);
        var tif = RandomTimeInForce(type);
        long lots = Chance(8) ? _random.Next(30, 200) : _random.Next(1, 21);
        long quantity = Math.Clamp(lots * instrument.LotSize, instrument.MinQuantity, instrument.MaxQuantity);
        long direction = side == Side.Buy ? 1 : -1;
        long mid = instrument.MidTicks;

        var c = new Command
        {
            Type = CommandType.NewOrder,
            Timestamp = _now,
            Account = account,
            ClientId = Chance(2) ? RecentClientId(account) : FreshClientId(),
            Symbol = instrument.Symbol,
            Side = side,
            OrderType = type,
            TimeInForce = tif,
            Quantity = quantity,
            SelfTradePrevention = !Chance(_selfTradePreventionPercent) ? SelfTradePrevention.None : _random.Next(4) switch
            {
                0 => SelfTradePrevention.CancelNewest,
                1 => SelfTradePrevention.CancelOldest,
                2 => SelfTradePrevention.CancelBoth,
                _ => SelfTradePrevention.Decrement,
            },
        };

        // Passive most of the time (rests, builds depth), aggressive sometimes (crosses the spread).
        long limitTicks = mid - direction * (Chance(_aggressivePercent) ? _random.Next(-4, 0) : _random.Next(0, 25));
        if (type is OrderType.Stop or OrderType.StopLimit)
        {
            // Usually beyond the market (buy stops above, sell stops below); sometimes already triggered on arrival.
            long stopTicks = Chance(10) ? mid - direction * _random.Next(0, 6) : mid + direction * _random.Next(1, 25);
            c.StopPrice = instrument.PriceOfTicks(stopTicks);
            limitTicks = stopTicks + direction * _random.Next(-2, 6);
        }
        if (type is OrderType.Limit or OrderType.StopLimit)
        {
            c.Price = instrument.PriceOfTicks(limitTicks);
        }

        bool resting = tif is not (TimeInForce.Ioc or TimeInForce.Fok);
        if (type is OrderType.Limit or OrderType.StopLimit && resting && Chance(_icebergPercent) && quantity >= 2 * instrument.LotSize)
        {
            c.DisplayQuantity = Chance(10) ? quantity : instrument.LotSize * _random.NextInt64(1, quantity / instrument.LotSize / 2 + 1);
        }
        if (type == OrderType.Limit && resting && Chance(8))
        {
            c.Flags = OrderFlags.PostOnly;
        }
        if (tif == TimeInForce.Gtd)
        {
            c.ExpireTime = _now + _random.NextInt64(1, 1_500 * Millisecond);
            if (Chance(50))
            {
                // On a 5 ms grid, so that orders share expire times (order id breaks the tie) and clock jumps land on them.
                c.ExpireTime += ExpiryGrid - c.ExpireTime % ExpiryGrid;
            }
        }
        else if (Chance(5))
        {
            c.ExpireTime = _now + _random.NextInt64(-10 * Millisecond, 10 * Millisecond); // ignored for other TIFs
        }
        if (resting && Chance(8))
        {
            c.OrigClientId = OcoPartnerFor(account, instrument, side);
        }

        if (Chance(5))
        {
            MakeInvalid(ref c, instrument);
        }
        Remember(c, instrument);
        return c;
    }

    private TimeInForce RandomTimeInForce(OrderType type)
    {
        int roll = _random.Next(100);
        return type switch
        {
            OrderType.Market => roll < 60 ? TimeInForce.Ioc : TimeInForce.Fok,
            OrderType.Stop => roll < 50 ? TimeInForce.Gtc : roll < 75 ? TimeInForce.Day : TimeInForce.Gtd,
            _ => roll switch
            {
                < 35 => TimeInForce.Gtc,
                < 55 => TimeInForce.Day,
                < 70 => TimeInForce.Gtd,
                < 88 => TimeInForce.Ioc,
                _ => TimeInForce.Fok,
            },
        };
    }

    private void DriftMid(GeneratedInstrument instrument)
    {
        if (Chance(15))
        {
            instrument.MidTicks += _random.Next(-1, 2);
        }
        // Mean reversion keeps the stream near the instrument's base price.
        long away = instrument.MidTicks - instrument.BaseMidTicks;
        if (Math.Abs(away) > 30 && Chance(20))
        {
            instrument.MidTicks -= Math.Sign(away);
        }
    }

    private ClientOrderId OcoPartnerFor(long account, GeneratedInstrument instrument, Side side)
    {
        var candidates = _issued[account].Where(o => o.Instrument == instrument).ToList();
        if (candidates.Count == 0)
        {
            return default;
        }
        // Mostly a same-side bracket (e.g. a take-profit limit and a stop-loss), sometimes anything.
        var sameSide = candidates.Where(o => o.Side == side).ToList();
        var pool = sameSide.Count > 0 && Chance(80) ? sameSide : candidates;
        return pool[_random.Next(pool.Count)].ClientId;
    }

    private ClientOrderId RecentClientId(long account)
    {
        var issued = _issued[account];
        return issued.Count == 0 ? FreshClientId() : issued[_random.Next(issued.Count)].ClientId;
    }

    /// <summary>Breaks one rule of "Order validation" (some defects are masked by earlier checks; that is fine).</summary>
    private void MakeInvalid(ref Command c, GeneratedInstrument instrument)
    {
        switch (_random.Next(22))
        {
            case 0: c.Price += 1; break; // off tick (or a price on a market/stop order)
            case 1: c.Quantity += instrument.LotSize == 1 ? -c.Quantity : 1; break;
            case 2: c.Quantity = instrument.MaxQuantity + instrument.LotSize; break;
            case 3: c.Quantity = -instrument.LotSize; break;
            case 4: c.DisplayQuantity = c.Quantity + instrument.LotSize; break;
            case 5: c.DisplayQuantity = instrument.LotSize == 1 ? -1 : instrument.LotSize + 1; break;
            case 6: c.Symbol = _unknownSymbol; break;
            case 7: c.Account = 0; break;
            case 8: c.ClientId = default; break;
            case 9: c.Side = (Side)_random.Next(3, 5); break;
            case 10: c.OrderType = (OrderType)5; break;
            case 11: c.TimeInForce = (TimeInForce)0; break;
            case 12: c.TimeInForce = c.OrderType == OrderType.Market ? TimeInForce.Gtc : TimeInForce.Ioc; break;
            case 13: c.Flags = OrderFlags.PostOnly; c.TimeInForce = TimeInForce.Ioc; break;
            case 14: c.DisplayQuantity = instrument.LotSize; c.OrderType = OrderType.Market; c.TimeInForce = TimeInForce.Ioc; break;
            case 15: c.OrigClientId = RecentClientId(c.Account); c.TimeInForce = TimeInForce.Fok; break;
            case 16: c.TimeInForce = TimeInForce.Gtd; c.ExpireTime = _now - _random.NextInt64(0, 2) * Millisecond; break;
            case 17: c.StopPrice = c.StopPrice == 0 ? instrument.TickSize * 100 : c.StopPrice + 1; break;
            case 18: c.Price = -c.Price; break;
            case 19: c.OrigClientId = ClientOrderId.Parse("nope"); break;
            case 20: c.OrigClientId = RecentClientId(c.Account); break; // maybe on another instrument or already paired
            default: c.Quantity = instrument.MinQuantity - instrument.LotSize; break;
        }
    }

    private void Remember(in Command c, GeneratedInstrument instrument)
    {
        // Only orders that may rest are worth cancelling or replacing later.
        if (c.Account is < 1 or > Accounts || c.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok || c.OrderType == OrderType.Market)
        {
            return;
        }
        var issued = _issued[c.Account];
        issued.Add(new IssuedOrder
        {
            Account = c.Account,
            ClientId = c.ClientId,
            Instrument = instrument,
            Side = c.Side,
            Type = c.OrderType,
            Price = c.Price,
            StopPrice = c.StopPrice,
            Quantity = c.Quantity,
        });
        if (issued.Count > RememberedOrdersPerAccount)
        {
            issued.RemoveAt(0);
        }
    }

    /// <summary>A remembered order (live or not) of a random account, or null if none.</summary>
    private IssuedOrder? PickIssued()
    {
        var issued = _issued[RandomAccount()];
        return issued.Count == 0 ? null : issued[_random.Next(issued.Count)];
    }

    private Command Cancel()
    {
        var target = PickIssued();
        var c = new Command { Type = CommandType.Cancel, Timestamp = _now, Account = RandomAccount(), OrigClientId = FreshClientId() };
        if (target == null || Chance(8))
        {
            return c; // never issued
        }
        c.Account = Chance(8) ? target.Account % Accounts + 1 : target.Account; // sometimes another account's order
        c.OrigClientId = target.ClientId;
        c.Symbol = target.Instrument.Symbol;
        c.Side = target.Side;
        if (c.Account == target.Account)
        {
            _issued[target.Account].Remove(target);
        }
        return c;
    }

    private Command Replace()
    {
        var target = PickIssued();
        if (target == null)
        {
            return Cancel();
        }
        var instrument = target.Instrument;
        long tick = instrument.TickSize;
        var c = new Command
        {
            Type = CommandType.Replace,
            Timestamp = _now,
            Account = Chance(4) ? target.Account % Accounts + 1 : target.Account,
            OrigClientId = target.ClientId,
            Symbol = instrument.Symbol,
            Side = target.Side,
            ClientId = _random.Next(100) switch
            {
                < 70 => FreshClientId(),
                < 95 => target.ClientId,
                _ => RecentClientId(target.Account),
            },
            Price = target.Price,
            StopPrice = target.StopPrice,
            Quantity = target.Quantity,
        };
        if (target.Type is OrderType.Limit or OrderType.StopLimit && Chance(55))
        {
            c.Price = Math.Max(tick, c.Price + tick * _random.Next(-4, 5));
        }
        if (target.Type is OrderType.Stop or OrderType.StopLimit && Chance(30))
        {
            c.StopPrice = Math.Max(tick, c.StopPrice + tick * _random.Next(-3, 4));
        }
        if (target.Type == OrderType.StopLimit && Chance(15))
        {
            c.StopPrice = 0; // right if it has triggered and rests as a limit order
        }
        int quantityRoll = _random.Next(100);
        if (quantityRoll < 30)
        {
            c.Quantity = Math.Max(instrument.MinQuantity, c.Quantity - instrument.LotSize * _random.Next(1, 10));
        }
        else if (quantityRoll < 60)
        {
            c.Quantity = Math.Min(instrument.MaxQuantity, c.Quantity + instrument.LotSize * _random.Next(1, 10));
        }
        if (Chance(3))
        {
            c.Price += 1; // off tick
        }
        if (Chance(2))
        {
            c.Quantity = 0;
        }
        if (c.Account == target.Account)
        {
            target.ClientId = c.ClientId;
            target.Price = c.Price;
            target.StopPrice = c.StopPrice;
            target.Quantity = c.Quantity;
        }
        return c;
    }

    private Command MassCancel()
    {
        var c = new Command { Type = CommandType.MassCancel, Timestamp = _now };
        int roll = _random.Next(100);
        if (roll < 30)
        {
            c.Account = RandomAccount();
        }
        else if (roll < 80)
        {
            c.Account = RandomAccount();
            c.Symbol = RandomInstrument().Symbol;
        }
        else if (roll < 95)
        {
            c.Symbol = RandomInstrument().Symbol;
        }
        else if (roll < 98)
        {
            c.Symbol = _unknownSymbol;
        }
        return c; // else neither: invalid
    }

    private Command SetStatus()
    {
        var instrument = RandomInstrument();
        var c = new Command { Type = CommandType.SetStatus, Timestamp = _now, Symbol = instrument.Symbol };
        int roll = _random.Next(100);
        if (roll < 5)
        {
            c.Symbol = _unknownSymbol;
            c.Status = TradingStatus.Halted;
        }
        else if (roll < 8)
        {
            c.Status = Chance(50) ? 0 : (TradingStatus)4; // undefined
        }
        else if (roll < 15)
        {
            c.Status = TradingStatus.Open; // setting the current status again is reported too
        }
        else
        {
            c.Status = roll < 75 ? TradingStatus.Halted : TradingStatus.Closed;
            instrument.ReopenAt = _index + _random.Next(5, 60);
        }
        return c;
    }

    private Command EndOfDay() => new()
    {
        Type = CommandType.EndOfDay,
        Timestamp = _now,
        Symbol = _random.Next(10) switch
        {
            < 5 => RandomInstrument().Symbol,
            5 => _unknownSymbol,
            _ => default,
        },
    };

    private Command AdvanceTime()
    {
        _now += _random.NextInt64(0, 200 * Millisecond);
        if (Chance(50))
        {
            _now += ExpiryGrid - _now % ExpiryGrid; // exactly an expire time on the grid: "expire time ≤ command time"
        }
        return new Command { Type = CommandType.AdvanceTime, Timestamp = _now };
    }
}
