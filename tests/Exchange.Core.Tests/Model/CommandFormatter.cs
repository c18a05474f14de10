using System.Globalization;
using System.Text;
using Exchange.Core.Commands;
using Exchange.Core.Domain;

namespace Exchange.Core.Tests.Model;

/// <summary>Writes a <see cref="Command"/> as one readable line with only the fields its type uses.</summary>
internal static class CommandFormatter
{
    public static string Format(in Command c, long timeOrigin = 0)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"{c.Type} t={FormatTime(c.Timestamp, timeOrigin)}");
        switch (c.Type)
        {
            case CommandType.AddInstrument:
                s.Append(CultureInfo.InvariantCulture,
                    $" {c.Symbol} tick={Price.Format(c.TickSize)} lot={c.LotSize} min={c.MinQuantity} max={c.MaxQuantity} ref={Price.Format(c.Price)} collarBps={c.CollarBasisPoints}");
                break;
            case CommandType.NewOrder:
                s.Append(CultureInfo.InvariantCulture, $" acct={c.Account} cid={c.ClientId} {c.Symbol} {c.Side} {c.OrderType} {c.TimeInForce} qty={c.Quantity}");
                AppendIf(s, c.Price != 0, "px", Price.Format(c.Price));
                AppendIf(s, c.StopPrice != 0, "stop", Price.Format(c.StopPrice));
                AppendIf(s, c.DisplayQuantity != 0, "display", c.DisplayQuantity.ToString(CultureInfo.InvariantCulture));
                AppendIf(s, c.ExpireTime != 0, "expire", FormatTime(c.ExpireTime, timeOrigin));
                AppendIf(s, c.SelfTradePrevention != SelfTradePrevention.None, "stp", c.SelfTradePrevention.ToString());
                AppendIf(s, c.Flags != OrderFlags.None, "flags", c.Flags.ToString());
                AppendIf(s, !c.OrigClientId.IsEmpty, "oco", c.OrigClientId.ToString());
                break;
            case CommandType.Cancel:
                s.Append(CultureInfo.InvariantCulture, $" acct={c.Account} orig={c.OrigClientId} {c.Symbol} {c.Side}");
                break;
            case CommandType.Replace:
                s.Append(CultureInfo.InvariantCulture,
                    $" acct={c.Account} orig={c.OrigClientId} cid={c.ClientId} {c.Symbol} {c.Side} qty={c.Quantity} px={Price.Format(c.Price)} stop={Price.Format(c.StopPrice)}");
                break;
            case CommandType.MassCancel:
                s.Append(CultureInfo.InvariantCulture, $" acct={c.Account} symbol={c.Symbol}");
                break;
            case CommandType.SetStatus:
                s.Append(CultureInfo.InvariantCulture, $" {c.Symbol} {c.Status}");
                break;
            case CommandType.EndOfDay:
                s.Append(CultureInfo.InvariantCulture, $" symbol={c.Symbol}");
                break;
            default:
                break;
        }
        return s.ToString();
    }

    /// <summary>Time relative to <paramref name="origin"/> in milliseconds with nanosecond digits.</summary>
    public static string FormatTime(long time, long origin) =>
        origin == 0 ? time.ToString(CultureInfo.InvariantCulture)
            : "+" + ((time - origin) / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture) + "ms";

    private static void AppendIf(StringBuilder s, bool condition, string name, string value)
    {
        if (condition)
        {
            s.Append(' ').Append(name).Append('=').Append(value);
        }
    }
}
