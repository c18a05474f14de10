using Exchange.Server.Configuration;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>The FIX gateway end to end over loopback: order entry through the hub, reports from durable events.</summary>
public sealed class FixGatewayTests : IDisposable
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(500);

    private readonly FixGatewayFixture _exchange = new();

    public void Dispose() => _exchange.Dispose();

    private static bool Report(Dictionary<int, string> m, string clOrdId, string execType) =>
        m[35] == "8" && m.GetValueOrDefault(11) == clOrdId && m[150] == execType;

    [Fact]
    public void ShouldReportFillsWithLastPxCumQtyAndAveragePriceToBothSides()
    {
        using var seller = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        using var buyer = FixTestClient.LogOn(_exchange.Endpoint, "TRADER2");
        seller.Send("35=D|11=s1|55=AAPL|54=2|38=10|40=2|44=190|59=1");
        seller.WaitFor(m => Report(m, "s1", "0"));
        seller.Send("35=D|11=s2|55=AAPL|54=2|38=10|40=2|44=190.01|59=1");
        seller.WaitFor(m => Report(m, "s2", "0"));

        buyer.Send("35=D|11=b1|55=AAPL|54=1|38=25|40=2|44=190.01|59=1");
        var accepted = buyer.WaitFor(m => Report(m, "b1", "0"));
        Assert.Equal(("0", "25", "0", "25"), (accepted[39], accepted[38], accepted[14], accepted[151]));
        var first = buyer.WaitFor(m => Report(m, "b1", "F"));
        Assert.Equal(("1", "190", "10", "10", "15", "190"), (first[39], first[31], first[32], first[14], first[151], first[6]));
        var second = buyer.WaitFor(m => Report(m, "b1", "F"));
        // AvgPx over both fills: (10 x 190 + 10 x 190.01) / 20 = 190.005
        Assert.Equal(("1", "190.01", "10", "20", "5", "190.005"), (second[39], second[31], second[32], second[14], second[151], second[6]));
        Assert.NotEqual(first[17], second[17]);

        var makerFill = seller.WaitFor(m => Report(m, "s1", "F"));
        Assert.Equal(("2", "2", "10", "0", "190", "10"), (makerFill[39], makerFill[54], makerFill[14], makerFill[151], makerFill[6], makerFill[32]));
        Assert.Equal("2", seller.WaitFor(m => Report(m, "s2", "F"))[39]);
    }

    [Fact]
    public void ShouldCancelReplaceAndMassCancelWithTheRequestsIds()
    {
        using var client = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        client.Send("35=D|11=a|55=MSFT|54=1|38=10|40=2|44=400|59=1");
        string orderId = client.WaitFor(m => Report(m, "a", "0"))[37];

        client.Send("35=G|11=a2|41=a|55=MSFT|54=1|38=12|40=2|44=401");
        var replaced = client.WaitFor(m => Report(m, "a2", "5"));
        Assert.Equal(("a", "12", "401", "0", orderId), (replaced[41], replaced[38], replaced[44], replaced[39], replaced[37]));

        client.Send("35=F|11=a3|41=a2|55=MSFT|54=1");
        var cancelled = client.WaitFor(m => Report(m, "a3", "4"));
        Assert.Equal(("a2", "4", "0", "0"), (cancelled[41], cancelled[39], cancelled[151], cancelled[14]));

        client.Send("35=F|11=a4|41=a2|55=MSFT|54=1");
        var tooLate = client.WaitFor(m => m[35] == "9");
        Assert.Equal(("a4", "a2", "1", "1"), (tooLate[11], tooLate[41], tooLate[434], tooLate[102]));

        client.Send("35=D|11=m1|55=MSFT|54=1|38=1|40=2|44=300|59=1");
        client.Send("35=D|11=m2|55=GOOG|54=2|38=1|40=2|44=200|59=1");
        client.WaitFor(m => Report(m, "m2", "0"));
        client.Send("35=q|11=mass|530=7");
        var report = client.WaitFor(m => m[35] == "r");
        Assert.Equal(("mass", "7", "7", "2"), (report[11], report[530], report[531], report[533]));
        client.WaitFor(m => Report(m, "m1", "4"));
        client.WaitFor(m => Report(m, "m2", "4"));
    }

    [Fact]
    public void ShouldReportOneMassCancelOverAllShards()
    {
        using var exchange = new FixGatewayFixture(c => c with { Shards = [new(0, ["AAPL", "MSFT"]), new(1, ["GOOG", "TSLA"])] });
        using var client = FixTestClient.LogOn(exchange.Endpoint, "TRADER2");
        client.Send("35=D|11=x1|55=AAPL|54=1|38=1|40=2|44=100|59=1");
        client.Send("35=D|11=x2|55=GOOG|54=1|38=1|40=2|44=100|59=1");
        client.Send("35=D|11=x3|55=TSLA|54=1|38=1|40=2|44=100|59=1");
        client.WaitFor(m => Report(m, "x1", "0"));
        client.WaitFor(m => Report(m, "x2", "0"));
        client.WaitFor(m => Report(m, "x3", "0"));
        client.Send("35=q|11=everything|530=7");
        var report = client.WaitFor(m => m[35] == "r");
        Assert.Equal(("7", "3"), (report[531], report[533]));
        Assert.False(client.Receives(m => m[35] == "r", Moment)); // one report, not one per shard
    }

    [Fact]
    public void ShouldRejectWhatTheEngineRefusesWithTheMatchingReason()
    {
        using var client = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        client.Send("35=D|11=r1|55=NOPE|54=1|38=10|40=2|44=1|59=1");
        var unknownSymbol = client.WaitFor(m => Report(m, "r1", "8"));
        Assert.Equal(("8", "1", "NONE"), (unknownSymbol[39], unknownSymbol[103], unknownSymbol[37]));

        client.Send("35=D|11=r2|55=AAPL|54=1|38=10|40=2|44=190.001|59=1");
        Assert.Equal("PriceOffTick", client.WaitFor(m => Report(m, "r2", "8"))[58]);

        client.Send("35=D|11=r3|55=AAPL|54=1|38=10|40=2|44=150|59=1");
        client.WaitFor(m => Report(m, "r3", "0"));
        client.Send("35=D|11=r3|55=AAPL|54=1|38=10|40=2|44=150|59=1");
        Assert.Equal("6", client.WaitFor(m => Report(m, "r3", "8"))[103]); // duplicate ClOrdID of a live order

        // Malformed application fields are session-level Rejects (35=3) with the tag.
        client.Send("35=D|11=r4|55=AAPL|54=7|38=10|40=2|44=150");
        var reject = client.WaitFor(m => m[35] == "3");
        Assert.Equal(("54", "5"), (reject[371], reject[373]));

        // Unsupported message types: BusinessMessageReject.
        client.Send("35=R|131=quote-please");
        var business = client.WaitFor(m => m[35] == "j");
        Assert.Equal(("R", "3"), (business[372], business[380]));
        // Not a FIX 4.4 message type at all: session-level Reject, InvalidMsgType.
        client.Send("35=ZZZ|58=what");
        var invalid = client.WaitFor(m => m[35] == "3");
        Assert.Equal(("35", "11", "ZZZ"), (invalid[371], invalid[373], invalid[372]));
    }

    [Fact]
    public void ShouldNeverShowOrLetTouchAnotherAccountsOrders()
    {
        using var one = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        using var two = FixTestClient.LogOn(_exchange.Endpoint, "TRADER2");
        one.Send("35=D|11=mine|55=TSLA|54=1|38=10|40=2|44=200|59=1");
        one.WaitFor(m => Report(m, "mine", "0"));

        two.Send("35=F|11=steal|41=mine|55=TSLA|54=1");
        var cancelReject = two.WaitFor(m => m[35] == "9");
        Assert.Equal(("1", "NONE"), (cancelReject[102], cancelReject[37])); // answered like an order that does not exist
        two.Send("35=G|11=steal2|41=mine|55=TSLA|54=1|38=1|40=2|44=1");
        Assert.Equal("1", two.WaitFor(m => m[35] == "9")[102]);
        two.Send("35=H|11=mine|55=TSLA|54=1");
        var status = two.WaitFor(m => m[35] == "8" && m[150] == "I");
        Assert.Equal(("8", "unknown order"), (status[39], status[58]));
        two.Send("35=D|11=x|55=TSLA|54=1|38=1|40=2|44=200|59=1|1=TRADER1");
        Assert.Equal("1", two.WaitFor(m => m[35] == "3")[371]); // Account is not the session's

        one.Send("35=H|11=mine|55=TSLA|54=1");
        var own = one.WaitFor(m => m[35] == "8" && m[150] == "I");
        Assert.Equal(("0", "10", "200"), (own[39], own[151], own[44]));
        Assert.False(two.Receives(m => m[35] == "8" && m.GetValueOrDefault(11) == "mine", Moment));
    }

    [Fact]
    public void ShouldAnswerAClientThatSendsABurstBeforeReading()
    {
        // 2,000 orders written before reading anything: the reports outgrow the socket buffers and queue in the
        // connection's outbound buffer; the reader must keep going and every report arrive in order.
        using var client = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        for (int i = 0; i < 2_000; i++)
        {
            client.Send($"35=D|11=burst{i}|55=AAPL|54=1|38=1|40=2|44=100|59=1");
        }
        for (int i = 0; i < 2_000; i++)
        {
            var report = client.WaitFor(m => m[35] == "8");
            Assert.Equal(($"burst{i}", "0"), (report[11], report[150]));
        }
    }

    [Fact]
    public void ShouldRejectAnOrderTheExchangeDoesNotAdmit()
    {
        _exchange.Hub.Admit = (_, _) => false;
        using var client = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        client.Send("35=D|11=limited|55=AAPL|54=1|38=10|40=2|44=190|59=1");
        var rejected = client.WaitFor(m => Report(m, "limited", "8"));
        Assert.Equal(("8", "rate limit exceeded"), (rejected[39], rejected[58]));
    }

    [Fact]
    public void ShouldAcknowledgeOnlyOrdersThatSurviveACrash()
    {
        using (var client = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1"))
        {
            client.Send("35=D|11=durable|55=AAPL|54=1|38=10|40=2|44=180|59=1");
            client.WaitFor(m => Report(m, "durable", "0"));
        }
        _exchange.Restart(crash: true);
        using var again = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1");
        again.Send("35=F|11=c|41=durable|55=AAPL|54=1");
        var cancelled = again.WaitFor(m => Report(m, "c", "4"));
        Assert.Equal("durable", cancelled[41]);
    }

    [Fact]
    public void ShouldDeliverReportsMissedWhileLoggedOutThroughResend()
    {
        using (var maker = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1"))
        {
            maker.Send("35=D|11=resting|55=GOOG|54=2|38=5|40=2|44=170|59=1");
            maker.WaitFor(m => Report(m, "resting", "0"));
            maker.Send("35=5");
            maker.WaitFor(m => m[35] == "5");
        }
        using (var taker = FixTestClient.LogOn(_exchange.Endpoint, "TRADER2"))
        {
            taker.Send("35=D|11=take|55=GOOG|54=1|38=5|40=2|44=170|59=3");
            taker.WaitFor(m => Report(m, "take", "F"));
        }
        _exchange.WaitForOutbound("TRADER1", 5); // 1 Logon, 2 New, 3 Logout, 4 the fill
        // TRADER1 was away: its fill was numbered and stored. It logs on without reset, sees the gap, asks for it.
        using var back = FixTestClient.LogOn(_exchange.Endpoint, "TRADER1", reset: false, nextSeqNum: 4);
        back.Send("35=2|7=4|16=0");
        var fill = back.WaitFor(m => Report(m, "resting", "F"));
        Assert.Equal(("Y", "2", "170"), (fill[43], fill[39], fill[6]));
        Assert.True(fill.ContainsKey(122));
    }

    [Fact]
    public void ShouldReportAnOrderToItsSessionAndTheAccountsDropCopyOnly()
    {
        using var exchange = new FixGatewayFixture(c => c with
        {
            FixSessions =
            [
                new FixSessionConfig("TRADER1"), new FixSessionConfig("DESK2", "TRADER1"),
                new FixSessionConfig("COPY1", "TRADER1", DropCopy: true), new FixSessionConfig("TRADER2"),
            ],
        });
        using var entering = FixTestClient.LogOn(exchange.Endpoint, "TRADER1");
        using var desk = FixTestClient.LogOn(exchange.Endpoint, "DESK2", username: "TRADER1");
        using var copy = FixTestClient.LogOn(exchange.Endpoint, "COPY1", username: "TRADER1");
        using var taker = FixTestClient.LogOn(exchange.Endpoint, "TRADER2");
        entering.Send("35=D|11=mine|55=AAPL|54=2|38=10|40=2|44=190|59=1");
        entering.WaitFor(m => Report(m, "mine", "0"));
        taker.Send("35=D|11=t|55=AAPL|54=1|38=4|40=2|44=190|59=3");

        Assert.Equal("4", entering.WaitFor(m => Report(m, "mine", "F"))[32]);
        copy.WaitFor(m => Report(m, "mine", "0"));
        Assert.Equal("4", copy.WaitFor(m => Report(m, "mine", "F"))[32]);
        // The account's other session hears only of its own order.
        desk.Send("35=D|11=own|55=AAPL|54=1|38=1|40=2|44=100|59=1");
        desk.WaitFor(m => Report(m, "own", "0"));
        Assert.DoesNotContain(desk.Received, m => m.GetValueOrDefault(11) == "mine");
        copy.WaitFor(m => Report(m, "own", "0"));
    }

    [Fact]
    public void ShouldCancelOrdersOnDisconnectOnlyWhenConfiguredAndNotOnLogout()
    {
        using var exchange = new FixGatewayFixture(c => c with
        {
            FixSessions =
            [
                new FixSessionConfig("TRADER1", CancelOnDisconnect: true), new FixSessionConfig("DESK2", "TRADER1"),
                new FixSessionConfig("TRADER2"),
            ],
        });
        // The account's order entered on its other session is not the dropped session's to cancel.
        using var desk = FixTestClient.LogOn(exchange.Endpoint, "DESK2", username: "TRADER1");
        desk.Send("35=D|11=desk|55=AAPL|54=1|38=10|40=2|44=140|59=1");
        desk.WaitFor(m => Report(m, "desk", "0"));
        using (var dropped = FixTestClient.LogOn(exchange.Endpoint, "TRADER1"))
        {
            dropped.Send("35=D|11=cod|55=AAPL|54=1|38=10|40=2|44=150|59=1");
            dropped.WaitFor(m => Report(m, "cod", "0"));
        } // connection dropped without Logout
        exchange.WaitForDisconnected("TRADER1");
        using var back = FixTestClient.LogOn(exchange.Endpoint, "TRADER1");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string status;
        do
        {
            back.Send("35=H|11=cod|55=AAPL|54=1");
            status = back.WaitFor(m => m[35] == "8" && m[150] == "I")[39];
        }
        while (status != "4" && DateTime.UtcNow < deadline);
        Assert.Equal("4", status);
        desk.Send("35=H|11=desk|55=AAPL|54=1");
        Assert.Equal("0", desk.WaitFor(m => m[35] == "8" && m[150] == "I")[39]);

        back.Send("35=D|11=stays|55=AAPL|54=1|38=10|40=2|44=150|59=1");
        back.WaitFor(m => Report(m, "stays", "0"));
        back.Send("35=5");
        back.WaitFor(m => m[35] == "5");
        using var third = FixTestClient.LogOn(exchange.Endpoint, "TRADER1");
        third.Send("35=H|11=stays|55=AAPL|54=1");
        Assert.Equal("0", third.WaitFor(m => m[35] == "8" && m[150] == "I")[39]);
    }
}
