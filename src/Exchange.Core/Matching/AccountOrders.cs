namespace Exchange.Core.Matching;

/// <summary>Head and tail of one account's list of live orders (ascending order id), for mass cancels.</summary>
internal struct AccountOrders
{
    public long Account;
    public int Head;
    public int Tail;
    /// <summary>Number of live orders (for the open-order limit).</summary>
    public int OpenOrders;
}
