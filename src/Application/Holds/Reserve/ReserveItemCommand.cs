using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Reserve;

/// <summary>One product (<see cref="ProductId"/> and <see cref="Quantity"/>) or a cart (<see cref="Items"/>, all or
/// nothing); the validator accepts one form, not both.</summary>
public sealed record ReserveItemCommand(
    string CustomerId, Guid? ProductId, int? Quantity, IReadOnlyList<ReserveItemLine>? Items, string? IdempotencyKey,
    int? HoldSeconds = null)
    : ICommand<Result<ReservationResponse>>
{
    public ReserveItemCommand(string customerId, Guid productId, int quantity, string? idempotencyKey, int? HoldSeconds = null)
        : this(customerId, productId, quantity, null, idempotencyKey, HoldSeconds)
    {
    }

    public IReadOnlyList<ReserveItemLine> Lines() =>
        Items ?? [new ReserveItemLine(ProductId ?? Guid.Empty, Quantity ?? 0)];
}

public sealed record ReserveItemLine(Guid ProductId, int Quantity);
