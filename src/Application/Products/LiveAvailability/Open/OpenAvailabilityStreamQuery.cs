using Mediator;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Products.LiveAvailability.Open;

/// <summary>Opens a stream of a product's availability; <paramref name="LastEventId"/> resumes one (SSE <c>Last-Event-ID</c>).</summary>
public sealed record OpenAvailabilityStreamQuery(Guid ProductId, string? LastEventId) : IQuery<Result<AvailabilitySubscription>>;
