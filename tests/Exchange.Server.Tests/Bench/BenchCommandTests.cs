using System.CommandLine;
using Exchange.Server.Bench;

namespace Exchange.Server.Tests.Bench;

public class BenchCommandTests
{
    private static ParseResult Parse(string arguments) =>
        new RootCommand { BenchCommand.Create() }.Parse("bench " + arguments);

    [Theory]
    [InlineData("")]
    [InlineData("--scenario standard --json")]
    [InlineData("--scenario all --commands 1000 --warmup 0 --seed 9")]
    [InlineData("--scenario deep")]
    [InlineData("--scenario all --rounds 5 --json")]
    [InlineData("--scenario multi --shards 2")]
    public void ShouldAcceptTheDocumentedOptions(string arguments)
    {
        Assert.Empty(Parse(arguments).Errors);
    }

    [Theory]
    [InlineData("--scenario nosuch")]
    [InlineData("--commands many")]
    [InlineData("--rounds several")]
    [InlineData("--shards two")]
    public void ShouldRefuseUnknownScenariosAndNonNumbers(string arguments)
    {
        Assert.NotEmpty(Parse(arguments).Errors);
    }

    [Theory]
    [InlineData("--shards 0")]
    [InlineData("--shards 65")]
    public void ShouldRefuseAShardCountOutOfRangeBeforeMeasuring(string arguments)
    {
        Assert.Equal(2, Parse(arguments).Invoke());
    }

    [Fact]
    public void ShouldRunEveryScenarioNameTheOptionAccepts()
    {
        foreach (string name in ScenarioCatalog.Names)
        {
            var workloads = ScenarioCatalog.Select(name);
            Assert.NotNull(workloads);
            Assert.Equal(name, Assert.Single(workloads).Name);
        }
        Assert.Equal(ScenarioCatalog.Names, ScenarioCatalog.Select(ScenarioCatalog.All)!.Select(w => w.Name));
    }
}
