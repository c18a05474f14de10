namespace Exchange.Core.Domain;

/// <summary>Optional order instructions.</summary>
[Flags]
public enum OrderFlags : byte
{
    None = 0,
    /// <summary>Rejected if it would take liquidity on arrival (or on a replace).</summary>
    PostOnly = 1,
}
