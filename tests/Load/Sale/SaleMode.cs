using System.Text.Json.Serialization;

namespace Reservations.Load.Sale;

/// <summary>What the sale runs against: the API over HTTP (with the Worker behind it), or the inventory gate alone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SaleMode>))]
public enum SaleMode
{
    Http,
    Gate,
}
