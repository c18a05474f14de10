namespace Exchange.Server.Tests.Gateways.Fix;

/// <summary>A test that needs QuickFIX C++ (Debian libquickfix-dev) and g++. Skipped with a message on a developer
/// machine without them; never skipped in CI (CI=true), where .ci/run installs the package, so a missing package
/// fails the test loudly there.</summary>
public sealed class QuickFixFactAttribute : FactAttribute
{
    public QuickFixFactAttribute()
    {
        if (!QuickFixInitiator.ToolchainPresent && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "QuickFIX C++ interop: g++ or /usr/include/quickfix missing (apt-get install -y g++ libquickfix-dev)";
        }
    }
}
