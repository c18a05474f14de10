using System.CommandLine;
using System.Text;
using Exchange.Core.Matching;

namespace Exchange.Server.Script;

/// <summary>`exchange script`: the engine console (JSON Lines commands on stdin, events on stdout).</summary>
internal static class ScriptCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "Read commands from this file instead of stdin.",
        };
        input.AcceptExistingOnly();
        var command = new Command("script",
            "Run engine commands (JSON Lines on stdin) and print events (JSON Lines on stdout). Format: docs/engine-console.md.")
        {
            input,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(input)));
        return command;
    }

    private static int Run(FileInfo? inputFile)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = inputFile is null
            ? new StreamReader(Console.OpenStandardInput(), utf8)
            : new StreamReader(inputFile.FullName, utf8);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8);
        new ScriptConsole(new MatchingEngine()).Run(input, output);
        return 0;
    }
}
