using System.Globalization;
using System.Reflection;
using System.Text;
using Exchange.Core.Domain;
using Exchange.Core.Events;

namespace Exchange.Core.Tests.Model;

/// <summary>Compares <see cref="EngineEvent"/>s field by field and prints them in full.</summary>
internal static class EngineEventFormatter
{
    private static readonly FieldInfo[] Fields = typeof(EngineEvent).GetFields(BindingFlags.Public | BindingFlags.Instance);

    private static readonly HashSet<string> PriceFields = [nameof(EngineEvent.Price), nameof(EngineEvent.StopPrice)];

    /// <summary>Every field of both structs equal (explicit, so the hot comparison loop does no reflection).</summary>
    public static bool AreEqual(in EngineEvent a, in EngineEvent b) =>
        a.Sequence == b.Sequence && a.Timestamp == b.Timestamp && a.Type == b.Type && a.Side == b.Side
        && a.OrderType == b.OrderType && a.TimeInForce == b.TimeInForce && a.RejectReason == b.RejectReason
        && a.CancelReason == b.CancelReason && a.Status == b.Status && a.PriorityKept == b.PriorityKept
        && a.Symbol == b.Symbol && a.OrderId == b.OrderId && a.Account == b.Account && a.ClientId == b.ClientId
        && a.OrigClientId == b.OrigClientId && a.Price == b.Price && a.StopPrice == b.StopPrice
        && a.Quantity == b.Quantity && a.LeavesQuantity == b.LeavesQuantity && a.FilledQuantity == b.FilledQuantity
        && a.DisplayQuantity == b.DisplayQuantity && a.TradeId == b.TradeId && a.MakerOrderId == b.MakerOrderId
        && a.MakerAccount == b.MakerAccount && a.MakerClientId == b.MakerClientId
        && a.MakerLeavesQuantity == b.MakerLeavesQuantity && a.MakerFilledQuantity == b.MakerFilledQuantity;

    /// <summary>Names of the fields that differ (reflection: only used once a mismatch is found).</summary>
    public static List<string> DifferingFields(EngineEvent a, EngineEvent b) =>
        Fields.Where(f => !Equals(f.GetValue(a), f.GetValue(b))).Select(f => f.Name).ToList();

    /// <summary>Every field, "name=value", prices in decimal.</summary>
    public static string Format(EngineEvent e)
    {
        var s = new StringBuilder();
        foreach (var field in Fields)
        {
            object? value = field.GetValue(e);
            string text = value switch
            {
                long price when PriceFields.Contains(field.Name) => Price.Format(price),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value?.ToString() ?? "null",
            };
            if (s.Length > 0)
            {
                s.Append(' ');
            }
            s.Append(field.Name).Append('=').Append(text.Length == 0 ? "\"\"" : text);
        }
        return s.ToString();
    }
}
