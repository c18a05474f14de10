using Exchange.Core.Matching;
using Exchange.Server.Script;

namespace Exchange.Server.Tests.Script;

/// <summary>Runs every <c>Scenarios/*.scenario</c> transcript through <see cref="ScriptConsole"/> and compares the
/// output, input by input. The expected lines were derived by hand from docs/matching-rules.md.</summary>
public sealed class ScenarioTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Scenarios");

    public static TheoryData<string> Files()
    {
        var names = new TheoryData<string>();
        foreach (string path in System.IO.Directory.GetFiles(Directory, "*.scenario").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileName(path));
        }
        return names;
    }

    [Fact]
    public void ThereAreScenarios() => Assert.NotEmpty(Files());

    [Theory]
    [MemberData(nameof(Files))]
    public void ConsoleOutputMatchesTheScenario(string file)
    {
        var scenario = Scenario.Load(Path.Combine(Directory, file));

        var actual = Replay(scenario);

        if (!actual.SequenceEqual(scenario.Transcript))
        {
            Assert.Fail($"{file}: console output differs from the scenario (- expected, + actual):\n" +
                        TranscriptDiff.Format(scenario.Transcript, actual));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReplayingTheScenarioGivesByteIdenticalOutput(string file)
    {
        var scenario = Scenario.Load(Path.Combine(Directory, file));

        Assert.Equal(RunWhole(scenario), RunWhole(scenario));
    }

    // The transcript the console produces: each input line followed by the events it caused.
    private static List<string> Replay(Scenario scenario)
    {
        var console = new ScriptConsole(new MatchingEngine());
        var transcript = new List<string>();
        foreach (string input in scenario.Inputs)
        {
            transcript.Add("> " + input);
            using var output = new StringWriter();
            console.ProcessLine(input, output);
            transcript.AddRange(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "< " + l));
        }
        return transcript;
    }

    private static string RunWhole(Scenario scenario)
    {
        using var input = new StringReader(string.Join('\n', scenario.Inputs));
        using var output = new StringWriter();
        new ScriptConsole(new MatchingEngine()).Run(input, output);
        return output.ToString();
    }
}
