namespace Exchange.MarketData.Tests;

/// <summary>Finds the public ITCH 5.0 sample: copied beside the test assembly, or in a <c>shared/data</c>
/// directory of any ancestor (CI clones the repository with <c>shared</c> beside it).</summary>
internal static class SampleFile
{
    public const string RelativePath = "shared/data/ex20101224.TEST_ITCH_50";

    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The file's bytes; only called from a <see cref="SampleFileFactAttribute"/> test, which is skipped
    /// when the file is missing.</summary>
    public static byte[] Read() => File.ReadAllBytes(Find() ?? throw new FileNotFoundException(RelativePath));
}
