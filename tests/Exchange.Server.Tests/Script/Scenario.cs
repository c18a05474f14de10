namespace Exchange.Server.Tests.Script;

/// <summary>A console transcript from a <c>.scenario</c> file: <c>&gt; </c> lines are console input, <c>&lt; </c>
/// lines the output expected right after the input above them, <c>#</c> lines and blank lines are comments.</summary>
public sealed class Scenario
{
    private Scenario(IReadOnlyList<string> transcript) => Transcript = transcript;

    /// <summary>The input and expected output lines in file order, each with its <c>&gt; </c>/<c>&lt; </c> prefix.</summary>
    public IReadOnlyList<string> Transcript { get; }

    /// <summary>The console input lines, in order, without prefix.</summary>
    public IEnumerable<string> Inputs => Transcript.Where(l => l.StartsWith("> ", StringComparison.Ordinal)).Select(l => l[2..]);

    public static Scenario Load(string path)
    {
        var transcript = new List<string>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (!line.StartsWith("> ", StringComparison.Ordinal) && !line.StartsWith("< ", StringComparison.Ordinal))
            {
                throw new FormatException($"{Path.GetFileName(path)}:{number}: a scenario line starts with '> ', '< ' or '#'");
            }
            transcript.Add(line);
        }
        return new Scenario(transcript);
    }
}
