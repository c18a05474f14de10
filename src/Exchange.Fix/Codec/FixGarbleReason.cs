namespace Exchange.Fix.Codec;

/// <summary>Why a frame was garbled. FIX says garbled messages are ignored (no Reject, no sequence number consumed),
/// so this exists for logs and metrics only.</summary>
public enum FixGarbleReason
{
    /// <summary>Not garbled.</summary>
    None,

    /// <summary>The buffer does not start with <c>8=FIX.4.4&lt;SOH&gt;</c>.</summary>
    BadBeginString,

    /// <summary>The second field is not <c>9=&lt;digits&gt;&lt;SOH&gt;</c>, or the length is zero.</summary>
    BadBodyLength,

    /// <summary>BodyLength is above the configured maximum; the message is not buffered.</summary>
    BodyLengthTooLarge,

    /// <summary>The bytes after the body are not <c>10=&lt;3 digits&gt;&lt;SOH&gt;</c> (so BodyLength is wrong or the trailer malformed).</summary>
    BadCheckSumField,

    /// <summary>The CheckSum field does not match the bytes.</summary>
    CheckSumMismatch,
}
