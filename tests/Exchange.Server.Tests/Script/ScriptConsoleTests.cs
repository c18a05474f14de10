using Exchange.Core.Matching;
using Exchange.Server.Script;

namespace Exchange.Server.Tests.Script;

public sealed class ScriptConsoleTests
{
    private const string Instrument = """{"cmd":"instrument","symbol":"AAPL","tick":"0.01","lot":1}""";

    private static string[] Run(params string[] lines)
    {
        using var input = new StringReader(string.Join('\n', lines));
        using var output = new StringWriter();
        new ScriptConsole(new MatchingEngine()).Run(input, output);
        return output.ToString().Split('\n')[..^1];
    }

    [Fact]
    public void BlankAndCommentLinesProduceNothingButAreCounted()
    {
        var output = Run("", "   ", "# a comment", "  # indented comment", "nonsense");

        Assert.Equal(["""{"event":"error","line":5,"message":"invalid JSON at byte 1"}"""], output);
    }

    [Fact]
    public void EveryOutputLineEndsWithALineFeed()
    {
        using var input = new StringReader(Instrument);
        using var output = new StringWriter();

        new ScriptConsole(new MatchingEngine()).Run(input, output);

        Assert.Equal("""{"seq":1,"event":"instrument","symbol":"AAPL"}""" + "\n", output.ToString());
    }

    [Fact]
    public void AnErrorLineDoesNotStopTheConsole()
    {
        var output = Run("{", Instrument);

        Assert.Equal(2, output.Length);
        Assert.StartsWith("""{"event":"error","line":1,""", output[0], StringComparison.Ordinal);
        Assert.Equal("""{"seq":1,"event":"instrument","symbol":"AAPL"}""", output[1]);
    }

    [Fact]
    public void AccountNamesComeBackInEventsEvenWhenNumeric()
    {
        var output = Run(Instrument,
            """{"cmd":"new","account":"42","clientId":"x","symbol":"AAPL","side":"buy","type":"limit","price":"1","qty":1}""");

        Assert.Contains("\"account\":\"42\"", output[1], StringComparison.Ordinal);
    }

    [Fact]
    public void PricesShowTheDecimalsOfTheInstrumentsTick()
    {
        var output = Run("""{"cmd":"instrument","symbol":"X","tick":"0.0005","lot":1,"refPrice":"2"}""",
            """{"cmd":"new","account":"A","clientId":"x","symbol":"X","side":"buy","type":"limit","price":"1.5","qty":1}""");

        Assert.Equal("""{"seq":1,"event":"instrument","symbol":"X","refPrice":"2.0000"}""", output[0]);
        Assert.Contains("\"price\":\"1.5000\"", output[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ACommandWithoutTimeRunsAtThePreviousCommandsTime()
    {
        // Had the order run at time 0, an expire time of 100 would be valid; at the carried-over 100 it is not.
        var output = Run(Instrument,
            """{"cmd":"time","time":100}""",
            """{"cmd":"new","account":"A","clientId":"g","symbol":"AAPL","side":"buy","type":"limit","price":"1","qty":1,"tif":"gtd","expireTime":100}""");

        Assert.Equal(2, output.Length);
        Assert.EndsWith("\"reason\":\"invalidExpireTime\"}", output[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameInputGivesByteIdenticalOutput()
    {
        string[] lines =
        [
            Instrument,
            """{"cmd":"new","account":"A","clientId":"a","symbol":"AAPL","side":"sell","type":"limit","price":"10","qty":5}""",
            """{"cmd":"new","account":"B","clientId":"b","symbol":"AAPL","side":"buy","type":"market","qty":3}""",
        ];

        Assert.Equal(Run(lines), Run(lines));
    }
}
