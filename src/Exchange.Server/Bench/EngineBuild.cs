using System.Diagnostics;
using System.Reflection;
using Exchange.Core.Matching;

namespace Exchange.Server.Bench;

/// <summary>Whether the engine being measured was compiled with optimisations (a Debug build's figures mean nothing).</summary>
internal static class EngineBuild
{
    public static bool IsOptimized { get; } =
        typeof(MatchingEngine).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
}
