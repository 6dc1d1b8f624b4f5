using Mapster;
using Reservations.Domain.Reservations;

namespace Reservations.Application.Reservations;

public static class ReservationMapping
{
    // A configuration of its own, compiled once, rather than changes to Mapster's global settings at start-up.
    private static readonly TypeAdapterConfig Config = CreateConfig();

    public static ReservationResponse ToResponse(this Hold hold) => hold.Adapt<ReservationResponse>(Config);

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<Hold, ReservationResponse>()
            .Map(response => response.CustomerId, hold => hold.Customer.Value)
            .Map(response => response.Quantity, hold => hold.Quantity.Value);
        return config;
    }
}
