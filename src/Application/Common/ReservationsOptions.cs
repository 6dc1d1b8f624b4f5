using Reservations.Domain.Products;

namespace Reservations.Application.Common;

public sealed class ReservationsOptions
{
    public const string Section = "Reservations";

    public int DefaultHoldSeconds { get; set; } = HoldDuration.DefaultSeconds;
}
