namespace Exchange.Fix.Codec;

/// <summary>Tag numbers the codec and session layer use, and the few structural facts about tags the parser needs.</summary>
public static class FixTag
{
    public const int Account = 1;
    public const int AvgPx = 6;
    public const int CumQty = 14;
    public const int ExecId = 17;
    public const int ExecInst = 18;
    public const int LastPx = 31;
    public const int LastQty = 32;
    public const int OrderId = 37;
    public const int OrdStatus = 39;
    public const int OrigClOrdId = 41;
    public const int EncryptMethod = 98;
    public const int StopPx = 99;
    public const int CxlRejReason = 102;
    public const int OrdRejReason = 103;
    public const int MaxFloor = 111;
    public const int ExpireTime = 126;
    public const int ExecType = 150;
    public const int LeavesQty = 151;
    public const int RefMsgType = 372;
    public const int BusinessRejectRefId = 379;
    public const int BusinessRejectReason = 380;
    public const int CxlRejResponseTo = 434;
    public const int MassCancelRequestType = 530;
    public const int MassCancelResponse = 531;
    public const int MassCancelRejectReason = 532;
    public const int TotalAffectedOrders = 533;
    public const int OrdStatusReqId = 790;
    public const int NextExpectedMsgSeqNum = 789;
    public const int BeginSeqNo = 7;
    public const int BeginString = 8;
    public const int BodyLength = 9;
    public const int CheckSum = 10;
    public const int ClOrdId = 11;
    public const int EndSeqNo = 16;
    public const int MsgSeqNum = 34;
    public const int MsgType = 35;
    public const int NewSeqNo = 36;
    public const int OrderQty = 38;
    public const int OrdType = 40;
    public const int PossDupFlag = 43;
    public const int Price = 44;
    public const int RefSeqNum = 45;
    public const int SenderCompId = 49;
    public const int SendingTime = 52;
    public const int Side = 54;
    public const int Symbol = 55;
    public const int TargetCompId = 56;
    public const int Text = 58;
    public const int TimeInForce = 59;
    public const int TransactTime = 60;
    public const int PossResend = 97;
    public const int HeartBtInt = 108;
    public const int TestReqId = 112;
    public const int OrigSendingTime = 122;
    public const int GapFillFlag = 123;
    public const int ResetSeqNumFlag = 141;
    public const int RefTagId = 371;
    public const int SessionRejectReason = 373;
    public const int Username = 553;
    public const int Password = 554;

    /// <summary>Standard header and trailer tags: these may never repeat, even inside a message with repeating groups.</summary>
    public static bool IsHeaderOrTrailer(int tag) => tag switch
    {
        8 or 9 or 35 or 49 or 56 or 115 or 128 or 90 or 91 or 34 or 50 or 142 or 57 or 143 or 116 or 144 or 129 or 145
            or 43 or 97 or 52 or 122 or 212 or 213 or 347 or 369 or 93 or 89 or 10 => true,
        _ => false,
    };

    /// <summary>FIX 4.4 NumInGroup tags (NoPartyIDs, NoLegs, …). Body tags may legitimately repeat after one of these,
    /// so duplicate detection for body tags stops there (groups are not parsed yet, only indexed).</summary>
    public static bool IsNumInGroup(int tag) => tag switch
    {
        73 or 78 or 124 or 136 or 146 or 199 or 215 or 232 or 267 or 268 or 382 or 384 or 386 or 453 or 454 or 518
            or 552 or 555 or 576 or 627 or 711 or 768 or 802 or 864 or 870 => true,
        _ => false,
    };

    /// <summary>For a Length tag that announces a data field (RawDataLength 95 → RawData 96, …), the data tag; else 0.
    /// A data field's value may contain SOH, so it is read by length, not by delimiter.</summary>
    public static int DataTagFor(int lengthTag) => lengthTag switch
    {
        90 => 91,
        93 => 89,
        95 => 96,
        212 => 213,
        348 => 349,
        350 => 351,
        352 => 353,
        354 => 355,
        356 => 357,
        358 => 359,
        360 => 361,
        362 => 363,
        364 => 365,
        445 => 446,
        618 => 619,
        621 => 622,
        _ => 0,
    };
}
