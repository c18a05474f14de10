namespace Exchange.Fix.Tests.Session;

/// <summary>Every scripted conversation in Session/Scripts (see <see cref="FixScript"/> for the format).</summary>
public sealed class FixSessionScriptTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Session", "Scripts"), "*.def").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void ShouldFollowTheScript(string script)
    {
        using var run = new FixScript();
        run.Run(Path.Combine(AppContext.BaseDirectory, "Session", "Scripts", script + ".def"));
    }
}
