using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds;

internal static class TestHolds
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 25, 13, 10, 4, TimeSpan.Zero);

    public static Hold Create(string customer = "alice", HoldStatus status = HoldStatus.Held, int quantity = 3) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), CustomerId.From(customer), Quantity.From(quantity), 49.90m, status,
            CreatedAt, CreatedAt.AddMinutes(10));

    /// <summary>The response a hold should map to, written out field by field.</summary>
    public static ReservationResponse ExpectedResponse(this Hold hold) =>
        new(hold.Id, hold.Lines[0].ProductId, hold.Customer.Value, hold.Lines[0].Quantity.Value, hold.Lines[0].UnitPrice,
            [new ReservationItemResponse(hold.Lines[0].ProductId, hold.Lines[0].Quantity.Value, hold.Lines[0].UnitPrice)],
            hold.Lines[0].Quantity.Value * hold.Lines[0].UnitPrice, hold.Status, hold.CreatedAt, hold.ExpiresAt);
}
