namespace Exchange.Sequencing;

/// <summary>A consumer's logic, called for every slot in sequence order on the processor's thread.</summary>
public interface IEventHandler<T>
    where T : struct
{
    /// <param name="data">The slot; valid only during the call.</param>
    /// <param name="sequence">Its ring sequence.</param>
    /// <param name="endOfBatch">True for the last slot currently available: the place to flush.</param>
    void OnEvent(ref T data, long sequence, bool endOfBatch);
}
