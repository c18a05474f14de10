using System.Globalization;

namespace Exchange.Journal.Format;

/// <summary>Segment file names: <c>journal-{firstSequence:D20}.seg</c>, so ordinal name order is sequence order.</summary>
public static class SegmentName
{
    private const string Prefix = "journal-";
    private const string Suffix = ".seg";

    /// <summary>Glob matching every segment file.</summary>
    public const string Pattern = Prefix + "*" + Suffix;

    public static string Format(long firstSequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{firstSequence:D20}{Suffix}");

    /// <summary>True for a well-formed segment name; <paramref name="firstSequence"/> is the sequence it encodes.</summary>
    public static bool TryParse(string name, out long firstSequence)
    {
        firstSequence = 0;
        if (name.Length != Prefix.Length + 20 + Suffix.Length
            || !name.StartsWith(Prefix, StringComparison.Ordinal)
            || !name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }
        var digits = name.AsSpan(Prefix.Length, 20);
        return !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
    }
}
