using Exchange.Fix.Codec;

namespace Exchange.Fix.Tests.Codec;

public class FixMessageTests
{
    private const string Header = "49=CLIENT1|56=EXCH|34=7|52=20261123-14:30:00.123|";

    private readonly FixMessage _message = new(new FixMessageReader().MaxMessageLength);

    private FixParseResult Parse(string body) => _message.Parse(FixText.Message(body));

    [Fact]
    public void ParsesANewOrderSingle()
    {
        FixParseResult result = Parse("35=D|" + Header + "11=ORD-1|1=ACC-9|55=AAPL|54=1|60=20261123-14:30:00.120|38=100|40=2|44=187.25|59=0|");

        Assert.Equal(FixParseResult.Valid, result);
        Assert.True(_message.MsgType.SequenceEqual("D"u8));
        Assert.True(_message.SenderCompId.SequenceEqual("CLIENT1"u8));
        Assert.True(_message.TargetCompId.SequenceEqual("EXCH"u8));
        Assert.Equal(7, _message.MsgSeqNum);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 30, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000, _message.SendingTime);
        Assert.False(_message.PossDupFlag);
        Assert.True(_message.TryGetString(FixTag.ClOrdId, out string? clOrdId));
        Assert.Equal("ORD-1", clOrdId);
        Assert.True(_message.TryGetChar(FixTag.Side, out char side));
        Assert.Equal('1', side);
        Assert.True(_message.TryGetLong(FixTag.OrderQty, out long qty));
        Assert.Equal(100, qty);
        Assert.True(_message.TryGetDecimalAsFixedPoint(FixTag.Price, out long price));
        Assert.Equal(18_725_000_000, price);
        Assert.True(_message.TryGetUtcTimestamp(FixTag.TransactTime, out long transactTime));
        Assert.Equal(_message.SendingTime - 3_000_000, transactTime);
        Assert.Equal(17, _message.FieldCount);
        Assert.Equal(FixTag.CheckSum, _message.TagAt(_message.FieldCount - 1));
    }

    [Fact]
    public void ParsesAnExecutionReportWithDecimalQuantities()
    {
        FixParseResult result = Parse("35=8|" + Header + "37=O-1|17=E-1|150=F|39=1|55=AAPL|54=2|38=10.5|32=0.25|31=187.0001|151=10.25|14=0.25|6=187.0001|");

        Assert.Equal(FixParseResult.Valid, result);
        Assert.True(_message.TryGetDecimalAsFixedPoint(31, out long lastPx));
        Assert.Equal(18_700_010_000, lastPx);
        Assert.True(_message.TryGetDecimalAsFixedPoint(32, out long lastQty));
        Assert.Equal(25_000_000, lastQty);
        Assert.False(_message.TryGetLong(38, out _));
    }

    [Fact]
    public void ParsesALogonWithAPossibleDuplicateFlag()
    {
        FixParseResult result = Parse("35=A|" + Header + "43=Y|122=20261123-14:29:59|98=0|108=30|141=Y|553=user|554=secret|");

        Assert.Equal(FixParseResult.Valid, result);
        Assert.True(_message.PossDupFlag);
        Assert.True(_message.TryGetInt(FixTag.HeartBtInt, out int heartBtInt));
        Assert.Equal(30, heartBtInt);
        Assert.True(_message.TryGetBool(FixTag.ResetSeqNumFlag, out bool reset));
        Assert.True(reset);
        Assert.True(_message.TryGetSpan(FixTag.Password, out ReadOnlySpan<byte> password));
        Assert.True(password.SequenceEqual("secret"u8));
        Assert.False(_message.Contains(FixTag.Text));
        Assert.False(_message.TryGetInt(FixTag.Text, out _));
    }

    [Fact]
    public void IndexesRepeatingGroupsInWireOrder()
    {
        FixParseResult result = Parse("35=D|" + Header + "11=A|453=2|448=P1|447=D|452=1|448=P2|447=D|452=3|55=X|");

        Assert.Equal(FixParseResult.Valid, result);
        Assert.True(_message.TryGetString(448, out string? first));
        Assert.Equal("P1", first);
        Assert.Equal(17, _message.FieldCount);
        Assert.Equal(448, _message.TagAt(12));
        Assert.True(_message.ValueAt(12).SequenceEqual("P2"u8));
    }

    [Fact]
    public void ReadsADataFieldThatContainsTheDelimiterByItsLength()
    {
        FixParseResult result = Parse("35=A|" + Header + "95=5|96=a|b|c|108=30|");

        Assert.Equal(FixParseResult.Valid, result);
        Assert.True(_message.TryGetSpan(96, out ReadOnlySpan<byte> raw));
        Assert.Equal("a|b|c", FixText.Show(raw));
        Assert.True(_message.TryGetInt(FixTag.HeartBtInt, out _));
    }

    [Theory]
    [InlineData("35=D|" + Header + "x1=A|", SessionRejectReason.InvalidTagNumber, 0)]
    [InlineData("35=D|" + Header + "=A|", SessionRejectReason.InvalidTagNumber, 0)]
    [InlineData("35=D|" + Header + "011=A|", SessionRejectReason.InvalidTagNumber, 0)]
    [InlineData("35=D|" + Header + "0=A|", SessionRejectReason.InvalidTagNumber, 0)]
    [InlineData("35=D|" + Header + "1234567890=A|", SessionRejectReason.InvalidTagNumber, 0)]
    [InlineData("35=D|" + Header + "11|", SessionRejectReason.InvalidTagNumber, 0)]
    [InlineData("35=D|" + Header + "11=|", SessionRejectReason.TagSpecifiedWithoutAValue, 11)]
    [InlineData("35=D|" + Header + "11=A|11=B|", SessionRejectReason.TagAppearsMoreThanOnce, 11)]
    [InlineData("35=D|" + Header + "453=1|448=P|49=X|", SessionRejectReason.TagAppearsMoreThanOnce, 49)]
    [InlineData("49=CLIENT1|35=D|56=EXCH|34=7|52=20261123-14:30:00|", SessionRejectReason.TagSpecifiedOutOfRequiredOrder, 35)]
    [InlineData("49=CLIENT1|56=EXCH|34=7|52=20261123-14:30:00|", SessionRejectReason.RequiredTagMissing, 35)]
    [InlineData("35=D|56=EXCH|34=7|52=20261123-14:30:00|", SessionRejectReason.RequiredTagMissing, 49)]
    [InlineData("35=D|49=C|34=7|52=20261123-14:30:00|", SessionRejectReason.RequiredTagMissing, 56)]
    [InlineData("35=D|49=C|56=E|52=20261123-14:30:00|", SessionRejectReason.RequiredTagMissing, 34)]
    [InlineData("35=D|49=C|56=E|34=7|", SessionRejectReason.RequiredTagMissing, 52)]
    [InlineData("35=D|49=C|56=E|34=x7|52=20261123-14:30:00|", SessionRejectReason.IncorrectDataFormatForValue, 34)]
    [InlineData("35=D|49=C|56=E|34=0|52=20261123-14:30:00|", SessionRejectReason.IncorrectDataFormatForValue, 34)]
    [InlineData("35=D|49=C|56=E|34=7|52=20261323-14:30:00|", SessionRejectReason.IncorrectDataFormatForValue, 52)]
    [InlineData("35=D|" + Header + "43=X|", SessionRejectReason.ValueIsIncorrectForThisTag, 43)]
    [InlineData("35=A|" + Header + "95=x|96=abc|", SessionRejectReason.IncorrectDataFormatForValue, 95)]
    [InlineData("35=A|" + Header + "95=9|96=abc|", SessionRejectReason.IncorrectDataFormatForValue, 96)]
    public void RejectsSemanticallyBadMessagesWithReasonAndRefTag(string body, SessionRejectReason reason, int refTagId)
    {
        Assert.Equal(new FixParseResult(false, reason, refTagId), Parse(body));
    }

    [Fact]
    public void RejectsAMessageWhoseCheckSumIsNotTheLastField()
    {
        byte[] bytes = FixText.Raw("8=FIX.4.4|9=5|35=0|10=163|49=X|");

        Assert.Equal(new FixParseResult(false, SessionRejectReason.TagAppearsMoreThanOnce, 49), _message.Parse(FixText.Raw("8=FIX.4.4|9=5|49=A|49=B|")));
        Assert.Equal(new FixParseResult(false, SessionRejectReason.TagSpecifiedOutOfRequiredOrder, 10), _message.Parse(bytes));
    }

    [Fact]
    public void RejectsMoreFieldsThanConfigured()
    {
        var small = new FixMessage(1024, maxFields: 8);

        Assert.Equal(new FixParseResult(false, SessionRejectReason.Other, 0), small.Parse(FixText.Message("35=0|" + Header + "58=a|")));
    }

    [Fact]
    public void ForgetsTheFieldsOfThePreviousMessage()
    {
        Assert.True(Parse("35=D|" + Header + "11=A|").IsValid);
        Assert.True(Parse("35=0|" + Header).IsValid);

        Assert.False(_message.Contains(FixTag.ClOrdId));
        Assert.True(_message.MsgType.SequenceEqual("0"u8));
    }
}
