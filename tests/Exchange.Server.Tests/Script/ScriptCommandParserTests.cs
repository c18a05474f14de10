using Exchange.Core.Commands;
using Exchange.Core.Domain;
using Exchange.Server.Script;

namespace Exchange.Server.Tests.Script;

public sealed class ScriptCommandParserTests
{
    private readonly AccountDirectory _accounts = new();
    private readonly ScriptCommandParser _parser;

    public ScriptCommandParserTests()
    {
        _parser = new ScriptCommandParser(_accounts);
    }

    private Command Parse(string line, long previousTime = 0)
    {
        Assert.True(_parser.TryParse(line, previousTime, out var command, out string error), error);
        return command;
    }

    private string Error(string line, long previousTime = 0)
    {
        Assert.False(_parser.TryParse(line, previousTime, out _, out string error));
        return error;
    }

    [Fact]
    public void RiskCommandsReadTheirFields()
    {
        Assert.Equal(CommandType.EnableRisk, Parse("""{"cmd":"enableRisk"}""").Type);

        var cash = Parse("""{"cmd":"deposit","account":"A","amount":"12.50","currency":"EUR"}""");
        Assert.Equal((CommandType.Deposit, 1L, 1_250_000_000L, Currency.Parse("EUR")), (cash.Type, cash.Account, cash.Quantity, cash.Currency));
        Assert.Equal(Currency.Parse("USD"), Parse("""{"cmd":"withdraw","account":"A","amount":"1"}""").Currency);

        var position = Parse("""{"cmd":"withdraw","account":"B","symbol":"AAPL","qty":7}""");
        Assert.Equal((CommandType.Withdraw, 2L, Symbol.Parse("AAPL"), 7L), (position.Type, position.Account, position.Symbol, position.Quantity));

        var credit = Parse("""{"cmd":"limit","account":"A","limit":"creditLimit","value":"1000.00"}""");
        Assert.Equal((RiskLimit.AccountCreditLimit, 100_000_000_000L), (credit.Limit, credit.Quantity));
        var tier = Parse("""{"cmd":"limit","symbol":"AAPL","limit":"luldTier","value":2}""");
        Assert.Equal((RiskLimit.InstrumentLuldTier, 2L, 0L), (tier.Limit, tier.Quantity, tier.Account));

        Assert.Equal(TradingStatus.Halted, Parse("""{"cmd":"kill","account":"A"}""").Status);
        Assert.Equal(TradingStatus.Open, Parse("""{"cmd":"kill","account":"A","on":false}""").Status);
        Assert.True(Parse("""{"cmd":"status","status":"halted"}""").Symbol.IsEmpty); // market-wide
    }

    [Fact]
    public void RiskCommandsRefuseWhatTheyCannotRepresent()
    {
        Assert.Equal("unknown account limit 'luldTier'", Error("""{"cmd":"limit","account":"A","limit":"luldTier","value":1}"""));
        Assert.Equal("unknown instrument limit 'creditLimit'", Error("""{"cmd":"limit","symbol":"AAPL","limit":"creditLimit","value":"1"}"""));
        Assert.Equal("missing field 'amount'", Error("""{"cmd":"deposit","account":"A"}"""));
        Assert.StartsWith("invalid currency", Error("""{"cmd":"deposit","account":"A","amount":"1","currency":"DOLLAR"}"""));
        Assert.Equal("field 'price' does not belong to cmd 'kill'", Error("""{"cmd":"kill","account":"A","price":"1"}"""));
    }

    [Fact]
    public void InstrumentReadsEveryField()
    {
        var c = Parse("""{"cmd":"instrument","symbol":"AAPL","tick":"0.01","lot":10,"minQty":20,"maxQty":5000,"refPrice":"100.00","collarBps":500}""");

        Assert.Equal(CommandType.AddInstrument, c.Type);
        Assert.Equal(Symbol.Parse("AAPL"), c.Symbol);
        Assert.Equal(1_000_000, c.TickSize);
        Assert.Equal(10, c.LotSize);
        Assert.Equal(20, c.MinQuantity);
        Assert.Equal(5000, c.MaxQuantity);
        Assert.Equal(100 * Price.Scale, c.Price);
        Assert.Equal(500, c.CollarBasisPoints);
        Assert.Equal(0, c.Account);
    }

    [Fact]
    public void InstrumentDefaultsAreLotMinimumBillionMaximumNoReferenceNoCollar()
    {
        var c = Parse("""{"cmd":"instrument","symbol":"X","tick":"0.05","lot":7}""");

        Assert.Equal(7, c.MinQuantity);
        Assert.Equal(999_999_994, c.MaxQuantity);
        Assert.Equal(0, c.Price);
        Assert.Equal(0, c.CollarBasisPoints);
    }

    [Fact]
    public void InstrumentNeedsTickAndLot()
    {
        Assert.Equal("missing field 'tick'", Error("""{"cmd":"instrument","symbol":"X","lot":1}"""));
        Assert.Equal("missing field 'lot'", Error("""{"cmd":"instrument","symbol":"X","tick":"1"}"""));
    }

    [Fact]
    public void NewOrderReadsEveryField()
    {
        var c = Parse("""{"cmd":"new","account":"A","clientId":"a2","symbol":"AAPL","side":"sell","type":"stopLimit","price":"99.5","stopPrice":"99.75","qty":300,"tif":"gtd","display":100,"postOnly":true,"stp":"decrement","expireTime":5000,"oco":"a1","time":42}""");

        Assert.Equal(CommandType.NewOrder, c.Type);
        Assert.Equal(1, c.Account);
        Assert.Equal(ClientOrderId.Parse("a2"), c.ClientId);
        Assert.Equal(Symbol.Parse("AAPL"), c.Symbol);
        Assert.Equal(Side.Sell, c.Side);
        Assert.Equal(OrderType.StopLimit, c.OrderType);
        Assert.Equal(Price.Parse("99.5"), c.Price);
        Assert.Equal(Price.Parse("99.75"), c.StopPrice);
        Assert.Equal(300, c.Quantity);
        Assert.Equal(TimeInForce.Gtd, c.TimeInForce);
        Assert.Equal(100, c.DisplayQuantity);
        Assert.Equal(OrderFlags.PostOnly, c.Flags);
        Assert.Equal(SelfTradePrevention.Decrement, c.SelfTradePrevention);
        Assert.Equal(5000, c.ExpireTime);
        Assert.Equal(ClientOrderId.Parse("a1"), c.OrigClientId);
        Assert.Equal(42, c.Timestamp);
    }

    [Fact]
    public void NewOrderDefaultsToGtcWithoutOptions()
    {
        var c = Parse("""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","price":"1","qty":1}""");

        Assert.Equal(TimeInForce.Gtc, c.TimeInForce);
        Assert.Equal(0, c.StopPrice);
        Assert.Equal(0, c.DisplayQuantity);
        Assert.Equal(OrderFlags.None, c.Flags);
        Assert.Equal(SelfTradePrevention.None, c.SelfTradePrevention);
        Assert.Equal(0, c.ExpireTime);
        Assert.True(c.OrigClientId.IsEmpty);
    }

    [Fact]
    public void MarketOrderWithoutTifIsIoc()
    {
        var c = Parse("""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"market","qty":1}""");

        Assert.Equal(TimeInForce.Ioc, c.TimeInForce);
        Assert.Equal(0, c.Price);
    }

    [Theory]
    [InlineData("limit", OrderType.Limit)]
    [InlineData("market", OrderType.Market)]
    [InlineData("stop", OrderType.Stop)]
    [InlineData("stopLimit", OrderType.StopLimit)]
    public void OrderTypesAreNamedInCamelCase(string name, OrderType expected) =>
        Assert.Equal(expected, Parse($$"""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"{{name}}","qty":1}""").OrderType);

    [Theory]
    [InlineData("gtc", TimeInForce.Gtc)]
    [InlineData("ioc", TimeInForce.Ioc)]
    [InlineData("fok", TimeInForce.Fok)]
    [InlineData("day", TimeInForce.Day)]
    [InlineData("gtd", TimeInForce.Gtd)]
    public void TimesInForceAreNamedInLowerCase(string name, TimeInForce expected) =>
        Assert.Equal(expected, Parse($$"""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","qty":1,"tif":"{{name}}"}""").TimeInForce);

    [Theory]
    [InlineData("none", SelfTradePrevention.None)]
    [InlineData("cancelNewest", SelfTradePrevention.CancelNewest)]
    [InlineData("cancelOldest", SelfTradePrevention.CancelOldest)]
    [InlineData("cancelBoth", SelfTradePrevention.CancelBoth)]
    [InlineData("decrement", SelfTradePrevention.Decrement)]
    public void SelfTradePreventionModesAreNamedInCamelCase(string name, SelfTradePrevention expected) =>
        Assert.Equal(expected, Parse($$"""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","qty":1,"stp":"{{name}}"}""").SelfTradePrevention);

    [Fact]
    public void CancelNamesTheOrderByAccountAndClientId()
    {
        var c = Parse("""{"cmd":"cancel","account":"A","clientId":"a1"}""");

        Assert.Equal(CommandType.Cancel, c.Type);
        Assert.Equal(1, c.Account);
        Assert.Equal(ClientOrderId.Parse("a1"), c.OrigClientId);
        Assert.True(c.ClientId.IsEmpty);
    }

    [Fact]
    public void ReplaceReadsEveryField()
    {
        var c = Parse("""{"cmd":"replace","account":"A","origClientId":"a1","clientId":"a2","price":"100.30","stopPrice":"100.1","qty":150}""");

        Assert.Equal(CommandType.Replace, c.Type);
        Assert.Equal(ClientOrderId.Parse("a1"), c.OrigClientId);
        Assert.Equal(ClientOrderId.Parse("a2"), c.ClientId);
        Assert.Equal(Price.Parse("100.3"), c.Price);
        Assert.Equal(Price.Parse("100.1"), c.StopPrice);
        Assert.Equal(150, c.Quantity);
    }

    [Fact]
    public void ReplaceWithoutClientIdKeepsTheOriginalOne()
    {
        var c = Parse("""{"cmd":"replace","account":"A","origClientId":"a1","price":"1","qty":1}""");

        Assert.Equal(ClientOrderId.Parse("a1"), c.ClientId);
        Assert.Equal(0, c.StopPrice);
    }

    [Fact]
    public void ReplaceOfAStopOrderMayGiveOnlyTheStopPrice()
    {
        var c = Parse("""{"cmd":"replace","account":"A","origClientId":"s1","stopPrice":"101","qty":1}""");

        Assert.Equal(0, c.Price);
        Assert.Equal(101 * Price.Scale, c.StopPrice);
    }

    [Fact]
    public void ReplaceNeedsAPriceAndAQuantity()
    {
        Assert.Equal("missing field 'price' (or 'stopPrice' for a stop order)",
            Error("""{"cmd":"replace","account":"A","origClientId":"a1","qty":1}"""));
        Assert.Equal("missing field 'qty'", Error("""{"cmd":"replace","account":"A","origClientId":"a1","price":"1"}"""));
    }

    [Fact]
    public void MassCancelTakesAccountSymbolBothOrNeither()
    {
        var both = Parse("""{"cmd":"massCancel","account":"A","symbol":"S"}""");
        var account = Parse("""{"cmd":"massCancel","account":"A"}""");
        var symbol = Parse("""{"cmd":"massCancel","symbol":"S"}""");
        var neither = Parse("""{"cmd":"massCancel"}""");

        Assert.Equal((1L, Symbol.Parse("S")), (both.Account, both.Symbol));
        Assert.Equal((1L, true), (account.Account, account.Symbol.IsEmpty));
        Assert.Equal((0L, Symbol.Parse("S")), (symbol.Account, symbol.Symbol));
        Assert.Equal((CommandType.MassCancel, 0L, true), (neither.Type, neither.Account, neither.Symbol.IsEmpty));
    }

    [Theory]
    [InlineData("open", TradingStatus.Open)]
    [InlineData("halted", TradingStatus.Halted)]
    [InlineData("closed", TradingStatus.Closed)]
    public void StatusSetsTheTradingStatus(string name, TradingStatus expected)
    {
        var c = Parse($$"""{"cmd":"status","symbol":"S","status":"{{name}}"}""");

        Assert.Equal((CommandType.SetStatus, Symbol.Parse("S"), expected), (c.Type, c.Symbol, c.Status));
    }

    [Fact]
    public void EndOfDayTakesAnOptionalSymbol()
    {
        Assert.Equal(Symbol.Parse("S"), Parse("""{"cmd":"endOfDay","symbol":"S"}""").Symbol);
        var all = Parse("""{"cmd":"endOfDay"}""");
        Assert.Equal((CommandType.EndOfDay, true), (all.Type, all.Symbol.IsEmpty));
    }

    [Fact]
    public void TimeAdvancesTheClock()
    {
        var c = Parse("""{"cmd":"time","time":1000}""");

        Assert.Equal((CommandType.AdvanceTime, 1000L), (c.Type, c.Timestamp));
        Assert.Equal("missing field 'time'", Error("""{"cmd":"time"}"""));
    }

    [Fact]
    public void CommandWithoutTimeTakesThePreviousTime() =>
        Assert.Equal(77, Parse("""{"cmd":"endOfDay"}""", previousTime: 77).Timestamp);

    [Fact]
    public void TimeMayBeAnIsoUtcString()
    {
        Assert.Equal(1_767_346_200_000_000_000, Parse("""{"cmd":"time","time":"2026-01-02T09:30:00Z"}""").Timestamp);
        Assert.Equal(1_767_346_200_000_000_005, Parse("""{"cmd":"time","time":"2026-01-02T09:30:00.000000005Z"}""").Timestamp);
        Assert.Equal(1_767_346_200_500_000_000, Parse("""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","qty":1,"tif":"gtd","expireTime":"2026-01-02T09:30:00.5Z"}""").ExpireTime);
    }

    [Fact]
    public void AnEarlierTimeIsLeftToTheEngine() =>
        Assert.Equal(5, Parse("""{"cmd":"time","time":5}""", previousTime: 6).Timestamp);

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"2026-01-02 09:30:00Z\"")]
    [InlineData("\"2026-01-02T09:30:00+01:00\"")]
    [InlineData("\"2026-01-02T09:30:00.1234567891Z\"")]
    [InlineData("\"1969-12-31T23:59:59Z\"")]
    [InlineData("true")]
    public void BadTimesAreErrors(string value) =>
        Assert.StartsWith("field 'time' must be nanoseconds since the Unix epoch", Error($$"""{"cmd":"time","time":{{value}}}"""));

    [Fact]
    public void AccountsGetIdsInOrderOfFirstAppearance()
    {
        Assert.Equal(1, Parse("""{"cmd":"cancel","account":"B","clientId":"x"}""").Account);
        Assert.Equal(2, Parse("""{"cmd":"cancel","account":"7","clientId":"x"}""").Account);
        Assert.Equal(1, Parse("""{"cmd":"cancel","account":"B","clientId":"x"}""").Account);
        Assert.Equal("7", _accounts.NameOf(2));
    }

    [Fact]
    public void ALineWithAnErrorRegistersNoAccount()
    {
        Error("""{"cmd":"cancel","account":"Z","clientId":"has space"}""");

        Assert.Equal(1, Parse("""{"cmd":"cancel","account":"Y","clientId":"y"}""").Account);
    }

    [Theory]
    [InlineData("\"1\"", 100_000_000L)]
    [InlineData("1", 100_000_000L)]
    [InlineData("\"0.00000001\"", 1L)]
    [InlineData("\"-2.5\"", -250_000_000L)]
    [InlineData("100.25", 10_025_000_000L)]
    public void PricesAreExactFixedPointFromStringsOrNumbers(string value, long expected) =>
        Assert.Equal(expected, Parse($$"""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","qty":1,"price":{{value}}}""").Price);

    [Theory]
    [InlineData("\"1.000000001\"")]
    [InlineData("1e2")]
    [InlineData("\"abc\"")]
    [InlineData("\"\"")]
    [InlineData("true")]
    public void PricesThatAreNotExactDecimalsAreErrors(string value) =>
        Assert.Equal("field 'price' must be a decimal price with at most 8 decimals",
            Error($$"""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","qty":1,"price":{{value}}}"""));

    [Theory]
    [InlineData("not json", "invalid JSON at byte 1")]
    [InlineData("{\"cmd\":\"time\",\"time\":1", "invalid JSON at byte 22")]
    [InlineData("{\"cmd\":\"time\",\"time\":1} x", "invalid JSON at byte 24")]
    [InlineData("[1]", "expected a JSON object")]
    [InlineData("{}", "missing field 'cmd'")]
    [InlineData("{\"cmd\":\"buy\"}", "unknown cmd 'buy' (expected instrument, new, cancel, replace, massCancel, status, endOfDay, time, enableRisk, deposit, withdraw, limit or kill)")]
    [InlineData("{\"cmd\":\"time\",\"time\":1,\"time\":2}", "duplicate field 'time'")]
    [InlineData("{\"cmd\":\"time\",\"time\":null}", "field 'time' is null (leave it out instead)")]
    [InlineData("{\"cmd\":\"time\",\"time\":{\"a\":1}}", "field 'time' must be a string, number or boolean")]
    [InlineData("{\"cmd\":\"endOfDay\",\"price\":\"1\"}", "field 'price' does not belong to cmd 'endOfDay'")]
    [InlineData("{\"cmd\":\"cancel\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\"}", "field 'symbol' does not belong to cmd 'cancel'")]
    [InlineData("{\"cmd\":\"cancel\",\"account\":\"\",\"clientId\":\"a1\"}", "field 'account' is empty")]
    [InlineData("{\"cmd\":\"cancel\",\"account\":1,\"clientId\":\"a1\"}", "field 'account' must be a string")]
    [InlineData("{\"cmd\":\"cancel\",\"account\":\"A\"}", "missing field 'clientId'")]
    [InlineData("{\"cmd\":\"cancel\",\"account\":\"A\",\"clientId\":\"123456789012345678901234567890123\"}", "invalid clientId '123456789012345678901234567890123' (1 to 32 printable ASCII characters, no spaces)")]
    [InlineData("{\"cmd\":\"endOfDay\",\"symbol\":\"TOO-LONG-A-SYMBOL\"}", "invalid symbol 'TOO-LONG-A-SYMBOL' (1 to 16 printable ASCII characters, no spaces)")]
    [InlineData("{\"cmd\":\"status\",\"symbol\":\"S\",\"status\":\"paused\"}", "field 'status' must be open, halted or closed")]
    [InlineData("{\"cmd\":\"instrument\",\"symbol\":\"S\",\"tick\":\"1\",\"lot\":1,\"collarBps\":3000000000}", "field 'collarBps' is out of range")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"long\",\"type\":\"limit\",\"qty\":1}", "field 'side' must be buy or sell")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"iceberg\",\"qty\":1}", "field 'type' must be limit, market, stop or stopLimit")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"limit\",\"qty\":1,\"tif\":\"GTC\"}", "field 'tif' must be gtc, ioc, fok, day or gtd")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"limit\",\"qty\":1,\"stp\":\"both\"}", "field 'stp' must be none, cancelNewest, cancelOldest, cancelBoth or decrement")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"limit\",\"qty\":1.5}", "field 'qty' must be an integer")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"limit\",\"qty\":\"1\"}", "field 'qty' must be an integer")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"limit\",\"qty\":1,\"postOnly\":\"yes\"}", "field 'postOnly' must be true or false")]
    [InlineData("{\"cmd\":\"new\",\"account\":\"A\",\"clientId\":\"a1\",\"symbol\":\"S\",\"side\":\"buy\",\"type\":\"limit\"}", "missing field 'qty'")]
    public void MalformedLinesAreErrorsWithAReason(string line, string expected) => Assert.Equal(expected, Error(line));

    [Fact]
    public void ValuesTheEngineJudgesArePassedOnUnchecked()
    {
        // Zero and negative numbers are representable: the engine, not the console, rejects them.
        var c = Parse("""{"cmd":"new","account":"A","clientId":"a1","symbol":"S","side":"buy","type":"limit","qty":0,"price":"-1","display":-5}""");

        Assert.Equal((0L, -Price.Scale, -5L), (c.Quantity, c.Price, c.DisplayQuantity));
    }
}
