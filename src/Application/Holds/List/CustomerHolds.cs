using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.List;

public sealed record CustomerHolds(IReadOnlyList<Hold> Newest, int Total);
