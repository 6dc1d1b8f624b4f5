using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Holds.Reserve;

/// <summary>
/// Hold units of one product (<see cref="ProductId"/> and <see cref="Quantity"/>) or of several at once
/// (<see cref="Items"/>, a cart: all or nothing); the validator accepts one form, not both.
/// </summary>
public sealed record ReserveItemCommand(
    string CustomerId, Guid? ProductId, int? Quantity, IReadOnlyList<ReserveItemLine>? Items, string? IdempotencyKey,
    int? HoldSeconds = null)
    : ICommand<Result<ReservationResponse>>
{
    public ReserveItemCommand(string customerId, Guid productId, int quantity, string? idempotencyKey, int? HoldSeconds = null)
        : this(customerId, productId, quantity, null, idempotencyKey, HoldSeconds)
    {
    }

    /// <summary>The lines asked for, in either form.</summary>
    public IReadOnlyList<ReserveItemLine> Lines() =>
        Items ?? [new ReserveItemLine(ProductId ?? Guid.Empty, Quantity ?? 0)];
}

/// <summary>One product of a reserve and how many units of it.</summary>
public sealed record ReserveItemLine(Guid ProductId, int Quantity);
