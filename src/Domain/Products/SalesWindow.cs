namespace Reservations.Domain.Products;

/// <summary>When a product sells: from <see cref="OpensAt"/> (none: at once) until <see cref="ClosesAt"/> (none: ever), unless paused.</summary>
public readonly record struct SalesWindow(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool Paused);
