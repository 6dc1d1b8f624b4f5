using System.Globalization;
using Reservations.Domain.Customers;
using Reservations.Domain.Reservations;

namespace Reservations.Infrastructure.Redis;

/// <summary>Reads the packed hold the scripts write: <c>status|productId|quantity|unitPrice|createdMs|deadlineMs|tallied|customer</c>.</summary>
internal static class HoldCodec
{
    public static Hold Parse(Guid holdId, string value)
    {
        var parts = value.Split('|', 8);
        return new Hold(
            holdId,
            Guid.ParseExact(parts[1], "N"),
            CustomerId.From(parts[7]),
            Quantity.From(int.Parse(parts[2], CultureInfo.InvariantCulture)),
            decimal.Parse(parts[3], CultureInfo.InvariantCulture),
            StatusOf(parts[0]),
            Time(parts[4]),
            Time(parts[5]));
    }

    public static DateTimeOffset Time(string unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(unixMs, CultureInfo.InvariantCulture));

    private static HoldStatus StatusOf(string code) => code switch
    {
        "h" => HoldStatus.Held,
        "p" => HoldStatus.Purchased,
        "c" => HoldStatus.Completed,
        "r" => HoldStatus.Released,
        "e" => HoldStatus.Expired,
        _ => throw new FormatException($"Unknown hold status '{code}'."),
    };
}
