using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.LiveAvailability.Open;

public sealed record OpenAvailabilityStreamQuery(Guid ProductId, string? LastEventId) : IQuery<Result<AvailabilitySubscription>>;
