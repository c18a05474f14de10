namespace Exchange.Core.Matching;

// FIFO queues of orders inside price levels.
public sealed partial class MatchingEngine
{
    /// <summary>Appends an order at the back of the level for <paramref name="price"/> (created if needed;
    /// <paramref name="hint"/>: a live level of the side near the price, or 0).</summary>
    private void Enqueue(BookSide side, int index, long price, int hint = 0)
    {
        int level = side.GetOrAdd(price, hint);
        Append(level, index);
        _levels.Items[level].Visible += _orders.Items[index].Visible;
    }

    /// <summary>Takes an order out of its level, removing the level when it empties.</summary>
    private void Dequeue(BookSide side, int index)
    {
        ref var o = ref _orders.Items[index];
        int level = o.Level;
        _levels.Items[level].Visible -= o.Visible;
        Unlink(level, index);
        if (_levels.Items[level].OrderCount == 0)
        {
            side.Remove(level);
        }
    }

    private void Append(int level, int index)
    {
        var items = _orders.Items;
        ref var l = ref _levels.Items[level];
        ref var o = ref items[index];
        o.Level = level;
        o.Next = 0;
        o.Prev = l.Tail;
        if (l.Tail != 0)
        {
            items[l.Tail].Next = index;
        }
        else
        {
            l.Head = index;
        }
        l.Tail = index;
        l.OrderCount++;
    }

    private void Unlink(int level, int index)
    {
        var items = _orders.Items;
        ref var l = ref _levels.Items[level];
        ref var o = ref items[index];
        if (o.Prev != 0)
        {
            items[o.Prev].Next = o.Next;
        }
        else
        {
            l.Head = o.Next;
        }
        if (o.Next != 0)
        {
            items[o.Next].Prev = o.Prev;
        }
        else
        {
            l.Tail = o.Prev;
        }
        o.Prev = 0;
        o.Next = 0;
        o.Level = 0;
        l.OrderCount--;
    }
}
