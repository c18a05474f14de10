using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Model;

/// <summary>What the generator remembers of an order it sent (it never knows whether the order is still live).</summary>
internal sealed class IssuedOrder
{
    public long Account;
    public ClientOrderId ClientId;
    public GeneratedInstrument Instrument = null!;
    public Side Side;
    public OrderType Type;
    public long Price;
    public long StopPrice;
    public long Quantity;
}
