using Exchange.Server.Tests.Node;

namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>Our acceptor against real FIX software: QuickFIX C++ initiators (one process per account) trading with
/// each other through the FIX gateway, as `exchange serve` wires it.</summary>
public sealed class QuickFixInteropTests : IDisposable
{
    private readonly FixGatewayFixture _exchange = new();
    private readonly TempDirectory _clients = new();

    public void Dispose()
    {
        _exchange.Dispose();
        _clients.Dispose();
    }

    private QuickFixInitiator Start(string account, bool resetOnLogon = true, string password = "demo")
    {
        var initiator = new QuickFixInitiator(_exchange.Endpoint, account, Path.Combine(_clients.Path, account), resetOnLogon, password);
        return initiator;
    }

    [QuickFixFact]
    public void ShouldTradeCancelReplaceAndMassCancelBetweenTwoQuickFixClients()
    {
        using var seller = Start("TRADER1");
        using var buyer = Start("TRADER2");
        seller.WaitForLine(l => l == "LOGON");
        buyer.WaitForLine(l => l == "LOGON");

        // 1. A resting sell, partly filled by the other account's buy: both sides get their fill.
        seller.Send("35=D|11=s1|55=AAPL|54=2|38=100|40=2|44=190|59=1|60=20260302-14:30:00");
        var fresh = seller.WaitFor("IN ", "|35=8|", "|11=s1|", "|150=0|");
        Assert.Equal(("0", "100", "0"), (fresh[39], fresh[151], fresh[14]));
        buyer.Send("35=D|11=b1|55=AAPL|54=1|38=40|40=2|44=190.5|59=3|60=20260302-14:30:00");
        var taken = buyer.WaitFor("IN ", "|35=8|", "|11=b1|", "|150=F|");
        Assert.Equal(("2", "40", "190", "40", "0", "190"), (taken[39], taken[32], taken[31], taken[14], taken[151], taken[6]));
        var made = seller.WaitFor("IN ", "|35=8|", "|11=s1|", "|150=F|");
        Assert.Equal(("1", "40", "60", "190"), (made[39], made[14], made[151], made[6]));

        // 2. Replace the rest (new quantity, new price), then cancel it.
        seller.Send("35=G|11=s2|41=s1|55=AAPL|54=2|38=80|40=2|44=190.75|60=20260302-14:30:00");
        var replaced = seller.WaitFor("IN ", "|35=8|", "|11=s2|", "|150=5|");
        Assert.Equal(("s1", "80", "190.75", "40", "1"), (replaced[41], replaced[38], replaced[44], replaced[151], replaced[39]));
        seller.Send("35=F|11=s3|41=s2|55=AAPL|54=2|60=20260302-14:30:00");
        var cancelled = seller.WaitFor("IN ", "|35=8|", "|11=s3|", "|150=4|");
        Assert.Equal(("s2", "4", "0", "40"), (cancelled[41], cancelled[39], cancelled[151], cancelled[14]));

        // 3. Rejects: an unknown symbol, a cancel of an order that is gone, someone else's order.
        seller.Send("35=D|11=bad|55=ZZZZ|54=1|38=1|40=2|44=1|59=1|60=20260302-14:30:00");
        Assert.Equal("1", seller.WaitFor("IN ", "|35=8|", "|11=bad|", "|150=8|")[103]);
        seller.Send("35=F|11=s4|41=s2|55=AAPL|54=2|60=20260302-14:30:00");
        Assert.Equal("1", seller.WaitFor("IN ", "|35=9|", "|11=s4|")[434]);
        buyer.Send("35=D|11=b2|55=MSFT|54=1|38=5|40=2|44=400|59=1|60=20260302-14:30:00");
        buyer.WaitFor("IN ", "|35=8|", "|11=b2|", "|150=0|");
        seller.Send("35=F|11=s5|41=b2|55=MSFT|54=1|60=20260302-14:30:00");
        Assert.Equal("1", seller.WaitFor("IN ", "|35=9|", "|11=s5|")[102]);

        // 4. Mass cancel of every order of the account.
        seller.Send("35=D|11=m1|55=MSFT|54=2|38=1|40=2|44=450|59=1|60=20260302-14:30:00");
        seller.Send("35=D|11=m2|55=TSLA|54=1|38=1|40=2|44=200|59=1|60=20260302-14:30:00");
        seller.WaitFor("IN ", "|35=8|", "|11=m2|", "|150=0|");
        seller.Send("35=q|11=all|530=7|60=20260302-14:30:00");
        var report = seller.WaitFor("IN ", "|35=r|", "|11=all|");
        Assert.Equal(("7", "2"), (report[531], report[533]));
        seller.WaitFor("IN ", "|35=8|", "|11=m1|", "|150=4|");
        seller.WaitFor("IN ", "|35=8|", "|11=m2|", "|150=4|");
        // The buyer's order is untouched and still its own.
        buyer.Send("35=H|11=b2|55=MSFT|54=1");
        Assert.Equal("0", buyer.WaitFor("IN ", "|35=8|", "|11=b2|", "|150=I|")[39]);

        seller.LogoutAndStop();
        buyer.LogoutAndStop();
    }

    [QuickFixFact]
    public void ShouldResendToAQuickFixClientWhatItMissedWhileLoggedOut()
    {
        // 1. TRADER1 rests an order and logs out; its session store (and ours) keep the sequence numbers.
        var maker = Start("TRADER1", resetOnLogon: false);
        maker.WaitForLine(l => l == "LOGON");
        maker.Send("35=D|11=rest|55=GOOG|54=2|38=5|40=2|44=170|59=1|60=20260302-14:30:00");
        maker.WaitFor("IN ", "|35=8|", "|11=rest|", "|150=0|");
        maker.LogoutAndStop();

        // 2. TRADER2 takes it while TRADER1 is away.
        using (var taker = Start("TRADER2"))
        {
            taker.WaitForLine(l => l == "LOGON");
            taker.Send("35=D|11=take|55=GOOG|54=1|38=5|40=2|44=170|59=3|60=20260302-14:30:00");
            taker.WaitFor("IN ", "|35=8|", "|11=take|", "|150=F|");
            taker.LogoutAndStop();
        }
        _exchange.WaitForOutbound("TRADER1", 5); // 1 Logon, 2 New, 3 Logout, 4 the fill, stored while TRADER1 is away

        // 3. TRADER1 comes back (a new QuickFIX process on the same store): our Logon reply's MsgSeqNum is above what
        // it expects, QuickFIX asks for the gap, and the fill arrives as a possible duplicate with OrigSendingTime.
        using var back = Start("TRADER1", resetOnLogon: false);
        back.WaitFor("OUT ", "|35=A|");
        back.WaitFor("OUT ", "|35=2|");
        var fill = back.WaitFor("IN ", "|35=8|", "|11=rest|", "|150=F|");
        Assert.Equal(("Y", "2", "5", "170"), (fill[43], fill[39], fill[14], fill[6]));
        Assert.True(fill.ContainsKey(122));
        back.WaitForLine(l => l == "LOGON");

        // 4. The session goes on in sequence afterwards.
        back.Send("35=H|11=rest|55=GOOG|54=2");
        Assert.Equal("2", back.WaitFor("IN ", "|35=8|", "|11=rest|", "|150=I|")[39]);
        back.Command("seqnums");
        back.WaitForLine(l => l.StartsWith("SEQ ", StringComparison.Ordinal));
        back.LogoutAndStop();
    }

    [QuickFixFact]
    public void ShouldRefuseAQuickFixLogonWithTheWrongPassword()
    {
        using var intruder = Start("TRADER1", password: "guess");
        var logout = intruder.WaitFor("IN ", "|35=5|");
        Assert.Equal("invalid username or password", logout[58]);
    }
}
