using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Journal.Tests;

/// <summary>Deterministic commands with every field varied, for round trips and workloads.</summary>
internal static class CommandSamples
{
    private static readonly Symbol[] Symbols = [Symbol.Parse("AAPL"), Symbol.Parse("MSFT"), Symbol.Parse("BRK.A"), Symbol.Parse("ABCDEFGHIJKLMNOP")];

    /// <summary>The command for <paramref name="sequence"/>: the same every time it is asked for.</summary>
    public static Command For(long sequence)
    {
        var random = new Random(unchecked((int)sequence * 7919 + 17));
        return new Command
        {
            Type = (CommandType)random.Next(1, 9),
            Side = (Side)random.Next(1, 3),
            OrderType = (OrderType)random.Next(1, 5),
            TimeInForce = (TimeInForce)random.Next(1, 6),
            SelfTradePrevention = (SelfTradePrevention)random.Next(0, 5),
            Flags = (OrderFlags)random.Next(0, 2),
            Status = (TradingStatus)random.Next(1, 4),
            Timestamp = 1_700_000_000_000_000_000 + sequence * 1_000,
            Account = random.NextInt64(1, 1_000_000),
            Symbol = Symbols[random.Next(Symbols.Length)],
            ClientId = ClientOrderId.FromNumber(sequence),
            OrigClientId = random.Next(3) == 0 ? default : ClientOrderId.FromNumber(random.NextInt64(1, long.MaxValue)),
            Price = random.NextInt64(1, 1_000_000) * 1_000_000,
            StopPrice = random.NextInt64(0, 1_000_000) * 1_000_000,
            Quantity = random.NextInt64(1, 10_000),
            DisplayQuantity = random.NextInt64(0, 100),
            ExpireTime = random.NextInt64(),
            TickSize = random.NextInt64(1, 100),
            LotSize = random.NextInt64(1, 100),
            MinQuantity = random.NextInt64(1, 100),
            MaxQuantity = random.NextInt64(100, long.MaxValue),
            CollarBasisPoints = random.Next(),
            EntrySession = random.NextInt64(),
        };
    }
}
