using System.Text;

namespace Exchange.Server.Tests.Script;

/// <summary>A line diff of two transcripts (longest common subsequence), written like a unified diff without
/// hunks: "  " same, "- " expected only, "+ " actual only. Transcripts are short, so O(n·m) is fine.</summary>
public static class TranscriptDiff
{
    public static string Format(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        int n = expected.Count, m = actual.Count;
        var common = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                common[i, j] = expected[i] == actual[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var text = new StringBuilder();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && expected[a] == actual[b])
            {
                text.Append("  ").AppendLine(expected[a++]);
                b++;
            }
            else if (a < n && (b == m || common[a + 1, b] >= common[a, b + 1]))
            {
                text.Append("- ").AppendLine(expected[a++]);
            }
            else
            {
                text.Append("+ ").AppendLine(actual[b++]);
            }
        }
        return text.ToString();
    }
}
