using Mapster;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Reservations;

public static class ReservationMapping
{
    public static void Configure(TypeAdapterConfig config) =>
        config.NewConfig<Hold, ReservationResponse>()
            .Map(response => response.CustomerId, hold => hold.Customer.Value)
            .Map(response => response.Quantity, hold => hold.Quantity.Value);

    public static ReservationResponse ToResponse(this Hold hold) => hold.Adapt<ReservationResponse>();
}
