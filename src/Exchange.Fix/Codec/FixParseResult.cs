namespace Exchange.Fix.Codec;

/// <summary>Outcome of <see cref="FixMessage.Parse(ReadOnlySpan{byte})"/>: valid, or the SessionRejectReason (373) and
/// RefTagID (371, 0 when no tag applies) a session-level Reject should carry. <see cref="Reason"/> and
/// <see cref="RefTagId"/> mean something only when <see cref="IsValid"/> is false.</summary>
public readonly record struct FixParseResult(bool IsValid, SessionRejectReason Reason, int RefTagId)
{
    /// <summary>The message is well formed and its standard header is usable.</summary>
    public static FixParseResult Valid => new(true, default, 0);

    internal static FixParseResult Reject(SessionRejectReason reason, int refTagId = 0) => new(false, reason, refTagId);
}
