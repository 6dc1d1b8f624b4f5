using Reservations.Domain.Customers;

namespace Reservations.Application.Common.Ports;

/// <summary>The idempotency key, when given, makes a repeat with the same seconds answer what the first extension
/// answered, and extend nothing more.</summary>
public sealed record ExtendRequest(Guid HoldId, CustomerId Customer, int Seconds, string? IdempotencyKey);
