namespace Exchange.Core.Risk;

/// <summary>One instrument's pre-trade limits and circuit-breaker state (docs/risk.md). Owned by the engine thread.</summary>
internal sealed class InstrumentRisk
{
    // Limits (0 = none).
    public long MaxOrderQuantity;
    public long MaxOrderNotional;
    public long PriceBandBps;
    /// <summary>Limit Up-Limit Down tier (1 or 2); 0 turns price bands and move levels off for the instrument.</summary>
    public long LuldTier = 1;
    public long VolumeSpikeMultiple;
    public long ImbalancePercent;
    public long MoveLevelBps = 500;

    /// <summary>Index of the settlement currency in the engine's currency table.</summary>
    public int CurrencyIndex;

    public readonly TradeWindow Window = new();

    /// <summary>Band reference: the window's mean trade price, else the last one computed, else the declared reference.</summary>
    public long Reference;
    public long LowerBand;
    public long UpperBand;
    /// <summary><see cref="TradeWindow.Version"/> the bands were computed for (-1: never).</summary>
    public long BandsVersion = -1;

    /// <summary>When the book reached a band edge (limit state); 0 = not in limit state.</summary>
    public long LimitStateSince;

    /// <summary>Highest short-term move level reported since the move last fell below level 1.</summary>
    public long MoveLevel;
    public bool VolumeSpikeReported;
    public bool ImbalanceReported;

    public bool HasBands => LuldTier > 0 && UpperBand > 0;

    /// <summary>Whether any circuit breaker or alert is configured (else evaluating the instrument does nothing).</summary>
    public bool HasBreakers => LuldTier > 0 || MoveLevelBps > 0 || VolumeSpikeMultiple > 0 || ImbalancePercent > 0;

    /// <summary>Every number of the state, in a fixed order (snapshots and the state digest).</summary>
    public void Save(List<long> state)
    {
        state.Add(MaxOrderQuantity);
        state.Add(MaxOrderNotional);
        state.Add(PriceBandBps);
        state.Add(LuldTier);
        state.Add(VolumeSpikeMultiple);
        state.Add(ImbalancePercent);
        state.Add(MoveLevelBps);
        state.Add(Reference);
        state.Add(LowerBand);
        state.Add(UpperBand);
        state.Add(BandsVersion);
        state.Add(LimitStateSince);
        state.Add(MoveLevel);
        state.Add(VolumeSpikeReported ? 1 : 0);
        state.Add(ImbalanceReported ? 1 : 0);
        Window.Save(state);
    }

    public int Restore(ReadOnlySpan<long> state)
    {
        MaxOrderQuantity = state[0];
        MaxOrderNotional = state[1];
        PriceBandBps = state[2];
        LuldTier = state[3];
        VolumeSpikeMultiple = state[4];
        ImbalancePercent = state[5];
        MoveLevelBps = state[6];
        Reference = state[7];
        LowerBand = state[8];
        UpperBand = state[9];
        BandsVersion = state[10];
        LimitStateSince = state[11];
        MoveLevel = state[12];
        VolumeSpikeReported = state[13] != 0;
        ImbalanceReported = state[14] != 0;
        return 15 + Window.Restore(state[15..]);
    }

    /// <summary>Whether trades are recorded in the window (something reads it).</summary>
    public bool RecordsTrades => LuldTier > 0 || MoveLevelBps > 0 || VolumeSpikeMultiple > 0;
}
