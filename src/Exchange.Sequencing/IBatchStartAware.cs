namespace Exchange.Sequencing;

/// <summary>A handler that wants to know, before a batch's first slot, how far the batch reaches: every slot up to
/// <c>lastAvailable</c> is published and may be read ahead of its turn (e.g. to prefetch what it will touch).</summary>
public interface IBatchStartAware
{
    /// <param name="lastAvailable">The sequence of the batch's last slot.</param>
    void OnBatchStart(long lastAvailable);
}
