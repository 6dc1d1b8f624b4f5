using Reservations.Application.Common.Ports;

namespace Reservations.Infrastructure.Redis.Scripts.Reserve;

/// <summary>One request of a reserve batch, with the id its hold gets if it is taken.</summary>
internal readonly record struct ReserveCall(ReserveRequest Request, Guid HoldId);
