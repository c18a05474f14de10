using Exchange.Core.Domain;

namespace Exchange.Server.LoadTest;

/// <summary>One generated order: a GTC limit or an IOC market order.</summary>
internal readonly record struct LoadOrder(Side Side, bool Market, long Price, long Quantity);
