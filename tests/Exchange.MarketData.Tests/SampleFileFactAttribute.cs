namespace Exchange.MarketData.Tests;

/// <summary>A fact that xUnit 2 skips, with the reason, only when <see cref="SampleFile"/> cannot find the sample.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SampleFileFactAttribute : FactAttribute
{
    public SampleFileFactAttribute()
    {
        if (SampleFile.Find() is null)
        {
            Skip = $"ITCH sample not found: no ancestor of {AppContext.BaseDirectory} holds {SampleFile.RelativePath}";
        }
    }
}
