using System.CommandLine;

namespace Exchange.Server.Script;

/// <summary>`exchange script`: the engine console (JSON Lines commands on stdin, events on stdout).</summary>
internal static class ScriptCommand
{
    public static Command Create()
    {
        var command = new Command("script", "Run engine commands (JSON Lines on stdin) and print events (JSON Lines on stdout).");
        command.SetAction(_ => 1);
        return command;
    }
}
