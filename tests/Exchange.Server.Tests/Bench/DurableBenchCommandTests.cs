using System.CommandLine;
using Exchange.Server.Bench.Durable;

namespace Exchange.Server.Tests.Bench;

public class DurableBenchCommandTests
{
    private static ParseResult Parse(string arguments) =>
        new RootCommand { DurableBenchCommand.Create() }.Parse("bench-durable " + arguments);

    [Theory]
    [InlineData("")]
    [InlineData("--part latency")]
    [InlineData("--part pipeline --commands 1000000 --dir /tmp/x --json")]
    [InlineData("--part journal")]
    [InlineData("--part recovery")]
    public void ShouldAcceptTheDocumentedOptions(string arguments)
    {
        Assert.Empty(Parse(arguments).Errors);
    }

    [Fact]
    public void ShouldRefuseAnUnknownPart()
    {
        Assert.NotEmpty(Parse("--part disk").Errors);
    }
}
