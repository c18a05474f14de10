namespace Exchange.Server.Tests.Script;

public sealed class TranscriptDiffTests
{
    [Fact]
    public void EqualTranscriptsShowOnlyCommonLines() =>
        Assert.Equal("  > a\n  < b\n", TranscriptDiff.Format(["> a", "< b"], ["> a", "< b"]).ReplaceLineEndings("\n"));

    [Fact]
    public void AChangedLineShowsAsRemovedAndAdded() =>
        Assert.Equal("  > a\n- < b\n+ < x\n  > c\n",
            TranscriptDiff.Format(["> a", "< b", "> c"], ["> a", "< x", "> c"]).ReplaceLineEndings("\n"));

    [Fact]
    public void MissingAndExtraLinesAreMarked()
    {
        Assert.Equal("  > a\n- < b\n", TranscriptDiff.Format(["> a", "< b"], ["> a"]).ReplaceLineEndings("\n"));
        Assert.Equal("  > a\n+ < b\n", TranscriptDiff.Format(["> a"], ["> a", "< b"]).ReplaceLineEndings("\n"));
    }
}
